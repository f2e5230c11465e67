/**
 * 责任清单管理 (issue 19): the jurisdiction's admin downloads the template, Yongning's list as a
 * filled example or the current list; imports a revised 责任清单 (XLSX or CSV laid out
 * 序号 / 问题 / 牵头单位 / 责任单位 / 依据) and reads every error with its row and column when the
 * file is refused (nothing is stored then); previews every category under the current list and the
 * draft with the changes highlighted; activates the draft from a date (today or later); and imports
 * the estates. Refusals show the stable code.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ErrorText, Field, Section, TextInput } from '../../components/Field';
import { loadMe } from '../../lib/api';
import { activateList, importEstates, importList, listFile, listVersions, type ListFileKind, type PreviewRow, type VersionSummary } from '../../lib/county';
import { countyError } from '../../lib/county-errors';
import { saveCountyFile } from '../../lib/county-file';
import { ESTATE_COLUMNS } from '../../../../shared/lists/estates-import';
import { LIST_COLUMNS } from '../../../../shared/lists/import';
import { PreviewTable } from './PreviewTable';
import { TableImport } from './TableImport';
import '../../styles.css';
import './index.css';

/** Tomorrow in China time, 'YYYY-MM-DD': the default effective date. */
function tomorrow(nowMs: number): string {
  return new Date(nowMs + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

const DOWNLOADS: ReadonlyArray<{ kind: ListFileKind; label: string }> = [
  { kind: 'template', label: '下载空白模板' },
  { kind: 'example', label: '下载填写示例（永宁县）' },
  { kind: 'current', label: '下载现行清单' },
];

export default function CountyPage() {
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [routingNow, setRoutingNow] = useState<string>('');
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [docTitle, setDocTitle] = useState('');
  const [draft, setDraft] = useState<VersionSummary | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(tomorrow(Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  async function refresh(j: string) {
    try {
      const answer = await listVersions(j);
      setRoutingNow(answer.routingNow);
      setVersions(answer.versions);
      setLoadError(null);
    } catch (err) {
      setLoadError(countyError(err, '清单版本加载失败'));
    }
  }

  useLoad(() => {
    void loadMe()
      .then((me) => {
        const j = me?.grants?.find((g) => g.role === 'admin')?.jurisdiction ?? null;
        setJurisdiction(j);
        if (j) void refresh(j);
        else setLoadError('需要管理员权限');
      })
      .catch((err: unknown) => setLoadError(countyError(err, '加载失败')));
  });

  async function onDownload(kind: ListFileKind) {
    if (!jurisdiction) return;
    setDownloaded(null);
    setError(null);
    try {
      setDownloaded(await saveCountyFile(await listFile(jurisdiction, kind)));
    } catch (err) {
      setError(countyError(err, '下载失败'));
    }
  }

  async function onActivate() {
    if (!jurisdiction || !draft) return;
    setError(null);
    try {
      const answer = await activateList(jurisdiction, draft.versionId, effectiveFrom);
      setNotice(`新版清单自 ${answer.version.effectiveFrom} 起生效`);
      setDraft(null);
      setPreview(null);
      await refresh(jurisdiction);
    } catch (err) {
      setError(countyError(err, '启用失败'));
    }
  }

  const clearDraft = () => {
    setDraft(null);
    setPreview(null);
  };

  if (!jurisdiction) {
    return (
      <View className='staff staff-county'>
        <Section title='当前清单'>{loadError ? <ErrorText error={loadError} /> : <Text className='staff-muted'>加载中…</Text>}</Section>
      </View>
    );
  }

  return (
    <View className='staff staff-county'>
      <Section title='当前清单'>
        {loadError ? <ErrorText error={loadError} /> : null}
        {versions === null && !loadError ? <Text className='staff-muted'>加载中…</Text> : null}
        {versions !== null ? <Text className='staff-muted'>现行版本：{routingNow || '—'}</Text> : null}
        {versions !== null && versions.length === 0 ? (
          <Text className='staff-muted' data-empty='versions'>
            本辖区还没有导入过清单，现按内置清单派单。
          </Text>
        ) : null}
        {(versions ?? []).map((v) => (
          <Text key={v.versionId} className='county-row__line' data-version={v.versionId}>
            {v.versionId} · {v.status === 'active' ? `自 ${v.effectiveFrom} 起生效` : '草稿'} · {v.rows} 条
          </Text>
        ))}
      </Section>
      <Section title='下载清单表格'>
        <View className='county-downloads'>
          {DOWNLOADS.map((d) => (
            <Button key={d.kind} size='small' onClick={() => void onDownload(d.kind)}>
              {d.label}
            </Button>
          ))}
        </View>
        {downloaded ? <Text className='county-done'>{downloaded}</Text> : null}
      </Section>
      <Section title='导入新版清单'>
        <TableImport
          kind='list'
          columns={LIST_COLUMNS}
          buttonLabel='选择文件并导入'
          check={() => (docTitle.trim().length < 2 ? '请填写清单文件名称' : null)}
          onRefused={clearDraft}
          send={async (file) => {
            const answer = await importList({ jurisdiction, fileName: file.name, contentBase64: file.base64, document: docTitle.trim() });
            setNotice(null);
            setDraft(answer.version);
            setPreview(answer.preview);
            await refresh(jurisdiction);
            return `已导入草稿 ${answer.version.versionId}（${answer.version.rows} 条），请核对下方预览后启用`;
          }}
        >
          <Field label='清单文件名称' required>
            <TextInput value={docTitle} onChange={setDocTitle} placeholder='如：某县物业管理责任清单(2027年版)' />
          </Field>
        </TableImport>
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
      <Section title='导入小区'>
        <TableImport
          kind='estates'
          columns={ESTATE_COLUMNS}
          buttonLabel='选择小区表并导入'
          send={async (file) => {
            const answer = await importEstates({ jurisdiction, fileName: file.name, contentBase64: file.base64 });
            return `已导入 ${answer.imported} 个小区：${answer.estates.map((e) => e.name).join('、')}`;
          }}
        />
      </Section>
      <ErrorText error={error} />
    </View>
  );
}
