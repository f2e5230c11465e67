/**
 * 公告牌海报 (?estate=<estate id>): a printable noticeboard poster — the estate's QR code that opens
 * the report page, the responsible units with their duties from the list, phones and 投诉举报电话,
 * 12345, the property company's published information and its 六公开/五公开 (issue 20 §5: the same
 * content as the noticeboard page). H5 draws the QR code of the H5 report URL; in weapp the mini-program code
 * comes from the backend (wxacode.getUnlimited), shown here as a placeholder.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { estateIdFromQuery } from '../../components/estate-query';
import { go, PAGES } from '../../components/nav';
import { CAN_PRINT, printPage } from '../../components/print';
import { estateQr } from '../../components/qr';
import { residentApi, type Noticeboard } from '../../components/resident-api';
import { Button } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import { PosterSheet } from './PosterSheet';
import './print-sheet';
import '../../components/components.css';
import './index.css';

function PosterPage() {
  const [board, setBoard] = useState<Noticeboard | null>(null);
  const [qr, setQr] = useState<{ image: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLoad((query: Record<string, string | undefined>) => {
    void (async () => {
      try {
        const estateId = await estateIdFromQuery(query);
        if (!estateId) {
          setError('请先选择小区');
          return;
        }
        const loaded = await residentApi.noticeboard({ estateId });
        setBoard(loaded);
        setQr(await estateQr(loaded.estate));
      } catch (err) {
        setError(friendlyMessage(err));
      }
    })();
  });

  if (!board) {
    return (
      <View className='poster-page'>
        {error ? (
          <View className='banner banner--error'>
            <Text>{error}</Text>
            <Text className='link' onClick={() => void go(PAGES.estates)}>
              {' '}
              选择小区
            </Text>
          </View>
        ) : (
          <Text className='muted'>正在生成海报…</Text>
        )}
      </View>
    );
  }

  return (
    <View className='poster-page'>
      <PosterSheet board={board} qr={qr} />

      {CAN_PRINT ? (
        <View className='actions__item no-print'>
          <Button type='primary' block onClick={printPage}>
            打印海报
          </Button>
        </View>
      ) : null}
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(PosterPage);
