/**
 * 月通报 of a large month, made in the background (ticket.bulletinJob, issue 17 §3): 后台生成 starts
 * or resumes the month's job, 生成中 n/N shows its steps, and the finished XLSX is opened or saved.
 * A finished file whose month has new facts is marked 已过期; 重新生成 makes it again, the previous
 * file still offered (下载上一版) until the new one is done. Shown inside BulletinSection with its
 * jurisdiction and month.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { openBulletinFile } from '../lib/bulletin-file';
import { runBulletinJob, type BulletinJobAnswer } from '../lib/bulletin-job';
import { friendlyError } from '../lib/errors';
import { formatTime } from '../lib/format';
import { ErrorText } from './Field';

export function BulletinJobPanel({ jurisdiction, month }: { jurisdiction: string | null; month: string }) {
  const [job, setJob] = useState<BulletinJobAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Another jurisdiction or month is another job: forget the shown one.
  const current = useRef(`${jurisdiction}|${month}`);
  useEffect(() => {
    current.current = `${jurisdiction}|${month}`;
    setJob(null);
    setDone(null);
    setError(null);
  }, [jurisdiction, month]);

  async function start(regenerate = false) {
    if (!jurisdiction) return;
    const key = `${jurisdiction}|${month}`;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const end = await runBulletinJob({ jurisdiction, month, ...(regenerate ? { regenerate: true } : {}) }, (answer) => {
        if (current.current === key) setJob(answer);
      });
      if (current.current === key && end.state === 'failed') setError('通报生成失败，请稍后重试');
    } catch (err) {
      if (current.current === key) setError(friendlyError(err, '通报生成失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  async function open(previous = false) {
    if (!job) return;
    setError(null);
    try {
      const p = previous ? job.previous : undefined;
      setDone(await openBulletinFile(p ? { ...job, ...(p.xlsxFileId ? { xlsxFileId: p.xlsxFileId } : {}), ...(p.xlsxUrl ? { xlsxUrl: p.xlsxUrl } : {}), ...(p.xlsxBase64 ? { xlsxBase64: p.xlsxBase64 } : {}) } : job));
    } catch (err) {
      setError(friendlyError(err, '通报下载失败，请稍后重试'));
    }
  }

  const ready = job?.state === 'done';
  return (
    <View className='detail__line'>
      <Text className='staff-muted'>数据量大时可后台生成XLSX，生成后下载。</Text>
      <View className='ticket-row__tools'>
        <Button size='small' loading={busy} disabled={!jurisdiction || busy} onClick={() => void start()}>
          后台生成
        </Button>
        {ready ? (
          <Button size='small' type='primary' onClick={() => void open()}>
            下载已生成通报
          </Button>
        ) : null}
        {ready ? (
          <Button size='small' disabled={busy} onClick={() => void start(true)}>
            重新生成
          </Button>
        ) : null}
        {job && !ready && job.previous ? (
          <Button size='small' onClick={() => void open(true)}>
            下载上一版
          </Button>
        ) : null}
      </View>
      {job && !ready && job.state !== 'failed' ? <Text className='detail__line'>{`生成中 ${job.step}/${job.steps}`}</Text> : null}
      {ready ? <Text className='detail__line'>{`已生成 ${job.filename ?? ''}${job.finishedAt ? `（${formatTime(job.finishedAt)}）` : ''}`}</Text> : null}
      {ready && job.stale ? <Text className='detail__line staff-warning'>已过期：本月数据在生成后有更新，请重新生成</Text> : null}
      {done ? <Text className='detail__line'>{done}</Text> : null}
      <ErrorText error={error} />
    </View>
  );
}
