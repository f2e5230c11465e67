/**
 * “九不准”台账: per property company of the assessment year, the distinct items confirmed (the
 * document's text), how many, and the step of the sanction ladder with every measure in force
 * (001_c21a685cf9840a30.txt 序号3; shared/ledger). Hidden for users who may not read the ledger.
 */
import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { LADDER_REFERRAL, ladderFor, nineProhibition } from '../../../shared/ledger';
import { callTicket } from '../lib/api';
import { friendlyError, isAuthRefusal } from '../lib/errors';
import { yearOf } from '../lib/period';
import type { LedgerAnswer, LedgerCompany } from '../lib/types';
import { ErrorText, Field, Section } from './Field';

const COUNTING = '按企业、按考核年度统计被认定违反的不同条款数：同一条款多次违反计为1条，每次认定均记入台账。';

function CompanyCard({ company }: { company: LedgerCompany }) {
  const ladder = ladderFor(company.count);
  return (
    <View className='ledger-company'>
      <View className='ledger-company__head'>
        <Text className='ledger-company__name'>{company.companyName ?? company.companyId}</Text>
        <Text className={`staff-tag${ladder.level >= 3 ? ' staff-tag--urgent' : ''}`}>累计违反 {company.count} 条</Text>
      </View>
      <Text className='staff-muted'>本年度共认定 {company.breaches} 次</Text>
      {company.items.map((row) => (
        <Text key={row.item} className='ledger-item'>
          第{row.item}条 {nineProhibition(row.item).text}
          {row.entries.length > 1 ? `（${row.entries.length}次）` : ''}
        </Text>
      ))}
      {ladder.step ? (
        <View className='ledger-ladder'>
          <Text className='ledger-ladder__step'>
            第{ladder.step.level}档 · {ladder.step.threshold}：{ladder.step.label}
          </Text>
          {ladder.measures.map((m) => (
            <Text key={m.text} className='ledger-ladder__measure'>
              · {m.text}
              {m.level < ladder.level ? `（第${m.level}档）` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function LedgerSection() {
  const [year, setYear] = useState(() => yearOf(Date.now()));
  const [answer, setAnswer] = useState<LedgerAnswer | null>(null);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    callTicket<LedgerAnswer>('ledger', { year })
      .then((a) => {
        if (!live) return;
        setAnswer(a);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (isAuthRefusal(err)) setHidden(true);
        else setError(friendlyError(err, '台账加载失败'));
      });
    return () => {
      live = false;
    };
  }, [year]);

  if (hidden) return null;
  return (
    <Section title='“九不准”台账'>
      <Field label='考核年度'>
        <Picker mode='date' fields='year' value={String(year)} onChange={(e) => setYear(Number(String(e.detail.value).slice(0, 4)) || year)}>
          <View className='staff-picker'>{year}年</View>
        </Picker>
      </Field>
      <ErrorText error={error} />
      {answer && !answer.companies.length ? <View className='staff-empty'>本年度暂无认定记录</View> : null}
      {answer?.companies.map((c) => <CompanyCard key={c.companyId} company={c} />)}
      {answer?.companies.length ? <Text className='staff-muted'>{LADDER_REFERRAL}</Text> : null}
      <Text className='staff-muted'>{answer?.counting ?? COUNTING}</Text>
    </Section>
  );
}
