/**
 * 认定违反九不准: a street or 住建 officer confirms from the ticket that the estate's property company
 * broke one of the nine items (001_c21a685cf9840a30.txt 序号3). The items the ticket's category
 * usually points to come first. The answer's ledger count shows the ladder step the company is at now.
 * An AUTH refusal hides the section: the user is not one who confirms for this ticket.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TicketInputs } from '../../../shared/actions/ticket';
import type { Ticket } from '../../../shared/domain/ticket';
import { NINE_PROHIBITIONS, ladderFor, suggestedItems } from '../../../shared/ledger';
import { Button } from '../../ui';
import { callTicket } from '../lib/api';
import { friendlyError, isAuthRefusal } from '../lib/errors';
import { ChoiceList, ErrorText, Field, Section, TextArea } from './Field';

const HAS_CJK = /[\u4e00-\u9fff]/;

/** The nine items as choices, the ones suggested for `category` first (marked 建议). */
export function violationChoices(category: Ticket['category']): Array<{ key: string; label: string; hint?: string }> {
  const suggested = suggestedItems(category);
  const ordered = [...NINE_PROHIBITIONS].sort((a, b) => Number(!suggested.includes(a.item)) - Number(!suggested.includes(b.item)) || a.item - b.item);
  return ordered.map((p) => ({ key: String(p.item), label: `第${p.item}条 ${p.text}`, ...(suggested.includes(p.item) ? { hint: '建议' } : {}) }));
}

interface ConfirmAnswer {
  ledger: { year: number; count: number };
}

export function ViolationPanel({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const [hidden, setHidden] = useState(false);
  const [open, setOpen] = useState(false);
  const [item, setItem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (hidden) return null;

  async function submit() {
    const parsed = TicketInputs.confirmViolation.safeParse({ ticketId: ticket.id, item: item === null ? undefined : Number(item), note: note.trim() });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '';
      setError(item === null ? '请选择违反的“九不准”条款' : HAS_CJK.test(message) ? message : '请检查填写的内容');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The ticket's version goes along: the ledger entry is written on the ticket's timeline.
      const answer = await callTicket<ConfirmAnswer>('confirmViolation', { ...parsed.data, version: ticket.version });
      const ladder = ladderFor(answer.ledger.count);
      setDone(
        `已记入“九不准”台账：该企业${answer.ledger.year}年度累计违反 ${answer.ledger.count} 条` +
          (ladder.step ? `，适用第${ladder.step.level}档（${ladder.step.label}）` : ''),
      );
      setOpen(false);
      setItem(null);
      setNote('');
      onDone();
    } catch (err) {
      if (isAuthRefusal(err)) {
        void Promise.resolve(Taro.showToast({ title: friendlyError(err), icon: 'none' })).catch(() => undefined);
        setHidden(true);
        return;
      }
      setError(friendlyError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title='“九不准”认定'>
      <View className='violation'>
      <Text className='staff-muted'>确认物业服务企业存在“九不准”行为的，记入企业年度台账并按规定逐级处理；台账不向企业披露反映人信息。</Text>
      {done ? <Text className='detail__line'>{done}</Text> : null}
      {open ? (
        <View className='action-form'>
          <Field label='违反条款' required>
            <ChoiceList choices={violationChoices(ticket.category)} selected={item ? [item] : []} onToggle={(k) => setItem(k)} />
          </Field>
          <Field label='认定说明' required>
            <TextArea value={note} onChange={setNote} placeholder='核实情况、依据等（必填）' />
          </Field>
          <ErrorText error={error} />
          <Button type='danger' block loading={busy} onClick={() => void submit()}>
            确认认定
          </Button>
        </View>
      ) : (
        <Button
          size='small'
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          认定违反九不准
        </Button>
      )}
      </View>
    </Section>
  );
}
