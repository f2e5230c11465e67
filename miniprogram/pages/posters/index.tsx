/**
 * 打印全部海报 (?jurisdiction=<id>[&township=<id>], issue 19 §4): every estate of a jurisdiction (or
 * of one township) as its noticeboard poster, one A4 sheet each, so the county prints them as one
 * PDF. The estates are read page by page through admin.listEstates, so only an admin whose grants
 * reach the jurisdiction gets any; each sheet is the single poster page's PosterSheet (public
 * noticeboard content). weapp cannot print: it lists the estates, each opening its own poster page.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { go, PAGES } from '../../components/nav';
import { CAN_PRINT, printPage } from '../../components/print';
import { estateQr } from '../../components/qr';
import { residentApi, type Noticeboard } from '../../components/resident-api';
import { Button } from '../../ui';
import { PosterSheet, type PosterQr } from '../poster/PosterSheet';
import '../poster/print-sheet';
import { mapLimited, readEstates, readTownships, type PrintEstate, type Township } from './read-estates';
import './page-size';
import '../../components/components.css';
import '../poster/index.css';
import './index.css';

interface Sheet {
  estate: PrintEstate;
  board: Noticeboard | null;
  qr: PosterQr | null;
  error: string | null;
}

/** Noticeboards asked at once. */
const BOARDS_AT_ONCE = 4;

async function sheetOf(estate: PrintEstate): Promise<Sheet> {
  try {
    const board = await residentApi.noticeboard({ estateId: estate.id });
    return { estate, board, qr: await estateQr(board.estate), error: null };
  } catch (err) {
    return { estate, board: null, qr: null, error: friendlyMessage(err) };
  }
}

const ID = /^[a-z][a-z0-9-]*$/;
const TOWNSHIP_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export default function PostersPage() {
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [township, setTownship] = useState<string | null>(null);
  const [townships, setTownships] = useState<Township[]>([]);
  const [read, setRead] = useState<{ read: number; total: number } | null>(null);
  const [sheets, setSheets] = useState<Sheet[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (j: string, t: string | null) => {
    setSheets(null);
    setRead(null);
    setError(null);
    try {
      const estates = await readEstates(j, t, (n, total) => setRead({ read: n, total }));
      setRead({ read: estates.length, total: estates.length });
      // weapp draws no QR code here and cannot print: the list of links needs no noticeboards.
      setSheets(CAN_PRINT ? await mapLimited(estates, BOARDS_AT_ONCE, sheetOf) : estates.map((estate) => ({ estate, board: null, qr: null, error: null })));
    } catch (err) {
      setError(friendlyMessage(err));
    }
  };

  useLoad((query: Record<string, string | undefined>) => {
    const j = query.jurisdiction && ID.test(query.jurisdiction) ? query.jurisdiction : null;
    if (!j) {
      setError('请从县区上线页面打开，并指明辖区');
      return;
    }
    const t = query.township && TOWNSHIP_ID.test(query.township) ? query.township : null;
    setJurisdiction(j);
    setTownship(t);
    // The filter's names; without them the page still prints (the choice is only hidden).
    readTownships(j).then(setTownships, () => setTownships([]));
    void load(j, t);
  });

  const choose = (t: string | null) => {
    if (!jurisdiction || t === township) return;
    setTownship(t);
    void load(jurisdiction, t);
  };

  const filter =
    townships.length > 1 ? (
      <View className='no-print chips posters__filter'>
        {[{ id: null as string | null, name: '全部乡镇（街道）' }, ...townships].map((t) => (
          <View key={t.id ?? 'all'} className={t.id === township ? 'chip posters__choice posters__choice--on' : 'chip posters__choice'} data-township={t.id ?? ''} onClick={() => choose(t.id)}>
            <Text>{t.name}</Text>
          </View>
        ))}
      </View>
    ) : null;
  const where = township ? (townships.find((t) => t.id === township)?.name ?? township) : null;

  if (error) {
    return (
      <View className='posters-page'>
        {filter}
        <View className='banner banner--error'>
          <Text>{error}</Text>
        </View>
      </View>
    );
  }
  if (!sheets) {
    return (
      <View className='posters-page'>
        {filter}
        <Text className='muted' data-reading=''>
          {read ? `正在读取小区 ${read.read}/${read.total}，生成海报…` : '正在生成海报…'}
        </Text>
      </View>
    );
  }
  if (sheets.length === 0) {
    return (
      <View className='posters-page'>
        {filter}
        <Text className='muted' data-empty=''>
          {where ? `${where}还没有小区。` : '本辖区还没有小区，请先导入小区。'}
        </Text>
      </View>
    );
  }

  const count = `${where ?? '本辖区'}共 ${sheets.length} 个小区`;
  if (!CAN_PRINT) {
    return (
      <View className='posters-page'>
        {filter}
        <Text className='muted' data-count={sheets.length}>
          {count}。小程序内不能打印：请在电脑浏览器打开本页打印全部海报，或逐个打开海报。
        </Text>
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
        {filter}
        <Text className='muted' data-count={sheets.length}>
          {count}，每个小区一张 A4 海报；打印时可选择“另存为 PDF”。
        </Text>
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
