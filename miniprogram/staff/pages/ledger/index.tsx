/**
 * 整改台账 (issue 20 §1): the 整改通知 of the officer's estates. A department or street officer issues
 * one (problem, basis, measures, deadline, the tickets it came from), accepts or rejects the
 * company's answer and exports the estate's 整治台账 (XLSX); the property company sees the notices
 * addressed to it and answers with photos. Never shown to residents.
 */
import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import type { OutboxPhoto } from '../../../drafts/staff-outbox';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, Section, TextArea, TextInput } from '../../components/Field';
import { PhotoPicker } from '../../components/PhotoPicker';
import { loadEstates, loadMe } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { callGovernance, governanceEstates, deadlineOf, saveLedgerFile, type LedgerFile, type NoticeList, type NoticeView } from '../../lib/governance';
import type { EstateItem, Me } from '../../lib/types';
import { unitName } from '../../lib/units';
import '../../styles.css';
import './index.css';

const has = (me: Me | null, ...roles: string[]) => (me?.roles ?? []).some((r) => roles.includes(r));

/** Today + days as YYYY-MM-DD in Beijing time (the device clock: a default the officer may change). */
function dayAfter(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function IssueForm({ estate, ticket, onIssued }: { estate: EstateItem; ticket: string; onIssued: () => void }) {
  const [problem, setProblem] = useState('');
  const [basis, setBasis] = useState('');
  const [measures, setMeasures] = useState('');
  const [day, setDay] = useState(dayAfter(7));
  const [ticketNo, setTicketNo] = useState(ticket);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const ticketIds = ticketNo.trim() ? ticketNo.split(/[\s,，]+/).filter(Boolean) : [];
      await callGovernance('issueRectification', { estateId: estate.id, problem, basis, measures, deadline: deadlineOf(day), ticketIds });
      setProblem('');
      setBasis('');
      setMeasures('');
      setTicketNo('');
      onIssued();
    } catch (err) {
      setError(friendlyError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={`下达整改通知：${estate.name}`}>
      <Field label='存在问题' required>
        <TextArea value={problem} onChange={setProblem} placeholder='如：地下车库堆放杂物，占用消防通道' />
      </Field>
      <Field label='整改依据' required>
        <TextInput value={basis} onChange={setBasis} placeholder='如：责任清单条目、法规条款' maxlength={300} />
      </Field>
      <Field label='整改措施'>
        <TextArea value={measures} onChange={setMeasures} placeholder='整改要求（选填）' />
      </Field>
      <Field label='整改时限' required>
        <Picker mode='date' value={day} start={dayAfter(1)} onChange={(e) => setDay(String(e.detail.value))}>
          <View className='staff-input'>{day} 18:00 前</View>
        </Picker>
      </Field>
      <Field label='来源工单（工单编号，选填）'>
        <TextInput value={ticketNo} onChange={setTicketNo} placeholder='如 YN-20261123-0007，多个用逗号分隔' maxlength={400} />
      </Field>
      <ErrorText error={error} />
      <Button block type='primary' loading={busy} onClick={() => void submit()}>
        下达整改通知
      </Button>
    </Section>
  );
}

function NoticeCard({ notice, me, onChanged }: { notice: NoticeView; me: Me | null; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const awaiting = ['open', 'rejected', 'overdue'].includes(notice.status);
  const mayAnswer = has(me, 'property') && awaiting;
  const mayReview = notice.status === 'answered' && (me?.grants ?? []).some((g) => (g.units ?? []).includes(notice.issuerUnitId) || (g.streets ?? []).includes(notice.issuerUnitId));

  async function run(action: 'answerRectification' | 'acceptRectification' | 'rejectRectification', data: Record<string, unknown>) {
    setError(null);
    try {
      await callGovernance(action, { id: notice.id, version: notice.version, ...data });
      onChanged();
    } catch (err) {
      setError(friendlyError(err));
    }
  }

  function answer() {
    const ids = photos.map((p) => p.id).filter((id): id is string => !!id);
    if (ids.length !== photos.length || !ids.length) {
      setError('请上传整改后照片（照片上传完成后再提交）');
      return;
    }
    void run('answerRectification', { note, photos: ids });
  }

  return (
    <View className={`staff-card rectification rectification--${notice.status}`}>
      <View className='rectification__head'>
        <Text className='rectification__no'>{notice.no}</Text>
        <Text className={`staff-tag rectification__status rectification__status--${notice.status}`}>{notice.statusLabel}</Text>
      </View>
      <Text className='rectification__problem'>{notice.problem}</Text>
      <Text className='staff-muted'>依据：{notice.basis}</Text>
      {notice.measures ? <Text className='staff-muted'>整改措施：{notice.measures}</Text> : null}
      <Text className='staff-muted'>
        下达单位：{unitName(notice.issuerUnitId)} · 整改时限：{formatTime(notice.deadline)}
      </Text>
      {notice.closedAt ? <Text className='staff-muted'>销号：{formatTime(notice.closedAt)}</Text> : null}
      {notice.answers.map((a, i) => (
        <Text key={`a${i}`} className='rectification__answer'>
          企业反馈（{formatTime(a.at)}）：{a.note}（照片{a.photos.length}张）
        </Text>
      ))}
      {notice.reviews
        .filter((r) => r.verdict === 'rejected')
        .map((r, i) => (
          <Text key={`r${i}`} className='rectification__reject'>
            验收未通过（{formatTime(r.at)}）：{r.reason}
          </Text>
        ))}
      {mayAnswer ? (
        <View>
          <Field label='整改情况' required>
            <TextArea value={note} onChange={setNote} placeholder='已采取的整改措施' />
          </Field>
          <Field label='整改后照片' required>
            <PhotoPicker photos={photos} onChange={setPhotos} />
          </Field>
          <Button block type='primary' onClick={answer}>
            提交整改反馈
          </Button>
        </View>
      ) : null}
      {mayReview ? (
        <View>
          <Button block type='primary' onClick={() => void run('acceptRectification', {})}>
            验收通过（销号）
          </Button>
          <Field label='退回原因'>
            <TextInput value={reason} onChange={setReason} placeholder='验收未通过的原因' maxlength={500} />
          </Field>
          <Button block onClick={() => void run('rejectRectification', { reason })}>
            验收不通过，退回整改
          </Button>
        </View>
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}

export default function LedgerPage() {
  const [me, setMe] = useState<Me | null>(null);
  const [estates, setEstates] = useState<EstateItem[]>([]);
  const [estateId, setEstateId] = useState<string | null>(null);
  const [list, setList] = useState<NoticeList | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Opened from a ticket (?estateId=…&ticket=<number>): the notice starts from that ticket.
  const [fromTicket, setFromTicket] = useState('');

  async function load(estate: string | null) {
    try {
      setList(await callGovernance<NoticeList>('rectifications', estate ? { estateId: estate } : {}));
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad((q: Record<string, string | undefined>) => {
    void Promise.all([loadEstates(), loadMe()]).then(([all, user]) => {
      setMe(user);
      const mine = has(user, 'property') ? [] : governanceEstates(all, user);
      setEstates(mine);
      const wanted = q.estateId ? decodeURIComponent(q.estateId) : null;
      if (q.ticket) setFromTicket(decodeURIComponent(q.ticket));
      const first = mine.find((e) => e.id === wanted)?.id ?? null;
      setEstateId(first);
      void load(first);
    });
  });

  function choose(id: string) {
    const next = id === estateId ? null : id;
    setEstateId(next);
    void load(next);
  }

  async function exportLedger() {
    if (!estateId) return;
    try {
      await saveLedgerFile(await callGovernance<LedgerFile>('rectificationLedger', { estateId, format: 'xlsx' }));
    } catch (err) {
      setError(friendlyError(err, '导出失败'));
    }
  }

  const estate = estates.find((e) => e.id === estateId) ?? null;
  const items = list?.items ?? [];
  const open = items.filter((n) => n.status !== 'accepted');
  const closed = items.filter((n) => n.status === 'accepted');
  const mayIssue = has(me, 'department', 'police', 'street') && !has(me, 'property');

  return (
    <View className='staff staff-ledger'>
      {estates.length ? (
        <Section>
          <Field label='小区'>
            <ChoiceList choices={estates.slice(0, 20).map((e) => ({ key: e.id, label: e.name }))} selected={estateId ? [estateId] : []} onToggle={choose} />
          </Field>
        </Section>
      ) : null}
      {list ? (
        <Section title='统计'>
          <Text className='rectification__counts'>
            待整改 {list.counts.open + list.counts.rejected} · 待验收 {list.counts.answered} · 逾期 {list.counts.overdue} · 已销号 {list.counts.accepted}
          </Text>
        </Section>
      ) : null}
      {estate && mayIssue ? <IssueForm estate={estate} ticket={fromTicket} onIssued={() => void load(estate.id)} /> : null}
      <Section title='问题清单（未销号）'>
        {open.length ? open.map((n) => <NoticeCard key={n.id} notice={n} me={me} onChanged={() => void load(estateId)} />) : <Text className='staff-muted'>没有未销号的整改通知</Text>}
      </Section>
      <Section title='整改清单（已销号）'>
        {closed.length ? closed.map((n) => <NoticeCard key={n.id} notice={n} me={me} onChanged={() => void load(estateId)} />) : <Text className='staff-muted'>暂无已销号的整改通知</Text>}
      </Section>
      {estate && !has(me, 'property') ? (
        <Button block onClick={() => void exportLedger()}>
          导出整治台账（Excel）
        </Button>
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}
