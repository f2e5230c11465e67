/**
 * 工单详情 (?id=<ticket id>): state, the running deadline with a countdown, the units and the list
 * item cited, before/after photos, the whole timeline, and the resident's own actions — confirm
 * (已解决), reopen with a reason (没解决), rate 1–5 with a comment, appeal a rejection — each shown
 * only when the backend lists it in `actions`, and each sent with the ticket's version.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro';
import { ReportInputs } from '../../../shared/actions/report';
import { getCategory } from '../../../shared/taxonomy/categories';
import { instantMs, shanghaiDateTime } from '../../../shared/sla/calendar';
import { reopenDeadline } from '../../../shared/sla/deadlines';
import { DEFAULT_SLA_POLICY } from '../../../shared/sla/policy';
import { assignedUnitNames, residentStatus } from '../../../shared/lifecycle/resident-status';
import type { LifecycleAction } from '../../../shared/lifecycle/actions';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { citeBasis } from '../../components/basis';
import { countdownText, runningDeadline, STEP_LABELS } from '../../components/deadlines';
import { fieldErrorsOfIssues, friendlyMessage, isUnauthenticated, isVersionConflict, type FieldErrors } from '../../components/errors';
import { back, go, PAGES } from '../../components/nav';
import { PhotoStrip } from '../../components/PhotoStrip';
import { SCORE_LABELS } from '../../components/rating';
import { residentApi, type TicketView } from '../../components/resident-api';
import { StateChip } from '../../components/StateChip';
import { Timeline } from '../../components/Timeline';
import { Button, Rate, Switch, Tag, TextArea } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

type Notice = { type: 'ok' | 'error' | 'warn'; text: string; signIn?: boolean };
type Form = 'none' | 'reopen' | 'appeal';

/** Countdown refresh: minutes are the finest unit shown. */
const TICK_MS = 30_000;

/**
 * Whether "not fixed, redo it" is still worth offering: never once the resident confirmed the fix or
 * rated it, and not after the reopen window (DESIGN.md §6, 7 days from closing; the backend decides,
 * with the jurisdiction's policy — the default window here only hides a button it would refuse).
 */
export function reopenOffered(ticket: Ticket, events: readonly TicketEvent[], now: number): boolean {
  if (ticket.state !== 'closed') return true;
  if (ticket.rating) return false;
  const lastReopen = Math.max(-1, ...events.filter((e) => e.action === 'reopen').map((e) => e.seq));
  if (events.some((e) => e.action === 'confirm' && e.seq > lastReopen)) return false;
  const since = ticket.closedAt ?? ticket.updatedAt;
  return now <= instantMs(reopenDeadline(since, DEFAULT_SLA_POLICY));
}

