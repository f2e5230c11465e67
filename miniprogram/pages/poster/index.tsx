/**
 * 公告牌海报 (?estate=<estate id>): a printable noticeboard poster — the estate's QR code that opens
 * the report page, the responsible units with their duties from the list, phones and 投诉举报电话,
 * 12345, the property company's published information and its 六公开/五公开 (issue 20 §5: the same
 * content as the noticeboard page). H5 draws the QR code of the H5 report URL; in weapp the mini-program code
 * comes from the backend (wxacode.getUnlimited), shown here as a placeholder.
 */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { estateIdFromQuery } from '../../components/estate-query';
import { go, PAGES } from '../../components/nav';
import { CAN_PRINT, printPage } from '../../components/print';
import { estateQr, QR_DRAWN_HERE } from '../../components/qr';
import { residentApi, type Noticeboard } from '../../components/resident-api';
import { Button } from '../../ui';
import { withTextScale } from '../../ui/TextScale';
import { shanghaiDateTime } from '../../../shared/sla/calendar';
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

  const { estate, units, property, hotline, disclosure } = board;

  return (
    <View className='poster-page'>
      <View className='poster'>
        <Text className='poster__title'>执法部门职责及联系人公告牌</Text>
        <Text className='poster__estate'>{estate.name}</Text>

        <View className='poster__qr-box'>
          {qr ? (
            <Image className='poster__qr' src={qr.image} mode='aspectFit' />
          ) : (
            <View className='poster__qr poster__qr--placeholder'>
              <Text>
                {QR_DRAWN_HERE
                  ? '二维码生成失败，请刷新重试'
                  : `小程序码由后台生成（wxacode.getUnlimited，scene=${estate.sceneCode}），在管理后台下载打印`}
              </Text>
            </View>
          )}
          <Text className='poster__scan'>{QR_DRAWN_HERE ? '手机扫码' : '微信扫码'}，随手上报小区问题</Text>
          <Text className='poster__hint'>飞线充电、占用消防通道、乱收费……扫码拍照即可上报，处理进度全程可查</Text>
        </View>

        <View className='poster__units'>
          {units.map((unit) => (
            <View key={unit.id} className='poster__unit'>
              <View className='row row--between'>
                <Text className='poster__unit-name'>{unit.name}</Text>
                <Text className='poster__unit-phone'>{unit.phone ?? '电话待公布'}</Text>
              </View>
              <Text className='poster__unit-duty'>{unit.leadLabels.join('、')}</Text>
              {unit.contactPerson ? <Text className='poster__line'>联系人：{unit.contactPerson}</Text> : null}
              <Text className='poster__line'>投诉举报电话：{unit.complaintPhone ?? '待公布'}</Text>
              {unit.duties.map((duty) => (
                <Text key={`${duty.source}|${duty.item}|${duty.text}`} className='poster__line poster__duty'>
                  职责：{duty.text}
                </Text>
              ))}
            </View>
          ))}
          <View className='poster__unit' data-unit='12345'>
            <View className='row row--between'>
              <Text className='poster__unit-name'>{hotline.name}</Text>
              <Text className='poster__unit-phone'>{hotline.phone}</Text>
            </View>
            <Text className='poster__line poster__duty'>职责：{hotline.duty}</Text>
          </View>
        </View>

        {property ? (
          <View className='poster__property'>
            <Text className='poster__property-title'>物业服务企业公示</Text>
            <Text className='poster__line'>服务电话：{property.servicePhone}</Text>
            <Text className='poster__line'>收费标准：{property.feeStandard}</Text>
            <Text className='poster__line'>公共收益：{property.publicIncome}</Text>
          </View>
        ) : null}
        <View className='poster__property'>
          <Text className='poster__property-title'>六公开/五公开</Text>
          {disclosure.map((d) => (
            <Text key={d.key} className='poster__line'>
              {d.label}：{d.text ?? '尚未公示'}
              {d.updatedAt ? `（更新于 ${shanghaiDateTime(d.updatedAt).slice(0, 10)}）` : ''}
            </Text>
          ))}
        </View>
        {qr ? <Text className='poster__url'>{qr.url}</Text> : null}
      </View>

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
