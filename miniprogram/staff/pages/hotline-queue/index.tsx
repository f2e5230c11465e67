/**
 * 12345工单催办督办 (issue 20 §6): the 12345 center's queue of the tickets of its jurisdiction
 * (ticket.hotlineTickets, newest first, paged), open ones with two separate actions, as 004 三(一)3
 * names them ("催办、督办"): 催办 (ticket.hotlineUrge: urge the handling units, the state stays) and
 * 督办 (ticket.supervise, the lifecycle's). Each takes a note, goes on the ticket's timeline and
 * reaches the officers of the ticket's units.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { STATE_LABELS, type Ticket } from '../../../../shared/domain/ticket';
import { unitName } from '../../../../shared/governance/names';
import { isOpen } from '../../../../shared/sla/progress';
import { getCategory } from '../../../../shared/taxonomy/categories';
import { Button } from '../../../ui';
import { ErrorText, Field, Section, TextArea } from '../../components/Field';
import { RowReply } from '../../components/TicketRow';
import { go, staffPaths } from '../../components/navigation';
import { callFunction } from '../../../api';
import { newIdempotencyKey } from '../../../drafts/draft';
import { friendlyError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import '../../styles.css';
import './index.css';

type Kind = 'urge' | 'supervise';
const KIND_LABELS: Record<Kind, string> = { urge: '催办', supervise: '督办' };

function Row({ ticket, onDone }: { ticket: Ticket; onDone: (message: string) => void }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = isOpen(ticket);

  async function send() {
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'urge') await callFunction('ticket', 'hotlineUrge', { ticketId: ticket.id, note });
      else await callFunction('ticket', 'supervise', { ticketId: ticket.id, version: ticket.version, note, idempotencyKey: newIdempotencyKey() });
      setKind(null);
      setNote('');
      onDone(`${ticket.no} 已${KIND_LABELS[kind]}`);
    } catch (err) {
      setError(friendlyError(err, `${KIND_LABELS[kind]}失败`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='hotline-row' data-ticket={ticket.no}>
      <View className='hotline-row__head' onClick={() => go(staffPaths.ticket(ticket.id))}>
        <Text className='hotline-row__no'>{ticket.no}</Text>
        <Text className={`staff-tag${open ? '' : ' staff-tag--off'}`}>{STATE_LABELS[ticket.state]}</Text>
      </View>
      <Text className='staff-muted'>
        {getCategory(ticket.category).label} · {formatTime(ticket.createdAt)}
        {ticket.assignedUnits.length ? ` · 承办：${ticket.assignedUnits.map(unitName).join('、')}` : ' · 尚未派至承办单位'}
      </Text>
      {/* The latest reply (issue 18), so the center reads a unit's answer or a resident's reopen before it urges. */}
      {ticket.lastReply ? <RowReply reply={ticket.lastReply} /> : null}
      {open ? (
        <View className='hotline-row__actions'>
          {(['urge', 'supervise'] as const).map((k) => (
            <Button key={k} size='small' type={kind === k ? 'primary' : 'default'} onClick={() => setKind(kind === k ? null : k)}>
              {KIND_LABELS[k]}
            </Button>
          ))}
        </View>
      ) : null}
      {kind ? (
        <View>
          <Field label={`${KIND_LABELS[kind]}意见`} required>
            <TextArea value={note} onChange={setNote} placeholder={kind === 'urge' ? '如：市民再次来电，请尽快处理' : '如：已超过承诺时限，请说明原因并限期办结'} />
          </Field>
          <Button type='primary' disabled={busy || note.trim().length < 2} onClick={() => void send()}>
            {`确认${KIND_LABELS[kind]}`}
          </Button>
          <ErrorText error={error} />
        </View>
      ) : null}
    </View>
  );
}

export default function HotlineQueuePage() {
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function load(after: string | null) {
    try {
      const page = await callFunction<{ items: Ticket[]; next: string | null }>('ticket', 'hotlineTickets', after ? { limit: 20, after } : { limit: 20 });
      setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => void load(null));

  return (
    <View className='staff staff-hotline-queue'>
      <Section title='12345工单催办督办'>
        <Text className='staff-muted'>催办：提醒承办单位加快办理；督办：正式督办并要求说明情况。两者均记入工单进度并通知承办单位。</Text>
        {notice ? <Text className='hotline-queue__notice'>{notice}</Text> : null}
        <ErrorText error={error} />
        {items === null && !error ? <Text className='staff-muted'>加载中…</Text> : null}
        {items && !items.length ? <Text className='staff-muted'>暂无工单</Text> : null}
        {items?.map((t) => (
          <Row
            key={t.id}
            ticket={t}
            onDone={(message) => {
              setNotice(message);
              void load(null);
            }}
          />
        ))}
        {next ? (
          <Button size='small' onClick={() => void load(next)}>
            加载更多
          </Button>
        ) : null}
      </Section>
    </View>
  );
}
