/**
 * One estate's noticeboard poster (the sheet that is printed): the estate's QR code, its name, the
 * responsible units with duties and phones, 12345, the property company's information and its
 * 六公开/五公开. Shared by the single poster page and the jurisdiction's print-all page (issue 19 §4).
 * On paper nothing can be tapped: each 职责 reads in Simplified Chinese (002 is quoted in Traditional
 * characters; readableQuote as on the noticeboard) with its item, and the documents are named at the
 * foot, each by a mark the items carry. A list row that several units lead here is printed once, under
 * the first of them; the others name its item (另见〔①三(九)〕). print-sheet.css fits the whole sheet
 * on one A4 page.
 */
import { Image, Text, View } from '@tarojs/components';
import { sourceTitle } from '../../components/basis';
import { QR_DRAWN_HERE } from '../../components/qr';
import type { Noticeboard } from '../../components/resident-api';
import { readableQuote } from '../../../shared/jurisdictions/bundled/quotes';
import { shanghaiDateTime } from '../../../shared/sla/calendar';

const MARKS = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/** The documents the poster's duties cite, in order of first citation, each with its mark. */
export function posterSources(board: Pick<Noticeboard, 'units' | 'hotline'>): Array<{ source: string; mark: string; title: string }> {
  const sources = [...new Set([...board.units.flatMap((u) => u.duties.map((d) => d.source)), board.hotline.basis.source])];
  return sources.map((source, i) => ({ source, mark: MARKS[i] ?? `[${i + 1}]`, title: sourceTitle(source).replace(/^《(.*)》$/, '$1') }));
}

export interface PosterQr {
  image: string;
  url: string;
}

export function PosterSheet({ board, qr, className }: { board: Noticeboard; qr: PosterQr | null; className?: string }) {
  const { estate, units, property, hotline, disclosure } = board;
  const sources = posterSources(board);
  const markOf = (source: string) => sources.find((d) => d.source === source)?.mark ?? '';
  const cite = (d: { source: string; item: string }) => `〔${markOf(d.source)}${d.item}〕`;
  // A list row that leads several units here is printed once, under the first; the others name its item.
  const printed = new Set<string>();
  const dutiesOf = units.map((unit) => {
    const key = (d: (typeof unit.duties)[number]) => `${d.source}|${d.item}|${d.text}`;
    const first = unit.duties.filter((d) => !printed.has(key(d)));
    const again = unit.duties.filter((d) => printed.has(key(d)));
    unit.duties.forEach((d) => printed.add(key(d)));
    return { first, again };
  });
  return (
    <View className={className ? `poster ${className}` : 'poster'} data-poster-sheet={estate.id}>
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
        {units.map((unit, i) => (
          <View key={unit.id} className='poster__unit' data-unit={unit.id}>
            <View className='row row--between'>
              <Text className='poster__unit-name'>{unit.name}</Text>
              <Text className='poster__unit-phone'>{unit.phone ?? '电话待公布'}</Text>
            </View>
            <Text className='poster__unit-duty'>{unit.leadLabels.join('、')}</Text>
            {unit.contactPerson ? <Text className='poster__line'>联系人：{unit.contactPerson}</Text> : null}
            <Text className='poster__line'>投诉举报电话：{unit.complaintPhone ?? '待公布'}</Text>
            <View className='poster__duties'>
              <Text className='poster__duty-title'>职责：</Text>
              {dutiesOf[i]!.first.map((duty) => (
                <Text key={`${duty.source}|${duty.item}|${duty.text}`} className='poster__line poster__duty'>
                  {readableQuote(duty.text)}
                  <Text className='poster__cite'>{cite(duty)}</Text>
                </Text>
              ))}
              {dutiesOf[i]!.again.length ? (
                <Text className='poster__line poster__duty poster__again'>
                  另见<Text className='poster__cite'>{dutiesOf[i]!.again.map(cite).join('')}</Text>
                </Text>
              ) : null}
            </View>
          </View>
        ))}
        <View className='poster__unit' data-unit='12345'>
          <View className='row row--between'>
            <Text className='poster__unit-name'>{hotline.name}</Text>
            <Text className='poster__unit-phone'>{hotline.phone}</Text>
          </View>
          <View className='poster__duties'>
            <Text className='poster__duty-title'>职责：</Text>
            <Text className='poster__line poster__duty'>
              {hotline.duty}
              <Text className='poster__cite'>{cite(hotline.basis)}</Text>
            </Text>
          </View>
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
      <View className='poster__sources' data-sources=''>
        <Text className='poster__line'>
          职责依据：
          {sources.map((d) => `${d.mark}《${d.title}》`).join(' ')}
        </Text>
      </View>
      {qr ? <Text className='poster__url'>{qr.url}</Text> : null}
    </View>
  );
}
