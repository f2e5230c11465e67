/** 就地办结: the grid worker closes the ticket on site with a check-in, after-photos and a note. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { CheckInField, isFar, type CheckInValue } from '../CheckInField';
import { Field, TextArea } from '../Field';
import type { OutboxPhoto } from '../../../drafts/staff-outbox';
import { PhotoPicker } from '../PhotoPicker';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function SettleForm({ view, act }: FormProps) {
  const [checkIn, setCheckIn] = useState<CheckInValue | null>(null);
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [note, setNote] = useState('');
  const [farReason, setFarReason] = useState('');
  const far = isFar(checkIn);

  function submit() {
    if (!checkIn) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_LOCATION']);
    if (far && farReason.trim().length < 2) return act.fail('打卡位置超出范围，请填写原因');
    void act.submit('settle', { location: checkIn.location, photos, note, ...(far ? { farReason } : {}) });
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
      <Field label='处置后照片' required>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </Field>
      <Field label='处置说明' required>
        <TextArea value={note} onChange={setNote} placeholder='现场如何处置的' />
      </Field>
      <SubmitRow action='settle' act={act} onSubmit={submit} />
    </View>
  );
}
