/** 申请延期: a new resolve deadline (date and time, Beijing) and the reason; the street decides. */
import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { shanghaiDate } from '../../../../shared/sla/calendar';
import { openDeadline } from '../../../../shared/sla/deadlines';
import { formatTime } from '../../lib/format';
import { Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

/** The instant the department asks for, with the Beijing offset the function expects. */
export function extensionUntil(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function ExtensionForm({ view, act }: FormProps) {
  const current = openDeadline(view.ticket.deadlines, 'resolve');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');
  const [reason, setReason] = useState('');
  const today = shanghaiDate(new Date());

  function submit() {
    if (!date) return act.fail('请选择延期后的办结日期');
    void act.submit('request-extension', { until: extensionUntil(date, time), reason });
  }

  return (
    <View className='action-form'>
      <Text className='detail__line'>当前办结期限：{current ? formatTime(current.due) : '—'}</Text>
      <Field label='延期至（日期）' required>
        <Picker mode='date' value={date || today} start={today} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='staff-picker'>{date || '请选择日期'}</View>
        </Picker>
      </Field>
      <Field label='延期至（时间）' required>
        <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <View className='staff-picker'>{time}</View>
        </Picker>
      </Field>
      <Field label='延期原因' required>
        <TextArea value={reason} onChange={setReason} placeholder='例如：需采购配件，预计到货时间' />
      </Field>
      <SubmitRow action='request-extension' act={act} onSubmit={submit} />
    </View>
  );
}
