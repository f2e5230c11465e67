/**
 * 合并: this ticket duplicates another one of the same estate. The open tickets of the estate are
 * offered; a ticket number or id may also be typed.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { STATE_LABELS } from '../../../../shared/domain/ticket';
import { TICKET_ERROR_MESSAGES } from '../../../../shared/lifecycle';
import { callTicket } from '../../lib/api';
import type { QueueAnswer, QueueItem } from '../../lib/types';
import { ChoiceList, Field, TextArea, TextInput } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

export function MergeForm({ view, act }: FormProps) {
  const { ticket } = view;
  const [candidates, setCandidates] = useState<QueueItem[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    callTicket<QueueAnswer>('queue', { view: 'all', limit: 100 })
      .then((answer) => {
        if (live) setCandidates(answer.items.filter((t) => t.id !== ticket.id && t.estateId === ticket.estateId && t.state !== 'merged' && t.state !== 'rejected'));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ticket.id, ticket.estateId]);

  function submit() {
    const text = typed.trim();
    const duplicateOf = text ? (candidates.find((t) => t.no === text)?.id ?? text) : chosen;
    if (!duplicateOf) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_DUPLICATE']);
    if (duplicateOf === ticket.id || text === ticket.no) return act.fail(TICKET_ERROR_MESSAGES['TICKET.INVALID_DUPLICATE']);
    void act.submit('merge', { duplicateOf, ...(note.trim() ? { note } : {}) });
  }

  const choices = candidates.map((t) => ({ key: t.id, label: `${t.no} ${t.categoryLabel}`, hint: STATE_LABELS[t.state] }));
  return (
    <View className='action-form'>
      <Field label='本小区的其他工单' required>
        {choices.length ? (
          <ChoiceList choices={choices} selected={chosen ? [chosen] : []} onToggle={(id) => setChosen((c) => (c === id ? null : id))} />
        ) : (
          <Text className='staff-muted'>本小区暂无可合并的工单，可直接输入原工单编号</Text>
        )}
      </Field>
      <Field label='或输入原工单编号'>
        <TextInput value={typed} onChange={setTyped} maxlength={64} placeholder='例如：YN-20261123-0007' />
      </Field>
      <Field label='说明'>
        <TextArea value={note} onChange={setNote} placeholder='选填' />
      </Field>
      <SubmitRow action='merge' act={act} onSubmit={submit} />
    </View>
  );
}
