/** 办结: the department's rectification, with after-photos and the result. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { Field, TextArea } from '../Field';
import type { OutboxPhoto } from '../../../drafts/staff-outbox';
import { PhotoPicker } from '../PhotoPicker';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function ResolveForm({ act }: FormProps) {
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [note, setNote] = useState('');
  return (
    <View className='action-form'>
      <Field label='整改后照片' required>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </Field>
      <Field label='办理结果' required>
        <TextArea value={note} onChange={setNote} placeholder='整改措施和结果' />
      </Field>
      <SubmitRow action='resolve' act={act} onSubmit={() => void act.submit('resolve', { photos, note })} />
    </View>
  );
}
