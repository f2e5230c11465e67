/** Actions that carry one text: an optional note, a required reason, 督办 opinion or a public reply. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { StaffAction } from '../../lib/api';
import { Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

interface NoteSpec {
  /** The input field the function reads (shared/actions/ticket.ts). */
  field: 'note' | 'reason' | 'text';
  label: string;
  required: boolean;
}

export const NOTE_FORMS = {
  accept: { field: 'note', label: '受理说明', required: false },
  handle: { field: 'note', label: '处置说明', required: false },
  verify: { field: 'note', label: '核验说明', required: false },
  'approve-extension': { field: 'note', label: '审批意见', required: false },
  reject: { field: 'reason', label: '驳回原因', required: true },
  'verify-fail': { field: 'reason', label: '不通过原因（工单退回承办单位重新整改）', required: true },
  'refuse-extension': { field: 'reason', label: '不予延期的原因', required: true },
  escalate: { field: 'reason', label: '升级原因', required: true },
  supervise: { field: 'note', label: '督办意见', required: true },
  reply: { field: 'text', label: '公开回复（业主群可见，请勿包含个人信息）', required: true },
} as const satisfies Partial<Record<StaffAction, NoteSpec>>;

export type NoteAction = keyof typeof NOTE_FORMS;

export function NoteForm({ action, intro, act }: FormProps & { action: NoteAction; intro?: string }) {
  const spec: NoteSpec = NOTE_FORMS[action];
  const [text, setText] = useState('');
  const value = text.trim();
  return (
    <View className='action-form'>
      {intro ? <Text className='detail__line'>{intro}</Text> : null}
      <Field label={spec.label} required={spec.required}>
        <TextArea value={text} onChange={setText} placeholder={spec.required ? '必填' : '选填'} />
      </Field>
      <SubmitRow action={action} act={act} onSubmit={() => void act.submit(action, value !== '' || spec.required ? { [spec.field]: value } : {})} />
    </View>
  );
}
