/**
 * The ticket's history (DESIGN.md §6: the timeline is the event list): every event with its time,
 * action (lifecycle or not: 附议, 分享到业主群, 认定违反九不准, 关联小区 — shared/lifecycle eventLabel),
 * actor's role, name and unit, the state change, the note and what the action recorded.
 */
import { Image, Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '../../../shared/domain/roles';
import { SLA_STEPS, STATE_LABELS, type SlaStep, type Ticket, type TicketEvent } from '../../../shared/domain/ticket';
import { MEDIATION_OUTCOME_LABELS, RETURN_REASON_LABELS, eventLabel, type MediationOutcome, type ReturnReasonCode } from '../../../shared/lifecycle';
import { photoUrl } from '../../api';
import { STEP_LABELS, formatMeters, formatTime } from '../lib/format';
import { leadershipOfficeName, unitName, unitNames } from '../lib/units';

/** The actions whose location is a check-in taken on the officer's phone (CheckInField). */
const CHECK_IN_ACTIONS: readonly string[] = ['arrive', 'settle'];

function roleLabel(role: Role | 'system'): string {
  return role === 'system' ? '系统' : ROLE_LABELS[role];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The lines an event's payload adds under its note, in Chinese. */
export function eventDetails(event: TicketEvent, ticket: Ticket): string[] {
  const p = event.payload ?? {};
  const lines: string[] = [];
  const units = strings(p.units);
  if (units.length) lines.push(`${event.action === 'handover' ? '移交' : '承办'}单位：${unitNames(units, ticket)}`);
  const officer = str(p.officerName);
  if (officer) lines.push(`${event.action === 'claim' ? '认领民警' : '报到人员'}：${officer}`);
  const code = str(p.reasonCode);
  if (code && code in RETURN_REASON_LABELS) lines.push(`退单原因：${RETURN_REASON_LABELS[code as ReturnReasonCode]}`);
  const reason = str(p.reason);
  if (reason && reason !== event.note) lines.push(`原因：${reason}`);
  const until = str(p.until);
  if (until) lines.push(`申请延期至：${formatTime(until)}`);
  const extension = p.extension as { until?: unknown } | null | undefined;
  if (extension && str(extension.until)) lines.push(`延期至：${formatTime(str(extension.until))}`);
  if (typeof p.distanceMeters === 'number') lines.push(`打卡距工单位置：${formatMeters(p.distanceMeters)}`);
  const duplicateOf = str(p.duplicateOf);
  if (duplicateOf) lines.push(`原工单：${duplicateOf}`);
  const parties = strings(p.parties);
  if (parties.length) lines.push(`当事人：${parties.join('、')}`);
  const outcome = str(p.outcome);
  if (outcome && outcome in MEDIATION_OUTCOME_LABELS) lines.push(`调解结果：${MEDIATION_OUTCOME_LABELS[outcome as MediationOutcome]}`);
  const agreement = str(p.agreement);
  if (agreement) lines.push(`协议内容：${agreement}`);
  const reply = str(p.reply);
  if (reply && reply !== event.note) lines.push(`公开回复：${reply}`);
  const step = str(p.step);
  if (step && (SLA_STEPS as readonly string[]).includes(step)) lines.push(`超时环节：${STEP_LABELS[step as SlaStep]}`);
  if (event.action === 'escalate' && typeof p.level === 'number') {
    lines.push(`升级至：${p.level >= 2 ? leadershipOfficeName(ticket.jurisdiction) : '街道（乡镇）'}`);
  }
  // A check-in is the staff's own device fix on 到场/就地办结; a resident's report position may be the estate's fallback.
  if (event.location && CHECK_IN_ACTIONS.includes(event.action)) lines.push('已现场定位打卡');
  return lines;
}

export function Timeline({ ticket, events }: { ticket: Ticket; events: readonly TicketEvent[] }) {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  if (!ordered.length) return <Text className='staff-muted'>暂无处理记录</Text>;
  return (
    <View className='timeline'>
      {ordered.map((e) => {
        const actor = [roleLabel(e.actor.role), e.actor.name, e.actor.unitId ? unitName(e.actor.unitId, ticket) : undefined].filter(Boolean).join(' · ');
        return (
          <View key={e.id} className='timeline__item'>
            <View className='timeline__dot' />
            <Text className='timeline__head'>
              {eventLabel(e.action)}
              {e.from !== null && e.from !== e.to ? `（${STATE_LABELS[e.from]} → ${STATE_LABELS[e.to]}）` : ''}
            </Text>
            <Text className='timeline__time'>{formatTime(e.at)}</Text>
            <Text className='timeline__actor'>{actor}</Text>
            {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
            {eventDetails(e, ticket).map((line) => (
              <Text key={line} className='timeline__detail'>
                {line}
              </Text>
            ))}
            {e.photos?.length ? (
              <View className='photos'>
                {e.photos.map((id) => (
                  <Image key={id} className='photos__item' src={photoUrl(id)} mode='aspectFill' />
                ))}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
