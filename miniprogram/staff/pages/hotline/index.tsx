/**
 * 12345工单 (issue 20 §6): the 12345 center brings in its work orders (the hotline system's CSV
 * export, pasted: 工单号, 来电时间, 诉求内容, 地址, 诉求类型), sees how each was matched and routed,
 * reads the statistics by estate and category, and exports the outcomes (工单号, 承办单位, 办理结果,
 * 办结时间, 满意度) as Excel for the 12345 system. 催办/督办 is on the queue page (pages/hotline-queue).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ErrorText, Field, Section, TextArea } from '../../components/Field';
import { callHotline, type HotlineExportAnswer, type HotlineImportAnswer, type HotlineStatsAnswer } from '../../lib/assessment';
import { friendlyError } from '../../lib/errors';
import { saveLedgerFile } from '../../lib/governance';
import '../../styles.css';
import './index.css';

export default function HotlinePage() {
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<HotlineImportAnswer | null>(null);
  const [stats, setStats] = useState<HotlineStatsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function loadStats() {
    try {
      setStats(await callHotline<HotlineStatsAnswer>('hotlineStats'));
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => void loadStats());

  async function importOrders() {
    setBusy(true);
    setError(null);
    try {
      setResult(await callHotline<HotlineImportAnswer>('hotlineImport', { format: 'csv', content: csv }));
      await loadStats();
    } catch (err) {
      setError(friendlyError(err, '导入失败'));
    } finally {
      setBusy(false);
    }
  }

  async function exportOutcomes() {
    try {
      await saveLedgerFile(await callHotline<HotlineExportAnswer>('hotlineExport'));
    } catch (err) {
      setError(friendlyError(err, '导出失败'));
    }
  }

  return (
    <View className='staff staff-hotline'>
      <Section title='导入12345工单'>
        <Field label='工单文件内容（CSV：工单号、来电时间、诉求内容、地址、诉求类型）' required>
          <TextArea value={csv} onChange={setCsv} maxlength={200000} placeholder='从12345系统导出CSV后粘贴到此处；来电号码不会被导入' />
        </Field>
        <Button type='primary' block loading={busy} disabled={!csv.trim()} onClick={() => void importOrders()}>
          导入并派单
        </Button>
        {result ? (
          <View className='hotline__result'>
            <Text className='hotline__line'>
              新建 {result.created} 件，已导入过 {result.existing} 件{result.unmatched.length ? `，${result.unmatched.length} 件未匹配到小区（待街道定位）` : ''}
            </Text>
            {result.rows.map((r) => (
              <Text key={r.no} className='hotline__line' data-order={r.no}>
                {r.no} → {r.ticketNo} · {r.units.join('、')}
                {r.status === 'existing' ? '（已导入过）' : ''}
              </Text>
            ))}
            {result.problems.map((p) => (
              <Text key={`${p.line}-${p.no ?? ''}`} className='hotline__line staff-error'>
                第{p.line}行 {p.no ?? ''}：{p.message}
              </Text>
            ))}
          </View>
        ) : null}
      </Section>
      {stats ? (
        <Section title={`统计分析（共 ${stats.tickets} 件）`}>
          {stats.byEstate.map((e) => (
            <Text key={e.estateId} className='hotline__line' data-estate={e.estateId}>
              {e.name}：{e.tickets} 件，未办结 {e.open} 件，评价 {e.rated} 件（满意 {e.satisfied}）
            </Text>
          ))}
          {stats.byCategory.map((c) => (
            <Text key={c.key} className='hotline__line staff-muted'>
              {c.label}：{c.counts.tickets} 件
            </Text>
          ))}
        </Section>
      ) : null}
      <Button block onClick={() => void exportOutcomes()}>
        导出办理结果（Excel，回传12345）
      </Button>
      <ErrorText error={error} />
    </View>
  );
}
