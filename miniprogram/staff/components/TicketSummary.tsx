/** The ticket's facts for staff: what, where, when, deadlines, routed units and who holds it now. */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { getCategory } from '../../../shared/taxonomy/categories';
import { photoUrl } from '../../api';
import { STEP_LABELS, countdown, formatTime } from '../lib/format';
import { leadershipOfficeName, unitName, unitNames } from '../lib/units';
import { BasisQuote } from './BasisQuote';
import { HolderLine } from './HolderLine';
import { LatestReplyLine } from './LatestReplyLine';
import { Section } from './Field';
import { StateChip } from './StateChip';

function Photos({ ids }: { ids: readonly string[] }) {
  return (
    <View className='photos'>
      {ids.map((id) => (
        <Image
          key={id}
          className='photos__item'
          src={photoUrl(id)}
          mode='aspectFill'
          onClick={() => void Promise.resolve(Taro.previewImage({ urls: ids.map(photoUrl), current: photoUrl(id) })).catch(() => undefined)}
        />
      ))}
    </View>
  );
}

/**
 * The estate's property company with its star level and credit status as ticket.detail carries it
 * for staff (cloudfunctions/_app/usecases/standing.ts companyFlag); null for the company's own users.
 */
export interface CompanyStanding {
  companyId: string;
  name: string;
  credit: string;
  creditLabel: string;
  stars: number | null;
  blacklisted: boolean;
}

/** 物业服务企业 · 星级 · 信用状态, with a red 黑名单 tag (issue 20 §4: flagged wherever it appears). */
function CompanyLine({ company }: { company: CompanyStanding }) {
  return (
    <View className='ticket-company'>
      <Text className='detail__line'>
        物业服务企业：{company.name} · 星级：{company.stars === null ? '无星级' : `${company.stars}星`} · 信用状态：{company.creditLabel}
      </Text>
      {company.blacklisted ? <Text className='staff-tag staff-tag--urgent'>黑名单</Text> : null}
    </View>
  );
}

export function TicketSummary({
  ticket,
  estate,
  now,
  events = [],
  company = null,
}: {
  ticket: Ticket;
  estate: string;
  now: number;
  events?: readonly TicketEvent[];
  company?: CompanyStanding | null;
}) {
  const category = getCategory(ticket.category);
  const lead = ticket.route.lead.map((u) => u.id);
  const responsible = ticket.route.responsible.map((u) => u.id);
  return (
    <View>
      <Section>
        <View className='ticket-row__head'>
          <Text className='ticket-row__category'>{category.label}</Text>
          {ticket.priority === 'urgent' ? <Text className='staff-tag staff-tag--urgent'>紧急</Text> : null}
          <StateChip state={ticket.state} />
        </View>
        <Text className='detail__no'>工单编号：{ticket.no}</Text>
        <Text className='detail__line'>小区：{estate}</Text>
        {company ? <CompanyLine company={company} /> : null}
        <Text className='detail__line'>上报时间：{formatTime(ticket.createdAt)}</Text>
        <Text className='detail__line'>{ticket.description}</Text>
        <LatestReplyLine ticket={ticket} events={events} />
        {ticket.meToo > 0 ? <Text className='detail__line'>{ticket.meToo} 位居民附议</Text> : null}
        {ticket.photos.length ? <Photos ids={ticket.photos} /> : null}
        {ticket.afterPhotos.length ? (
          <View>
            <Text className='detail__line'>处置后照片</Text>
            <Photos ids={ticket.afterPhotos} />
          </View>
        ) : null}
      </Section>

      <Section title='办理进度'>
        <HolderLine ticket={ticket} />
        {ticket.deadlines.map((d, i) => {
          const c = countdown(d, now);
          const status = d.metAt ? `已完成（${formatTime(d.metAt)}）` : c.text;
          return (
            <Text key={`${d.step}-${i}`} className={`detail__line${!d.metAt && c.overdue ? ' countdown--overdue' : ''}`}>
              {STEP_LABELS[d.step]}时限：{formatTime(d.due)} · {status}
              {d.overdueAt && d.metAt ? ' · 曾超时' : ''}
            </Text>
          );
        })}
        {ticket.pendingExtension ? (
          <Text className='staff-warning'>
            延期待审批：{unitName(ticket.pendingExtension.unitId, ticket)}申请延期至 {formatTime(ticket.pendingExtension.until)}，理由：{ticket.pendingExtension.reason}
          </Text>
        ) : null}
        {ticket.escalation > 0 ? (
          <Text className='staff-warning'>已升级至{ticket.escalation >= 2 ? leadershipOfficeName(ticket.jurisdiction) : '街道（乡镇）'}</Text>
        ) : null}
      </Section>

      <Section title='责任单位'>
        <Text className='detail__line'>牵头单位：{unitNames(lead, ticket)}</Text>
        <Text className='detail__line'>责任单位：{unitNames(responsible, ticket)}</Text>
        {ticket.assignedUnits.length ? <Text className='detail__line'>承办单位：{unitNames(ticket.assignedUnits, ticket)}</Text> : null}
        {ticket.acknowledgedUnits.length ? <Text className='detail__line'>已报到：{unitNames(ticket.acknowledgedUnits, ticket)}</Text> : null}
        {ticket.claimedBy ? <Text className='detail__line'>认领单位：{unitName(ticket.claimedBy, ticket)}</Text> : null}
        {ticket.route.basis.map((b) => (
          <BasisQuote key={`${b.source}-${b.item}`} basis={b} />
        ))}
      </Section>
    </View>
  );
}
