/**
 * 物业企业考核 (issue 20 §4): the month's table of property companies — score, 等次, the four terms,
 * star level and credit status from the 九不准 ladder, a 黑名单 company flagged — with the weights
 * and definitions under it (shared/assessment/definitions.ts). The county's view for leadership,
 * admin and 住建; a street officer's for its townships. A county viewer may pick one township (the
 * township's 月度考核, 003 "每月对辖区物业服务企业进行考核评价"), and 季度考核 reads a quarter's months by
 * the same weights (003 县住建局 "每季度做好考核工作的监督和复核"). Never shown to property companies.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { shanghaiDate } from '../../../../shared/sla/calendar';
import { quarterOf } from '../../../../shared/assessment/quarter';
import { REGISTRY } from '../../../../shared/jurisdictions';
import { Button, Segmented } from '../../../ui';
import { ChoiceList, ErrorText, Field, Section } from '../../components/Field';
import { loadMe } from '../../lib/api';
import { loadAssessment, loadQuarter, type AssessmentAnswer, type AssessmentRow, type QuarterAnswer, type QuarterRow } from '../../lib/assessment';
import { friendlyError } from '../../lib/errors';
import { monthLabel, monthOf, previousMonth } from '../../lib/period';
import type { Me } from '../../lib/types';
import '../../styles.css';
import './index.css';

/** The month before or after 'YYYY-MM'. */
function shift(month: string, by: -1 | 1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const stars = (n: number | null) => (n === null ? '无星级' : `${n}星`);

/** One stored change: when, from what to what, and why (the breach, its ticket, who confirmed it). */
export function historyLine(h: AssessmentRow['history'][number]): string {
  const moved = h.before.stars !== h.stars ? `，${stars(h.before.stars)}→${stars(h.stars)}` : '';
  const who = [h.by.unitName, h.by.name].filter(Boolean).join(' ');
  if (h.source === 'admin' && h.rated) {
    // The admin changed the 星级化评定 result; the ladder may show fewer stars than rated.
    const ladder = h.stars !== h.rated.after ? `（按九不准阶梯现为${stars(h.stars)}）` : '';
    return `${shanghaiDate(h.at)} 星级评定${stars(h.rated.before)}→${stars(h.rated.after)}${ladder}：${who || '管理员'}调整`;
  }
  return `${shanghaiDate(h.at)} ${h.before.creditLabel}→${h.creditLabel}${moved}：认定违反“九不准”第${h.item}条${h.ticketNo ? `（工单 ${h.ticketNo}）` : ''}${who ? `，${who}认定` : ''}`;
}

/** The card's head, the same for a month and a quarter: name, 黑名单 flag, score and grade. */
function CompanyHead({ row }: { row: Pick<AssessmentRow, 'name' | 'blacklisted' | 'score' | 'grade'> }) {
  return (
    <View className='company__head'>
      <Text className='company__name'>{row.name}</Text>
      {row.blacklisted ? <Text className='company__flag'>黑名单</Text> : null}
      <Text className='company__score'>
        {row.score}分 · {row.grade}
      </Text>
    </View>
  );
}

function StandingLine({ standing }: { standing: AssessmentRow['standing'] }) {
  return (
    <Text className='company__line'>
      信用状态：{standing.creditLabel}
      {standing.stars !== null ? ` · ${standing.stars}星` : ''}（本年认定“九不准”{standing.items}条）
    </Text>
  );
}

function CompanyCard({ row }: { row: AssessmentRow }) {
  return (
    <View className={`company${row.blacklisted ? ' company--blacklisted' : ''}`} data-company={row.companyId}>
      <CompanyHead row={row} />
      <StandingLine standing={row.standing} />
      {row.terms.map((t) => (
        <Text key={t.term} className='company__line company__term' data-term={t.term}>
          {t.label}：{t.points}/{t.weight}
        </Text>
      ))}
      <Text className='company__line'>
        当月认定违规 {row.breaches} 起 · 整改按期 {row.notices.onTime} / 逾期 {row.notices.overdue} · 评价 {row.rated} 件（满意 {row.satisfied}）· 投诉 {row.complaints} 件
        {row.per1000 !== null ? `（每千户 ${row.per1000}）` : '（小区户数未登记）'}
      </Text>
      <Text className='company__line staff-muted'>在管小区：{row.estates.map((e) => e.name).join('、')}</Text>
      {row.history.length ? (
        <View className='company__history'>
          <Text className='company__line'>星级与信用变化记录</Text>
          {row.history.map((h) => (
            <Text key={`${h.at}-${h.item}`} className='company__line staff-muted company__change'>
              {historyLine(h)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function QuarterCard({ row }: { row: QuarterRow }) {
  return (
    <View className={`company${row.blacklisted ? ' company--blacklisted' : ''}`} data-company={row.companyId}>
      <CompanyHead row={row} />
      <Text className='company__line company__monthly'>各月：{row.monthly.map((m) => `${Number(m.month.slice(5, 7))}月 ${m.score}分`).join(' · ')}</Text>
      <StandingLine standing={row.standing} />
      {row.terms.map((t) => (
        <Text key={t.term} className='company__line company__term' data-term={t.term}>
          {t.label}：{t.points}/{t.weight}
        </Text>
      ))}
      <Text className='company__line'>
        本季度认定违规 {row.breaches} 起 · 整改按期 {row.notices.onTime} / 逾期 {row.notices.overdue} · 评价 {row.rated} 件（满意 {row.satisfied}）· 投诉 {row.complaints} 件
      </Text>
      <Text className='company__line staff-muted'>在管小区：{row.estates.map((e) => e.name).join('、')}</Text>
    </View>
  );
}

type Cycle = 'month' | 'quarter';
const CYCLES = [
  { key: 'month' as const, label: '月度考核' },
  { key: 'quarter' as const, label: '季度考核' },
];

/** The quarter before or after 'YYYY-Qn'. */
function shiftQuarter(quarter: string, by: -1 | 1): string {
  const i = Number(quarter.slice(0, 4)) * 4 + (Number(quarter.slice(6)) - 1) + by;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

/** '2026-Q4' → '2026年第四季度'. */
function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${['一', '二', '三', '四'][Number(quarter.slice(6)) - 1] ?? ''}季度`;
}

/** Townships the caller may pick: every one of the jurisdiction for a county viewer; a street officer's own. */
function townshipChoices(me: Me | null, jurisdiction: string): Array<{ key: string; label: string }> {
  const grants = me?.grants ?? [];
  const list = REGISTRY.list(jurisdiction);
  if (!list) return [];
  const county = grants.some((g) => g.role === 'leadership' || g.role === 'admin' || g.role === 'department');
  const own = new Set(grants.filter((g) => g.role === 'street').flatMap((g) => g.streets ?? []));
  return list.townships.filter((t) => county || own.has(t.id)).map((t) => ({ key: t.id, label: t.name }));
}

const ALL = 'all';

export default function CompaniesPage() {
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [cycle, setCycle] = useState<Cycle>('month');
  const [month, setMonth] = useState(previousMonth(Date.now()));
  const [quarter, setQuarter] = useState(quarterOf(monthOf(Date.now())));
  const [township, setTownship] = useState<string>(ALL);
  const [table, setTable] = useState<AssessmentAnswer | null>(null);
  const [quarterTable, setQuarterTable] = useState<QuarterAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(j: string, c: Cycle, period: string, t: string) {
    const scope = t === ALL ? {} : { townshipId: t };
    try {
      if (c === 'month') {
        setTable(await loadAssessment({ jurisdiction: j, month: period, ...scope }));
        setQuarterTable(null);
      } else {
        setQuarterTable(await loadQuarter({ jurisdiction: j, quarter: period, ...scope }));
        setTable(null);
      }
      setError(null);
    } catch (err) {
      setTable(null);
      setQuarterTable(null);
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => {
    void loadMe().then((user) => {
      setMe(user);
      const j = user?.grants?.find((g) => g.role !== 'property')?.jurisdiction ?? null;
      setJurisdiction(j);
      if (j) void load(j, cycle, month, township);
      else setError('未找到您的辖区');
    });
  });

  function reload(next: { cycle?: Cycle; month?: string; quarter?: string; township?: string }) {
    const c = next.cycle ?? cycle;
    const m = next.month ?? month;
    const q = next.quarter ?? quarter;
    const t = next.township ?? township;
    setCycle(c);
    setMonth(m);
    setQuarter(q);
    setTownship(t);
    if (jurisdiction) void load(jurisdiction, c, c === 'month' ? m : q, t);
  }

  function go(by: -1 | 1) {
    const now = monthOf(Date.now());
    if (cycle === 'month') {
      const next = shift(month, by);
      if (by === 1 && next > now) return;
      reload({ month: next });
    } else {
      const next = shiftQuarter(quarter, by);
      if (by === 1 && next > quarterOf(now)) return;
      reload({ quarter: next });
    }
  }

  const townships = jurisdiction ? townshipChoices(me, jurisdiction) : [];
  const shown = table ?? quarterTable;
  const period = cycle === 'month' ? monthLabel(month) : quarterLabel(quarter);
  const scopeText = shown
    ? shown.view === 'county'
      ? cycle === 'month'
        ? '县（市）级考核：辖区全部物业服务企业'
        : '县（市）级季度考核与复核：辖区全部物业服务企业，按本季度各月考核结果计'
      : cycle === 'month'
        ? '乡镇（街道）月度考核：本辖区小区的物业服务企业'
        : '乡镇（街道）季度汇总：本辖区小区的物业服务企业'
    : '';

  return (
    <View className='staff staff-companies'>
      <Section title={`物业企业考核 · ${period}`}>
        <Segmented label='考核周期' options={CYCLES} value={cycle} onChange={(c) => reload({ cycle: c })} />
        {townships.length > 1 ? (
          <Field label='考核范围'>
            <ChoiceList choices={[{ key: ALL, label: '全部乡镇（街道）' }, ...townships]} selected={[township]} onToggle={(t) => reload({ township: t })} />
          </Field>
        ) : null}
        <View className='companies__months'>
          <Button size='small' onClick={() => go(-1)}>
            {cycle === 'month' ? '上一月' : '上一季度'}
          </Button>
          <Button size='small' onClick={() => go(1)}>
            {cycle === 'month' ? '下一月' : '下一季度'}
          </Button>
        </View>
        {shown ? <Text className='staff-muted'>{scopeText}</Text> : null}
      </Section>
      {table ? (
        <Section title='考核结果'>
          {table.rows.length ? table.rows.map((r) => <CompanyCard key={r.companyId} row={r} />) : <Text className='staff-muted'>本辖区没有登记物业服务企业的小区</Text>}
        </Section>
      ) : null}
      {quarterTable ? (
        <Section title='季度考核结果'>
          {quarterTable.rows.length ? quarterTable.rows.map((r) => <QuarterCard key={r.companyId} row={r} />) : <Text className='staff-muted'>本辖区没有登记物业服务企业的小区</Text>}
        </Section>
      ) : null}
      {shown ? (
        <Section title='评分办法'>
          {shown.definitions.map((d) => (
            <Text key={d.term} className='company__line' data-definition={d.term}>
              {d.label}（{d.weight}分）：{d.definition}
            </Text>
          ))}
          <Text className='company__line'>{shown.note}</Text>
          {shown.ladder.map((s) => (
            <Text key={s.level} className='company__line staff-muted'>
              {s.threshold}：{s.label}
            </Text>
          ))}
        </Section>
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}
