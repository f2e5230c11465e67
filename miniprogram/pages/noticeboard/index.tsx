/**
 * 执法部门职责及联系人公告牌 (004 三(一)4) for one estate: each unit that leads categories here, with
 * its 职责 as the responsibility list words it, contact person, phone and 投诉举报电话 (tap to call),
 * 12345 always, and the property company's published 服务电话、收费标准、公共收益 and the six
 * 六公开/五公开 fields with their update dates (issue 20 §5). Links to the report page and the poster.
 * Each 职责 quote reads in Simplified Chinese with the document's words one tap away (issue 18 §4).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { estateIdFromQuery } from '../../components/estate-query';
import { back, go, PAGES } from '../../components/nav';
import { PhoneLink } from '../../components/PhoneLink';
import { citeBasis } from '../../components/basis';
import { residentApi, type Noticeboard } from '../../components/resident-api';
import { shanghaiDateTime } from '../../../shared/sla/calendar';
import { readableQuote } from '../../../shared/jurisdictions/bundled/quotes';
import { Button, Tag } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

/**
 * A unit's 职责 as the list quotes it, read in Simplified Chinese with full-width punctuation (002 is
 * quoted in Traditional characters), and 查看原文 for the words as written, as on the staff ticket.
 */
function DutyQuote({ text }: { text: string }) {
  const [original, setOriginal] = useState(false);
  const written = text.trim();
  const reading = readableQuote(text);
  const differs = reading !== written;
  return (
    <View>
      <Text className='board__duty-text'>{reading}</Text>
      {differs ? (
        <Text className='link board__duty-toggle' onClick={() => setOriginal(!original)}>
          {original ? '收起原文' : '查看原文'}
        </Text>
      ) : null}
      {differs && original ? <Text className='board__duty-original'>原文：{written}</Text> : null}
    </View>
  );
}

function NoticeboardPage() {
  const [board, setBoard] = useState<Noticeboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const load = async (query: Record<string, string | undefined>) => {
    try {
      const estateId = await estateIdFromQuery(query);
      if (!estateId) {
        setMissing(true);
        return;
      }
      setBoard(await residentApi.noticeboard({ estateId }));
      setError(null);
    } catch (err) {
      setError(friendlyMessage(err));
    }
  };

  useLoad((query: Record<string, string | undefined>) => void load(query));

  if (missing) {
    return (
      <View className='board'>
        <View className='banner banner--info'>
          <Text>请先选择小区</Text>
        </View>
        <Button type='primary' block onClick={() => void go(PAGES.estates)}>
          选择小区
        </Button>
      </View>
    );
  }

  if (!board) {
    return (
      <View className='board'>
        {error ? (
          <View className='banner banner--error'>
            <Text>{error}</Text>
          </View>
        ) : (
          <Text className='muted'>正在加载…</Text>
        )}
        {error ? (
          <View className='actions__item'>
            <Button type='primary' block onClick={() => void back(PAGES.report)}>
              返回
            </Button>
          </View>
        ) : null}
      </View>
    );
  }

  const { estate, units, property, hotline, disclosure } = board;

  return (
    <View className='board'>
      <View className='board__head'>
        <Text className='board__title'>执法部门职责及联系人公告牌</Text>
        <Text className='board__estate'>{estate.name}</Text>
        <Text className='muted'>{estate.address}</Text>
      </View>

      {units.map((unit) => (
        <View key={unit.id} className='card board__unit' data-unit={unit.id}>
          <View className='row row--between'>
            <Text className='board__unit-name'>{unit.name}</Text>
            {unit.phone ? (
              <PhoneLink phone={unit.phone} className='board__phone'>
                ☎ {unit.phone}
              </PhoneLink>
            ) : (
              <Text className='muted'>电话待公布</Text>
            )}
          </View>
          {unit.contactPerson ? <Text className='muted'>联系人：{unit.contactPerson}</Text> : null}
          <View className='row'>
            <Text className='board__label'>投诉举报电话：</Text>
            {unit.complaintPhone ? <PhoneLink phone={unit.complaintPhone} /> : <Text className='muted'>待公布</Text>}
          </View>
          <Text className='board__duty-title'>职责：</Text>
          {unit.duties.map((duty) => (
            <View key={`${duty.source}|${duty.item}|${duty.text}`} className='board__duty'>
              <DutyQuote text={duty.text} />
              <Text className='board__duty-basis'>{citeBasis(duty)}</Text>
            </View>
          ))}
          <Text className='board__duty-title'>牵头负责：</Text>
          <View className='chips'>
            {unit.leadLabels.map((label) => (
              <View key={label} className='chip'>
                <Tag type='primary' plain>
                  {label}
                </Tag>
              </View>
            ))}
          </View>
        </View>
      ))}

      <View className='card board__unit' data-unit='12345'>
        <View className='row row--between'>
          <Text className='board__unit-name'>{hotline.name}</Text>
          <PhoneLink phone={hotline.phone} className='board__phone'>
            ☎ {hotline.phone}
          </PhoneLink>
        </View>
        <Text className='board__duty-title'>职责：</Text>
        <View className='board__duty'>
          <Text className='board__duty-text'>{hotline.duty}</Text>
          <Text className='board__duty-basis'>{citeBasis(hotline.basis)}</Text>
        </View>
      </View>

      <View className='card board__property'>
        <Text className='card__title'>物业服务企业公示</Text>
        {property ? (
          <View>
            <View className='kv'>
              <Text className='kv__key'>服务电话</Text>
              <View className='kv__value'>
                <PhoneLink phone={property.servicePhone} />
              </View>
            </View>
            <View className='kv'>
              <Text className='kv__key'>收费标准</Text>
              <Text className='kv__value'>{property.feeStandard}</Text>
            </View>
            <View className='kv'>
              <Text className='kv__key'>公共收益</Text>
              <Text className='kv__value'>{property.publicIncome}</Text>
            </View>
          </View>
        ) : (
          <Text className='muted'>物业服务企业尚未公示服务电话、收费标准和公共收益。</Text>
        )}
      </View>

      <View className='card board__disclosure'>
        <Text className='card__title'>六公开/五公开</Text>
        {disclosure.map((d) => (
          <View key={d.key} className='kv' data-disclosure={d.key}>
            <Text className='kv__key'>{d.label}</Text>
            <View className='kv__value'>
              <Text>{d.text ?? '尚未公示'}</Text>
              {d.updatedAt ? <Text className='board__updated'>更新于 {shanghaiDateTime(d.updatedAt).slice(0, 10)}</Text> : null}
            </View>
          </View>
        ))}
      </View>

      <View className='actions__item'>
        <Button type='primary' block onClick={() => void go(PAGES.report, { estate: estate.sceneCode })}>
          我要上报问题
        </Button>
      </View>
      <View className='actions__item'>
        <Button block plain onClick={() => void go(PAGES.poster, { estate: estate.id })}>
          打印公告牌海报
        </Button>
      </View>
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(NoticeboardPage);
