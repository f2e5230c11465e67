/** 报到 (department) and 认领 (police): the officer who takes the ticket, named. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { getSessionUser } from '../../../api';
import { Field, TextArea, TextInput } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function OfficerForm({ action, act }: FormProps & { action: 'acknowledge' | 'claim' }) {
  const [officerName, setOfficerName] = useState(() => getSessionUser()?.name ?? '');
  const [note, setNote] = useState('');
  return (
    <View className='action-form'>
      <Field label={action === 'claim' ? '认领民警姓名' : '报到人员姓名'} required>
        <TextInput value={officerName} onChange={setOfficerName} maxlength={20} placeholder='姓名' />
      </Field>
      {action === 'acknowledge' ? (
        <Field label='报到说明'>
          <TextArea value={note} onChange={setNote} placeholder='选填：预计到场时间等' />
        </Field>
      ) : null}
      <SubmitRow
        action={action}
        act={act}
        onSubmit={() => void act.submit(action, { officerName, ...(action === 'acknowledge' && note.trim() ? { note } : {}) })}
      />
    </View>
  );
}
