/**
 * 重新派单 (street, after a 退单) and 移交 (police hand-over to departments): choose units among the
 * ticket's routed units and the jurisdiction's departments, and give the reason.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { rerouteCandidates } from '../../lib/units';
import { ChoiceList, Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function UnitsForm({ view, act, action, intro }: FormProps & { action: 'reroute' | 'handover'; intro?: string }) {
  const { ticket } = view;
  const routed = new Set([...ticket.route.lead, ...ticket.route.responsible].map((u) => u.id));
  const lead = new Set(ticket.route.lead.map((u) => u.id));
  const [units, setUnits] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const choices = rerouteCandidates(ticket).map((u) => ({ key: u.id, label: u.name, hint: lead.has(u.id) ? '牵头' : routed.has(u.id) ? '责任' : undefined }));

  function submit() {
    if (!units.length) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_UNITS']);
    void act.submit(action, { units, reason });
  }

  return (
    <View className='action-form'>
      {intro ? <Text className='detail__line'>{intro}</Text> : null}
      <Field label={action === 'reroute' ? '重新派往的单位' : '移交给的单位'} required>
        <ChoiceList choices={choices} selected={units} onToggle={(id) => setUnits((s) => (s.includes(id) ? s.filter((u) => u !== id) : [...s, id]))} />
      </Field>
      <Field label={action === 'reroute' ? '派单理由' : '移交原因'} required>
        <TextArea value={reason} onChange={setReason} placeholder='必填，将记录在工单上' />
      </Field>
      <SubmitRow action={action} act={act} onSubmit={submit} />
    </View>
  );
}
