/** 到场: the department officer checks in on site. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { CheckInField, type CheckInValue } from '../CheckInField';
import { Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function ArriveForm({ view, act }: FormProps) {
  const [checkIn, setCheckIn] = useState<CheckInValue | null>(null);
  const [note, setNote] = useState('');
  function submit() {
    if (!checkIn) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_LOCATION']);
    void act.submit('arrive', { location: checkIn.location, ...(note.trim() ? { note } : {}) });
  }
  return (
    <View className='action-form'>
      <Field label='现场定位打卡' required>
        <CheckInField target={view.ticket.location} value={checkIn} onChange={setCheckIn} />
      </Field>
      <Field label='到场说明'>
        <TextArea value={note} onChange={setNote} placeholder='选填' />
      </Field>
      <SubmitRow action='arrive' act={act} onSubmit={submit} />
    </View>
  );
}
