/**
 * 责任清单管理 (issue 19): the jurisdiction's admin imports a revised 责任清单 (XLSX or CSV laid out
 * 序号 / 问题 / 牵头单位 / 责任单位 / 依据), reads every error with its row and column when the file
 * is refused (nothing is stored then), previews every category under the current list and the
 * draft with the changes highlighted, and activates the draft from a date (today or later).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ErrorText, Field, Section, TextInput } from '../../components/Field';
import { ApiError } from '../../../api/errors';
import { loadMe } from '../../lib/api';
import { activateList, importList, listVersions, type PreviewRow, type VersionSummary } from '../../lib/county';
import { friendlyError } from '../../lib/errors';
import { pickTableFile } from '../../lib/pick-file';
import '../../styles.css';
import './index.css';

/** Tomorrow in China time, 'YYYY-MM-DD': the default effective date. */
function tomorrow(nowMs: number): string {
  return new Date(nowMs + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

function PreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  const units = (lead: string[], resp: string[]) => `牵头：${lead.join('、')}；责任：${resp.join('、') || '—'}`;
  return (
    <View>
      <Text className='staff-muted'>{rows.filter((r) => r.changed).length} 个类别有变化（已标出）</Text>
      {rows.map((r) => (
        <View key={r.category} className={`county-row${r.changed ? ' county-row--changed' : ''}`} data-category={r.category} data-changed={r.changed ? 'yes' : 'no'}>
          <Text className='county-row__label'>
            {r.label}
            {r.changed ? <Text className='county-row__flag'>（有变化）</Text> : null}
          </Text>
          <Text className='county-row__line'>现行 {units(r.current.lead, r.current.responsible)}</Text>
          {r.changed ? <Text className='county-row__line'>新版 {units(r.draft.lead, r.draft.responsible)}</Text> : null}
          {r.changed ? <Text className='county-row__line staff-muted'>依据 {r.draft.basis.join('；')}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export default function CountyPage() {
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [routingNow, setRoutingNow] = useState<string>('');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [docTitle, setDocTitle] = useState('');
  const [draft, setDraft] = useState<VersionSummary | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [rowErrors, setRowErrors] = useState<string[]>([]);
  const [effectiveFrom, setEffectiveFrom] = useState(tomorrow(Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function refresh(j: string) {
    const answer = await listVersions(j);
    setRoutingNow(answer.routingNow);
    setVersions(answer.versions);
  }

  useLoad(() => {
    void loadMe().then((me) => {
      const j = me?.grants?.find((g) => g.role === 'admin')?.jurisdiction ?? null;
      setJurisdiction(j);
      if (j) void refresh(j).catch((err: unknown) => setError(friendlyError(err, '加载失败')));
      else setError('需要管理员权限');
    });
  });

  async function onImport() {
    if (!jurisdiction) return;
    setError(null);
    setNotice(null);
    setRowErrors([]);
    if (docTitle.trim().length < 2) return setError('请填写清单文件名称');
    const file = await pickTableFile();
    if (!file) return;
    try {
      const answer = await importList({ jurisdiction, fileName: file.name, contentBase64: file.base64, document: docTitle.trim() });
      setDraft(answer.version);
      setPreview(answer.preview);
      await refresh(jurisdiction);
    } catch (err) {
      setDraft(null);
      setPreview(null);
      if (err instanceof ApiError && err.code === 'LIST.INVALID_ROWS') setRowErrors((err.issues ?? []).map((i) => i.message));
      setError(friendlyError(err, '导入失败'));
    }
  }

  async function onActivate() {
    if (!jurisdiction || !draft) return;
    try {
      const answer = await activateList(jurisdiction, draft.versionId, effectiveFrom);
      setNotice(`新版清单自 ${answer.version.effectiveFrom} 起生效`);
      setDraft(null);
      setPreview(null);
      await refresh(jurisdiction);
    } catch (err) {
      setError(friendlyError(err, '启用失败'));
    }
  }

  return (
    <View className='staff staff-county'>
      <Section title='当前清单'>
        <Text className='staff-muted'>现行版本：{routingNow || '—'}</Text>
        {versions.map((v) => (
          <Text key={v.versionId} className='county-row__line' data-version={v.versionId}>
            {v.versionId} · {v.status === 'active' ? `自 ${v.effectiveFrom} 起生效` : '草稿'} · {v.rows} 条
          </Text>
        ))}
      </Section>
      <Section title='导入新版清单'>
        <Text className='staff-muted'>表头：序号 / 问题 / 牵头单位 / 责任单位 / 依据（XLSX 或 CSV）。有任何错误时不会导入任何内容。</Text>
        <Field label='清单文件名称' required>
          <TextInput value={docTitle} onChange={setDocTitle} placeholder='如：某县物业管理责任清单(2027年版)' />
        </Field>
        <Button type='primary' onClick={() => void onImport()}>
          选择文件并导入
        </Button>
        {rowErrors.map((m) => (
          <Text key={m} className='county-error' data-row-error=''>
            {m}
          </Text>
        ))}
      </Section>
      {preview && draft ? (
        <Section title={`预览：${draft.versionId}`}>
          <PreviewTable rows={preview} />
          <Field label='生效日期（YYYY-MM-DD）' required>
            <TextInput value={effectiveFrom} onChange={setEffectiveFrom} maxlength={10} />
          </Field>
          <Button type='primary' onClick={() => void onActivate()}>
            启用新版清单
          </Button>
        </Section>
      ) : null}
      {notice ? <Text className='staff-muted'>{notice}</Text> : null}
      <ErrorText error={error} />
    </View>
  );
}
