/**
 * 吹哨: the routed lead units come pre-selected; the grid worker may add or remove routed units, and
 * must say why when the selection differs from the responsibility list's lead units.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { unitsDifferFromLead } from '../../../../shared/lifecycle/checks';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { whistleCandidates } from '../../lib/units';
import { ChoiceList, Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function WhistleForm({ view, act }: FormProps) {
  const { ticket } = view;
  const leadIds = ticket.route.lead.map((u) => u.id);
  const [units, setUnits] = useState<string[]>(leadIds);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const differs = unitsDifferFromLead(ticket, units);
  const choices = whistleCandidates(ticket).map((u) => ({ key: u.id, label: u.name, hint: leadIds.includes(u.id) ? '牵头' : '责任' }));

  function submit() {
    if (!units.length) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_UNITS']);
    if (differs && reason.trim().length < 2) return act.fail('所选单位与责任清单的牵头单位不同，请填写原因');
    void act.submit('whistle', { units, ...(differs ? { reason } : {}), ...(note.trim() ? { note } : {}) });
  }

  return (
    <View className='action-form'>
      <Field label='吹哨单位（默认为责任清单牵头单位）' required>
        <ChoiceList choices={choices} selected={units} onToggle={(id) => setUnits((s) => (s.includes(id) ? s.filter((u) => u !== id) : [...s, id]))} />
      </Field>
      {differs ? (
        <Field label='调整单位的原因' required>
          <TextArea value={reason} onChange={setReason} placeholder='与责任清单牵头单位不同时必填' />
        </Field>
      ) : (
        <Text className='staff-muted'>与责任清单牵头单位一致</Text>
      )}
      <Field label='情况说明'>
        <TextArea value={note} onChange={setNote} placeholder='选填：现场情况、需要部门做什么' />
      </Field>
      <SubmitRow action='whistle' act={act} onSubmit={submit} />
    </View>
  );
}