function TicketPage() {
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [view, setView] = useState<TicketView | null>(null);
  const [loadError, setLoadError] = useState<Notice | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<LifecycleAction | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [form, setForm] = useState<Form>('none');
  const [reason, setReason] = useState('');
  const [score, setScore] = useState(0);
  const [fixed, setFixed] = useState(true);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Set once the resident confirmed here: no reopen offer even before the answer lists the event. */
  const [confirmed, setConfirmed] = useState(false);
  const idRef = useRef<string | null>(null);

  const load = async (id: string) => {
    try {
      setView(await residentApi.detail({ ticketId: id }));
      setLoadError(null);
    } catch (err) {
      setLoadError({ type: 'error', text: friendlyMessage(err), signIn: isUnauthenticated(err) });
    }
  };

  useLoad((query: Record<string, string | undefined>) => {
    const id = query.id ?? null;
    idRef.current = id;
    setTicketId(id);
    if (id) void load(id);
  });

  // Coming back to the page (e.g. from the share sheet) shows the latest state.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current && idRef.current) void load(idRef.current);
    shownOnce.current = true;
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useShareAppMessage(() => ({ title: '小区问题办理进度', path: `${PAGES.share}?id=${encodeURIComponent(idRef.current ?? '')}` }));

  /** Runs one resident action; a version conflict reloads the ticket so the resident sees why. */
  const run = async (action: LifecycleAction, call: () => Promise<TicketView>, done: string): Promise<boolean> => {
    setBusy(action);
    setNotice(null);
    try {
      setView(await call());
      setForm('none');
      setErrors({});
      setNotice({ type: 'ok', text: done });
      return true;
    } catch (err) {
      if (isVersionConflict(err) && ticketId) await load(ticketId);
      setNotice({ type: 'error', text: friendlyMessage(err), signIn: isUnauthenticated(err) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (!ticketId) {
    return (
      <View className='ticket'>
        <View className='banner banner--error'>
          <Text>没有指定工单，请从“我的上报”进入</Text>
        </View>
        <Button block onClick={() => void go(PAGES.mine)}>
          我的上报
        </Button>
      </View>
    );
  }

  if (!view) {
    return (
      <View className='ticket'>
        {loadError ? (
          <View className='banner banner--error'>
            <Text>{loadError.text}</Text>
            {loadError.signIn ? (
              <Text className='link' onClick={() => void go(PAGES.signin)}>
                {' '}
                去登录
              </Text>
            ) : null}
          </View>
        ) : (
          <Text className='muted'>正在加载…</Text>
        )}
        {loadError ? (
          <View className='actions__item'>
            <Button type='primary' block onClick={() => void back(PAGES.mine)}>
              返回
            </Button>
          </View>
        ) : null}
        {loadError ? (
          <View className='actions__item'>
            <Button block plain onClick={() => void load(ticketId)}>
              重新加载
            </Button>
          </View>
        ) : null}
      </View>
    );
  }

  const { ticket, events, actions } = view;
  const can = (action: LifecycleAction) => actions.includes(action);
  const version = ticket.version;
  const running = runningDeadline(ticket.deadlines);
  const overdue = ticket.deadlines.some((d) => d.overdueAt !== undefined && d.metAt === undefined);
  const unitNames = new Map([...ticket.route.lead, ...ticket.route.responsible].map((u) => [u.id, u.name]));
  const assigned = assignedUnitNames(ticket.assignedUnits, [...ticket.route.lead, ...ticket.route.responsible]);
  const status = residentStatus(ticket.state, assigned);
  const mayReopen = can('reopen') && !confirmed && reopenOffered(ticket, events, now);
  const yourTurn = status.yourTurn && (can('confirm') || mayReopen);

  const confirm = async () => {
    if (await run('confirm', () => residentApi.confirm({ ticketId: ticket.id, version }), '已确认问题解决，感谢您的反馈')) setConfirmed(true);
  };

  const submitReason = (action: 'reopen' | 'appeal') => {
    const parsed = ReportInputs[action].safeParse({ ticketId: ticket.id, version, reason });
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues, { reason: '请填写原因' }));
      return;
    }
    if (action === 'reopen') void run('reopen', () => residentApi.reopen(parsed.data), '已申请重办，工单已退回承办单位重新处理');
    else void run('appeal', () => residentApi.appeal(parsed.data), '申诉已提交，将重新受理');
  };

  const submitRating = () => {
    const input = { ticketId: ticket.id, version, score, fixed, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    const parsed = ReportInputs.rate.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues, { score: '请选择1至5星', comment: '评价内容有误' }));
      return;
    }
    void run('rate', () => residentApi.rate(parsed.data), '感谢您的评价');
  };

  const showActions = can('confirm') || mayReopen || can('rate') || can('appeal');

  return (
    <View className='ticket'>
      {yourTurn ? (
        <View className='banner banner--warn ticket__turn' data-testid='your-turn'>
          <Text className='ticket__turn-title'>待您确认</Text>
          <Text>问题已办结，请查看下方整改后照片和办理过程，告诉我们是否解决。</Text>
        </View>
      ) : null}
      <View className='card'>
        <View className='row row--between'>
          <Text className='ticket__category'>{getCategory(ticket.category).label}</Text>
          <StateChip state={ticket.state} units={assigned} />
        </View>
        <Text className='muted ticket__no'>
          工单编号 {ticket.no} · {shanghaiDateTime(ticket.createdAt)} 上报
        </Text>
        {overdue ? (
          <View className='chip ticket__overdue'>
            <Tag type='danger'>超时</Tag>
          </View>
        ) : null}
        <Text className='ticket__description'>{ticket.description}</Text>
        {ticket.meToo > 0 ? <Text className='muted'>另有{ticket.meToo}位居民反映了此问题</Text> : null}
      </View>

      {ticket.photos.length || ticket.afterPhotos.length ? (
        <View className='card'>
          <PhotoStrip ids={ticket.photos} title='上报照片' />
          <PhotoStrip ids={ticket.afterPhotos} title='整改后照片' />
        </View>
      ) : null}

      {notice ? (
        <View className={`banner banner--${notice.type}`}>
          <Text>{notice.text}</Text>
          {notice.signIn ? (
            <Text className='link' onClick={() => void go(PAGES.signin)}>
              {' '}
              去登录
            </Text>
          ) : null}
        </View>
      ) : null}

      {showActions ? (
        <View className='card ticket__actions'>
          {can('confirm') || mayReopen ? <Text className='card__title'>问题解决了吗？</Text> : null}
          {can('confirm') ? (
            <View className='actions__item'>
              <Button type='primary' block disabled={busy !== null} onClick={() => void confirm()}>
                {busy === 'confirm' ? '正在提交…' : '已解决'}
              </Button>
            </View>
          ) : null}
          {mayReopen && form !== 'reopen' ? (
            <View className='actions__item'>
              <Button block disabled={busy !== null} onClick={() => setForm('reopen')}>
                没有解决，申请重办
              </Button>
            </View>
          ) : null}
          {can('appeal') && form !== 'appeal' ? (
            <View className='actions__item'>
              <Button block disabled={busy !== null} onClick={() => setForm('appeal')}>
                对驳回有异议，申诉
              </Button>
            </View>
          ) : null}
          {form !== 'none' ? (
            <View className='ticket__reason'>
              <TextArea
                label={form === 'reopen' ? '哪里还没解决？' : '申诉理由'}
                name='reason'
                value={reason}
                maxlength={500}
                placeholder={form === 'reopen' ? '例如：车辆仍停在消防通道上' : '请说明为什么这个问题应当受理'}
                error={errors.reason}
                onChange={(value) => {
                  setReason(value);
                  setErrors((prev) => ({ ...prev, reason: undefined }));
                }}
              />
              <View className='actions__item'>
                <Button type='danger' block disabled={busy !== null} onClick={() => submitReason(form === 'reopen' ? 'reopen' : 'appeal')}>
                  {busy ? '正在提交…' : form === 'reopen' ? '提交重办申请' : '提交申诉'}
                </Button>
              </View>
              <View className='actions__item'>
                <Button block plain onClick={() => setForm('none')}>
                  取消
                </Button>
              </View>
            </View>
          ) : null}

          {can('rate') ? (
            <View className='ticket__rate' data-field='score'>
              <Text className='card__title'>评价办理结果</Text>
              <Rate
                value={score}
                onChange={(value) => {
                  setScore(value);
                  setErrors((prev) => ({ ...prev, score: undefined }));
                }}
              />
              <Text className='muted'>{score > 0 ? SCORE_LABELS[score as 1 | 2 | 3 | 4 | 5] : '请点击星星打分'}</Text>
              {errors.score ? <Text className='error-text'>{errors.score}</Text> : null}
              <Switch label='问题已经解决' checked={fixed} onChange={setFixed} />
              <TextArea name='comment' value={comment} maxlength={300} placeholder='说说您的看法（选填）' error={errors.comment} onChange={setComment} />
              <View className='actions__item'>
                <Button type='primary' block disabled={busy !== null} onClick={submitRating}>
                  {busy === 'rate' ? '正在提交…' : '提交评价'}
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      {running ? (
        <View className='card ticket__deadline'>
          <Text className='card__title'>当前时限</Text>
          <Text className='ticket__deadline-line'>
            {STEP_LABELS[running.step]}：{shanghaiDateTime(running.due)}（北京时间）
          </Text>
          <Text className={`ticket__countdown${countdownText(running.due, now).startsWith('已超时') ? ' ticket__countdown--late' : ''}`}>
            {countdownText(running.due, now)}
          </Text>
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>承办单位</Text>
        <View className='kv'>
          <Text className='kv__key'>牵头单位</Text>
          <Text className='kv__value'>{ticket.route.lead.map((u) => u.name).join('、') || '由属地街道(乡镇)分派'}</Text>
        </View>
        {ticket.route.responsible.length ? (
          <View className='kv'>
            <Text className='kv__key'>责任单位</Text>
            <Text className='kv__value'>{ticket.route.responsible.map((u) => u.name).join('、')}</Text>
          </View>
        ) : null}
        {ticket.route.basis.map((b) => (
          <Text key={`${b.source}:${b.item}`} className='muted basis'>
            {citeBasis(b)}
          </Text>
        ))}
      </View>

      {ticket.rating ? (
        <View className='card ticket__rating'>
          <Text className='card__title'>我的评价</Text>
          <Rate value={ticket.rating.score} readonly />
          <Text className='muted'>
            {SCORE_LABELS[ticket.rating.score]} · {ticket.rating.fixed ? '问题已解决' : '问题未解决'}
          </Text>
          {ticket.rating.comment ? <Text className='ticket__description'>{ticket.rating.comment}</Text> : null}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>办理过程</Text>
        <Timeline events={events} unitNames={unitNames} />
      </View>

      <View className='ticket__links'>
        <Text className='link' onClick={() => void go(PAGES.mine)}>
          我的上报
        </Text>
        <Text className='link' onClick={() => void go(PAGES.share, { id: ticket.id })}>
          公示页（可转发给邻居）
        </Text>
      </View>
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(TicketPage);
