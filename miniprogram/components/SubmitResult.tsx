/**
 * After the server confirmed a report: the ticket number, the units it was routed to and the list
 * item that says so (依据 …), the deadlines in Beijing time, and (weapp) a subscribe request on tap.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../ui';
import { citeBasis } from './basis';
import { deadlineLine } from './deadlines';
import type { SubmitAnswer } from './resident-api';
import { CAN_SUBSCRIBE, requestStatusSubscription } from './subscribe';
import './components.css';

export interface SubmitResultProps {
  answer: SubmitAnswer;
  droppedPhotos?: number;
  onViewTicket: () => void;
  onNewReport: () => void;
}

export function SubmitResult({ answer, droppedPhotos = 0, onViewTicket, onNewReport }: SubmitResultProps) {
  const { ticket } = answer;
  const [subscribed, setSubscribed] = useState<string | null>(null);
  const lead = ticket.route.lead.map((u) => u.name).join('、');
  const responsible = ticket.route.responsible.map((u) => u.name).join('、');

  const subscribe = async () => {
    const answerOf = await requestStatusSubscription();
    setSubscribed(answerOf === 'accepted' ? '已订阅，进度变化会通知您' : '未订阅，您可以在“我的上报”中查看进度');
  };

  return (
    <View className='submit-result'>
      <View className='banner banner--ok'>
        <Text>{answer.created ? '上报成功，已转交承办单位' : '此报告此前已提交成功，这是同一张工单'}</Text>
      </View>
      <View className='card'>
        <View className='kv'>
          <Text className='kv__key'>工单编号</Text>
          <Text className='kv__value ticket-no'>{ticket.no}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__key'>牵头单位</Text>
          <Text className='kv__value route-lead'>{lead || '由属地街道(乡镇)分派'}</Text>
        </View>
        {responsible ? (
          <View className='kv'>
            <Text className='kv__key'>责任单位</Text>
            <Text className='kv__value'>{responsible}</Text>
          </View>
        ) : null}
        {ticket.route.basis.map((b) => (
          <Text key={`${b.source}:${b.item}`} className='muted basis'>
            {citeBasis(b)}
          </Text>
        ))}
      </View>
      <View className='card'>
        <Text className='card__title'>办理时限（北京时间）</Text>
        {ticket.deadlines.map((d) => (
          <Text key={d.step} className='kv deadline'>
            {deadlineLine(d)}
          </Text>
        ))}
        <Text className='muted'>网格员受理后，承办单位须在时限内报到、到场并办结；超时将自动升级督办。</Text>
      </View>
      {droppedPhotos > 0 ? (
        <View className='banner banner--warn'>
          <Text>有{droppedPhotos}张照片已失效，未随报告发送。</Text>
        </View>
      ) : null}
      {CAN_SUBSCRIBE ? (
        <View className='actions__item'>
          <Button block onClick={() => void subscribe()}>
            订阅办理进度通知
          </Button>
          {subscribed ? <Text className='muted'>{subscribed}</Text> : null}
        </View>
      ) : null}
      <View className='actions__item'>
        <Button type='primary' block onClick={onViewTicket}>
          查看办理进度
        </Button>
      </View>
      <View className='actions__item'>
        <Button block plain onClick={onNewReport}>
          再报一件
        </Button>
      </View>
    </View>
  );
}
