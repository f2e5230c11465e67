/** 到场: the department officer checks in on site (beyond the check-in radius, with a reason). */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { CheckInField, isFar, type CheckInValue } from '../CheckInField';
import { Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function ArriveForm({ view, act }: FormProps) {
  const [checkIn, setCheckIn] = useState<CheckInValue | null>(null);
  const [note, setNote] = useState('');
  const [farReason, setFarReason] = useState('');
  const far = isFar(checkIn);
  function submit() {
    if (!checkIn) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_LOCATION']);
    if (far && farReason.trim().length < 2) return act.fail('打卡位置超出范围，请填写原因');
    void act.submit('arrive', { location: checkIn.location, ...(note.trim() ? { note } : {}), ...(far ? { farReason } : {}) });
  }
  return (
    <View className='action-form'>
      <Field label='现场定位打卡' required>
        <CheckInField target={view.ticket.location} value={checkIn} onChange={setCheckIn} />
      </Field>
      {far ? (
        <Field label='超出范围的原因' required>
          <TextArea value={farReason} onChange={setFarReason} placeholder='例如：现场无信号，已在小区门口打卡' />
        </Field>
      ) : null}
      <Field label='到场说明'>
        <TextArea value={note} onChange={setNote} placeholder='选填' />
      </Field>
      <SubmitRow action='arrive' act={act} onSubmit={submit} />
    </View>
  );
}
