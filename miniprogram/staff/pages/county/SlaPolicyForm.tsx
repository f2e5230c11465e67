/**
 * 时限 (issue 19 §4 "set the SLA policy"): the jurisdiction's resolve deadlines for normal and
 * urgent tickets through admin.putSlaPolicy; the server lays them over the defaults (docs/SLA-CALENDAR.md)
 * and keeps the regional work calendar. The answer is the policy now in force, shown back.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ErrorText, Field, TextInput } from '../../components/Field';
import { countyError } from '../../lib/county-errors';
import { putSlaPolicy, type Span } from './setup-actions';

const wholeIn = (text: string, max: number): number | null => (/^\d{1,4}$/.test(text.trim()) && +text >= 1 && +text <= max ? +text : null);

function spanText(s: Span | null): string {
  if (!s) return '不限';
  return `${s.amount} ${{ minutes: '分钟', hours: '小时', days: '天', workingDays: '个工作日' }[s.unit]}`;
}

export function SlaPolicyForm({ jurisdiction }: { jurisdiction: string }) {
  // The shipped defaults (shared/sla/policy.ts DEFAULT_SLA_POLICY): 5 working days, 24 hours.
  const [normalDays, setNormalDays] = useState('5');
  const [urgentHours, setUrgentHours] = useState('24');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setDone(null);
    setError(null);
    const normal = wholeIn(normalDays, 60);
    const urgent = wholeIn(urgentHours, 72);
    const found = [...(normal === null ? ['普通问题办结时限须为 1–60 的整数（工作日）'] : []), ...(urgent === null ? ['紧急问题办结时限须为 1–72 的整数（小时）'] : [])];
    setProblems(found);
    if (normal === null || urgent === null) return;
    try {
      const policy = await putSlaPolicy(jurisdiction, {
        normal: { resolve: { unit: 'workingDays', amount: normal } },
        urgent: { resolve: { unit: 'hours', amount: urgent } },
      });
      setDone(`已保存：普通问题 ${spanText(policy.normal.resolve)}内办结，紧急问题 ${spanText(policy.urgent.resolve)}内办结`);
    } catch (err) {
      setError(countyError(err, '保存时限失败'));
    }
  }

  return (
    <View data-step='sla'>
      <Text className='staff-muted county-status'>文件未规定的时限由本系统取默认值；保存后替换本辖区此前设置的时限（工作日历不变）。</Text>
      <Field label='普通问题办结时限（工作日）' required>
        <TextInput value={normalDays} onChange={setNormalDays} maxlength={2} />
      </Field>
      <Field label='紧急问题办结时限（小时）' required>
        <TextInput value={urgentHours} onChange={setUrgentHours} maxlength={2} />
      </Field>
      <Button type='primary' onClick={() => void submit()}>
        保存时限
      </Button>
      {problems.map((p) => (
        <Text key={p} className='county-error' data-form-error=''>
          {p}
        </Text>
      ))}
      {done ? (
        <Text className='county-done' data-sla-done=''>
          {done}
        </Text>
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}
