/**
 * 物业企业考核 (issue 20 §4): the month's table of property companies — score, 等次, the four terms,
 * star level and credit status from the 九不准 ladder, a 黑名单 company flagged — with the weights
 * and definitions under it (shared/assessment/definitions.ts). The county's view for leadership,
 * admin and 住建; a street officer's for its townships. Never shown to property companies.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ErrorText, Section } from '../../components/Field';
import { loadMe } from '../../lib/api';
import { loadAssessment, type AssessmentAnswer, type AssessmentRow } from '../../lib/assessment';
import { friendlyError } from '../../lib/errors';
import { monthLabel, monthOf, previousMonth } from '../../lib/period';
import '../../styles.css';
import './index.css';

/** The month before or after 'YYYY-MM'. */
function shift(month: string, by: -1 | 1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function CompanyCard({ row }: { row: AssessmentRow }) {
  return (
    <View className={`company${row.blacklisted ? ' company--blacklisted' : ''}`} data-company={row.companyId}>
      <View className='company__head'>
        <Text className='company__name'>{row.name}</Text>
        {row.blacklisted ? <Text className='company__flag'>黑名单</Text> : null}
        <Text className='company__score'>
          {row.score}分 · {row.grade}
        </Text>
      </View>
      <Text className='company__line'>
        信用状态：{row.standing.creditLabel}
        {row.standing.stars !== null ? ` · ${row.standing.stars}星` : ''}（本年认定“九不准”{row.standing.items}条）
      </Text>
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
        <Text className='company__line staff-muted'>
          信用变化：{row.history.map((h) => `${h.at.slice(0, 10)} ${h.creditLabel}`).join('；')}
        </Text>
      ) : null}
    </View>
  );
}

export default function CompaniesPage() {
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [month, setMonth] = useState(previousMonth(Date.now()));
  const [table, setTable] = useState<AssessmentAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(j: string, m: string) {
    try {
      setTable(await loadAssessment({ jurisdiction: j, month: m }));
      setError(null);
    } catch (err) {
      setTable(null);
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => {
    void loadMe().then((me) => {
      const j = me?.grants?.find((g) => g.role !== 'property')?.jurisdiction ?? null;
      setJurisdiction(j);
      if (j) void load(j, month);
      else setError('未找到您的辖区');
    });
  });

  function go(by: -1 | 1) {
    const next = shift(month, by);
    if (by === 1 && next > monthOf(Date.now())) return;
    setMonth(next);
    if (jurisdiction) void load(jurisdiction, next);
  }

  return (
    <View className='staff staff-companies'>
      <Section title={`物业企业考核 · ${monthLabel(month)}`}>
        <View className='companies__months'>
          <Button size='small' onClick={() => go(-1)}>
            上一月
          </Button>
          <Button size='small' onClick={() => go(1)}>
            下一月
          </Button>
        </View>
        {table ? <Text className='staff-muted'>{table.view === 'county' ? '县（市）级考核：辖区全部物业服务企业' : '乡镇（街道）月度考核：本辖区小区的物业服务企业'}</Text> : null}
      </Section>
      {table ? (
        <Section title='考核结果'>
          {table.rows.length ? table.rows.map((r) => <CompanyCard key={r.companyId} row={r} />) : <Text className='staff-muted'>本辖区没有登记物业服务企业的小区</Text>}
        </Section>
      ) : null}
      {table ? (
        <Section title='评分办法'>
          {table.definitions.map((d) => (
            <Text key={d.term} className='company__line' data-definition={d.term}>
              {d.label}（{d.weight}分）：{d.definition}
            </Text>
          ))}
          <Text className='company__line'>{table.note}</Text>
          {table.ladder.map((s) => (
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
