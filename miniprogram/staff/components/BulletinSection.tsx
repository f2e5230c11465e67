/**
 * 月通报: a jurisdiction and a month (Beijing calendar), downloaded as XLSX or CSV (H5: the local
 * runtime's /api/bulletin; weapp: opened with the document viewer — lib/bulletin*.ts).
 */
import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RoleGrant } from '../../../shared/domain/roles';
import { Button } from '../../ui';
import { downloadBulletin, type BulletinFormat } from '../lib/bulletin';
import { friendlyError } from '../lib/errors';
import { monthLabel, monthOf, previousMonth } from '../lib/period';
import { jurisdictionChoices } from '../lib/scope';
import { BulletinJobPanel } from './BulletinJobPanel';
import { ChoiceList, ErrorText, Field, Section } from './Field';

const LAST_JURISDICTION_KEY = 'xqcs.staff.bulletin.jurisdiction';

function rememberedJurisdiction(): string | null {
  try {
    const v: unknown = Taro.getStorageSync(LAST_JURISDICTION_KEY);
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}

/** `suggestedMonth`: the last month with tickets (the dashboard knows it), else last month is offered. */
export function BulletinSection({ grants, suggestedMonth }: { grants: readonly RoleGrant[] | null; suggestedMonth?: string | null }) {
  const choices = jurisdictionChoices(grants);
  const [picked, setPicked] = useState<string | null>(rememberedJurisdiction);
  const jurisdiction = choices.find((c) => c.key === picked)?.key ?? choices[0]?.key ?? null;
  const [month, setMonth] = useState(() => previousMonth(Date.now()));
  const [monthPicked, setMonthPicked] = useState(false);
  useEffect(() => {
    if (suggestedMonth && !monthPicked) setMonth(suggestedMonth);
  }, [suggestedMonth, monthPicked]);
  const [busy, setBusy] = useState<BulletinFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function choose(key: string) {
    setPicked(key);
    try {
      Taro.setStorageSync(LAST_JURISDICTION_KEY, key);
    } catch {
      // not worth an error
    }
  }

  async function download(format: BulletinFormat) {
    if (!jurisdiction) return;
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      setDone(await downloadBulletin({ jurisdiction, month, format }));
    } catch (err) {
      setError(friendlyError(err, '通报下载失败，请稍后重试'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section title='月通报'>
      <Text className='staff-muted'>按月导出辖区“三率”、用时、超期情况及街道、部门排名和超期工单清单。</Text>
      {choices.length > 1 ? (
        <Field label='辖区'>
          <ChoiceList choices={choices} selected={jurisdiction ? [jurisdiction] : []} onToggle={choose} />
        </Field>
      ) : null}
      <Field label='通报月份'>
        <Picker mode='date' fields='month' value={month} end={monthOf(Date.now())} onChange={(e) => {
            setMonthPicked(true);
            setMonth(String(e.detail.value).slice(0, 7));
          }}>
          <View className='staff-picker'>{monthLabel(month)}</View>
        </Picker>
      </Field>
      <View className='ticket-row__tools'>
        <Button size='small' type='primary' loading={busy === 'xlsx'} disabled={!jurisdiction} onClick={() => void download('xlsx')}>
          下载XLSX
        </Button>
        <Button size='small' loading={busy === 'csv'} disabled={!jurisdiction} onClick={() => void download('csv')}>
          下载CSV
        </Button>
      </View>
      {done ? <Text className='detail__line'>{done}</Text> : null}
      <ErrorText error={error} />
      <BulletinJobPanel jurisdiction={jurisdiction} month={month} />
    </Section>
  );
}
