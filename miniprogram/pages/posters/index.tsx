/**
 * 打印全部海报 (?jurisdiction=<id>, issue 19 §4): every estate of a jurisdiction's noticeboard
 * poster on one page, one poster per printed sheet, so the county prints them as one PDF. Each
 * sheet is the single poster page's PosterSheet (same QR code, name, units, phones, 12345 and
 * 公示). The content is the public noticeboard's, so whoever may open a poster may print them all.
 * weapp cannot print: it lists the estates, each opening its own poster page.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { go, PAGES } from '../../components/nav';
import { CAN_PRINT, printPage } from '../../components/print';
import { estateQr } from '../../components/qr';
import { residentApi, type EstateListItem, type Noticeboard } from '../../components/resident-api';
import { Button } from '../../ui';
import { PosterSheet, type PosterQr } from '../poster/PosterSheet';
import './page-size';
import '../../components/components.css';
import '../poster/index.css';
import './index.css';

interface Sheet {
  estate: EstateListItem;
  board: Noticeboard | null;
  qr: PosterQr | null;
  error: string | null;
}

/** report.estates answers at most 100 estates (shared/actions/common.ts Limit). */
const MAX_ESTATES = 100;

async function sheetOf(estate: EstateListItem): Promise<Sheet> {
  try {
    const board = await residentApi.noticeboard({ estateId: estate.id });
    return { estate, board, qr: await estateQr(board.estate), error: null };
  } catch (err) {
    return { estate, board: null, qr: null, error: friendlyMessage(err) };
  }
}

export default function PostersPage() {
  const [sheets, setSheets] = useState<Sheet[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLoad((query: Record<string, string | undefined>) => {
    const jurisdiction = query.jurisdiction && /^[a-z][a-z0-9-]*$/.test(query.jurisdiction) ? query.jurisdiction : null;
    if (!jurisdiction) {
      setError('请从县区上线页面打开，并指明辖区');
      return;
    }
    void (async () => {
      try {
        const { items } = await residentApi.estates({ limit: MAX_ESTATES });
        const mine = items.filter((e) => e.jurisdiction === jurisdiction);
        // weapp draws no QR code here and cannot print: the list of links needs no noticeboards.
        setSheets(CAN_PRINT ? await Promise.all(mine.map(sheetOf)) : mine.map((estate) => ({ estate, board: null, qr: null, error: null })));
      } catch (err) {
        setError(friendlyMessage(err));
      }
    })();
  });

  if (error) {
    return (
      <View className='posters-page'>
        <View className='banner banner--error'>
          <Text>{error}</Text>
        </View>
      </View>
    );
  }
  if (!sheets) {
    return (
      <View className='posters-page'>
        <Text className='muted'>正在生成海报…</Text>
      </View>
    );
  }
  if (sheets.length === 0) {
    return (
      <View className='posters-page'>
        <Text className='muted' data-empty=''>
          本辖区还没有小区，请先导入小区。
        </Text>
      </View>
    );
  }

  if (!CAN_PRINT) {
    return (
      <View className='posters-page'>
        <Text className='muted'>小程序内不能打印：请在电脑浏览器打开本页打印全部海报，或逐个打开海报。</Text>
        {sheets.map(({ estate }) => (
          <View key={estate.id} className='posters__link' data-estate={estate.id} onClick={() => void go(PAGES.poster, { estate: estate.id })}>
            <Text>{estate.name} · 打开海报 ›</Text>
          </View>
        ))}
      </View>
    );
  }

  return (
    <View className='posters-page'>
      <View className='no-print posters__head'>
        <Text className='muted'>共 {sheets.length} 张海报，每张一页；打印时可选择“另存为 PDF”。</Text>
        <View className='actions__item'>
          <Button type='primary' block onClick={printPage}>
            打印全部海报
          </Button>
        </View>
      </View>
      {sheets.map((s) => (
        <View key={s.estate.id} className='posters__sheet' data-sheet={s.estate.id}>
          {s.board ? (
            <PosterSheet board={s.board} qr={s.qr} />
          ) : (
            <View className='banner banner--error'>
              <Text>
                {s.estate.name}：{s.error}
              </Text>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
