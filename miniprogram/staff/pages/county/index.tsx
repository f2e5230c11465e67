/**
 * 县区上线与责任清单 (issue 19): the steps a county clerk follows to bring a jurisdiction online, in
 * order — 辖区 (create it, with its parent city) → 单位 (the unit table, townships among them) →
 * 清单 (download the template, Yongning's filled example or the current list; import a 责任清单
 * laid out 序号 / 问题 / 牵头单位 / 责任单位 / 依据) → 预览/启用 (every category under the current
 * list and the draft, changes highlighted; activate from a date, today or later) → 物业企业 (register
 * the companies the estates table names) → 小区 → 网格 →
 * 时限 (admin.putSlaPolicy) → 人员 (a staff record and its invitation) → 海报 (each estate's, or all
 * on one print page). Every import is all-or-nothing and a refused file shows every row error at once; every
 * refusal shows its stable code.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, Section, TextInput } from '../../components/Field';
import { go } from '../../components/navigation';
import { loadEstates, loadMe } from '../../lib/api';
import {
  activateList,
  adminJurisdictions,
  directoryTemplate,
  importEstates,
  importGrids,
  importList,
  importUnits,
  listFile,
  listVersions,
  type CreatedJurisdiction,
  type ListFileKind,
  type PreviewRow,
  type VersionSummary,
} from '../../lib/county';
import { countyError } from '../../lib/county-errors';
import { refreshDirectory } from '../../lib/directory';
import { saveCountyFile, type CountyFile } from '../../lib/county-file';
import { REGISTRY } from '../../../../shared/jurisdictions';
import { GRID_COLUMNS, UNIT_COLUMNS } from '../../../../shared/lists/directory-columns';
import { ESTATE_COLUMNS } from '../../../../shared/lists/estates-import';
import { LIST_COLUMNS } from '../../../../shared/lists/import';
import { InviteStaff } from './InviteStaff';
import { NewJurisdiction } from './NewJurisdiction';
import { PreviewTable } from './PreviewTable';
import { PropertyCompanyForm } from './PropertyCompanyForm';
import { SlaPolicyForm } from './SlaPolicyForm';
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

/** The clerk's order; each section's title carries its number. */
export const STEPS = ['辖区', '单位', '清单', '预览/启用', '物业企业', '小区', '网格', '时限', '人员', '海报'] as const;
const title = (step: (typeof STEPS)[number], text: string) => `第${STEPS.indexOf(step) + 1}步 ${step}：${text}`;

interface Place {
  id: string;
  name: string;
  level?: string | undefined;
}

export default function CountyPage() {
  const [administered, setAdministered] = useState<Place[]>([]);
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [routingNow, setRoutingNow] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [docTitle, setDocTitle] = useState('');
  const [draft, setDraft] = useState<VersionSummary | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(tomorrow(Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [estates, setEstates] = useState<Place[]>([]);

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

  async function choose(j: string) {
    setJurisdiction(j);
    setVersions(null);
    setDraft(null);
    setPreview(null);
    setNotice(null);
    setError(null);
    setDownloaded(null);
    setEstates((await loadEstates()).filter((e) => e.jurisdiction === j).map((e) => ({ id: e.id, name: e.name })));
    await refresh(j);
  }

  // ?jurisdiction=<id> opens a jurisdiction the admin created (a city admin's county is not among
  // their grants); the server decides whether they administer it.
  useLoad((query: Record<string, string | undefined>) => {
    const asked = query.jurisdiction && /^[a-z][a-z0-9-]*$/.test(query.jurisdiction) ? query.jurisdiction : null;
    void loadMe()
      .then((me) => {
        const ids = [...new Set((me?.grants ?? []).filter((g) => g.role === 'admin').map((g) => g.jurisdiction))];
        if (ids.length === 0) return setLoadError('需要管理员权限');
        void choose(asked ?? ids[0]!);
        // Everything the admin administers, created counties included; else the grants alone.
        return adminJurisdictions()
          .then((all): Place[] => all.map((j) => ({ id: j.id, name: j.name, level: j.level })))
          .catch((): Place[] => ids.map((id) => ({ id, name: REGISTRY.list(id)?.name ?? id, level: REGISTRY.list(id)?.level })))
          .then((places) => {
            if (asked && !places.some((p) => p.id === asked)) places.push({ id: asked, name: REGISTRY.list(asked)?.name ?? asked, level: REGISTRY.list(asked)?.level });
            setAdministered((known) => [...places, ...known.filter((k) => !places.some((p) => p.id === k.id))]);
          });
      })
      .catch((err: unknown) => setLoadError(countyError(err, '加载失败')));
  });

  async function download(get: () => Promise<CountyFile>) {
    setDownloaded(null);
    setError(null);
    try {
      setDownloaded(await saveCountyFile(await get()));
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
      // A county just made live is named on this phone's other staff screens without a new sign-in.
      await refreshDirectory();
    } catch (err) {
      setError(countyError(err, '启用失败'));
    }
  }

  function onCreated(j: CreatedJurisdiction) {
    setAdministered((known) => [...known.filter((k) => k.id !== j.id), { id: j.id, name: j.name, level: j.level }]);
    void choose(j.id);
    setNotice(`已新建辖区 ${j.name}（${j.id}），请按顺序导入单位表、责任清单、小区和网格`);
  }

  if (!jurisdiction) {
    return (
      <View className='staff staff-county'>
        <Section title='县区上线与责任清单'>{loadError ? <ErrorText error={loadError} /> : <Text className='staff-muted'>加载中…</Text>}</Section>
      </View>
    );
  }

  const here = administered.find((a) => a.id === jurisdiction)?.name ?? jurisdiction;
  const parents = administered.filter((a) => (a.level ?? REGISTRY.list(a.id)?.level) === 'city');
  const file = (send: (x: { jurisdiction: string; fileName: string; contentBase64: string }) => Promise<string>) => (f: { name: string; base64: string }) =>
    send({ jurisdiction, fileName: f.name, contentBase64: f.base64 });

  return (
    <View className='staff staff-county'>
      <Text className='staff-muted county-steps' data-steps=''>
        上线顺序：{STEPS.join(' → ')}
      </Text>
      {notice ? (
        <Text className='county-done' data-notice=''>
          {notice}
        </Text>
      ) : null}
      <Section title={title('辖区', `当前为 ${here}`)}>
        {administered.length > 1 ? <ChoiceList choices={administered.map((a) => ({ key: a.id, label: a.name }))} selected={[jurisdiction]} onToggle={(k) => void choose(k)} /> : null}
        {/* A county is created under a city its admin administers; one without a city is the operator's (CLI). */}
        {parents.length > 0 ? (
          <NewJurisdiction parents={parents} onCreated={onCreated} />
        ) : (
          <Text className='staff-muted' data-no-create=''>
            新建县（区）须由所属市的管理员操作；不属于任何市的辖区由部署方创建。
          </Text>
        )}
      </Section>
      <Section title={title('单位', '导入单位表（含乡镇、街道）')}>
        <Button size='small' onClick={() => void download(() => directoryTemplate('units'))}>
          下载单位表模板
        </Button>
        <TableImport
          kind='units'
          columns={UNIT_COLUMNS}
          buttonLabel='选择单位表并导入'
          send={file(async (x) => {
            const a = await importUnits(x);
            return `已导入 ${a.departments.length} 个单位、${a.townships.length} 个乡镇（街道）：${a.townships.map((t) => t.name).join('、')}`;
          })}
        />
      </Section>
      <Section title={title('清单', '下载表格、导入责任清单')}>
        {loadError ? <ErrorText error={loadError} /> : null}
        {versions === null && !loadError ? <Text className='staff-muted'>加载中…</Text> : null}
        {versions !== null && routingNow ? <Text className='staff-muted county-status'>现行版本：{routingNow}</Text> : null}
        {versions !== null && !routingNow ? (
          <Text className='staff-muted county-status' data-empty='routing'>
            本辖区的责任清单尚未生效，暂不派单：请导入清单并启用（生效日期为今天即可开始派单）。
          </Text>
        ) : null}
        {versions !== null && routingNow && versions.length === 0 ? (
          <Text className='staff-muted county-status' data-empty='versions'>
            本辖区还没有导入过清单，现按内置清单派单。
          </Text>
        ) : null}
        {(versions ?? []).map((v) => (
          <Text key={v.versionId} className='county-row__line' data-version={v.versionId}>
            {v.versionId} · {v.status === 'active' ? `自 ${v.effectiveFrom} 起生效` : '草稿'} · {v.rows} 条
          </Text>
        ))}
        <View className='county-downloads'>
          {DOWNLOADS.map((d) => (
            <Button key={d.kind} size='small' onClick={() => void download(() => listFile(jurisdiction, d.kind))}>
              {d.label}
            </Button>
          ))}
        </View>
        <TableImport
          kind='list'
          columns={LIST_COLUMNS}
          buttonLabel='选择文件并导入'
          check={() => (docTitle.trim().length < 2 ? '请填写清单文件名称' : null)}
          onRefused={() => {
            setDraft(null);
            setPreview(null);
          }}
          send={async (f) => {
            const answer = await importList({ jurisdiction, fileName: f.name, contentBase64: f.base64, document: docTitle.trim() });
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
      <Section title={title('预览/启用', preview && draft ? draft.versionId : '导入清单后在此核对')}>
        {preview && draft ? (
          <View data-step='preview'>
            <PreviewTable rows={preview} />
            <Field label='生效日期（YYYY-MM-DD）' required>
              <TextInput value={effectiveFrom} onChange={setEffectiveFrom} maxlength={10} />
            </Field>
            <Button type='primary' onClick={() => void onActivate()}>
              启用新版清单
            </Button>
          </View>
        ) : null}
      </Section>
      <Section title={title('物业企业', '登记物业服务企业')}>
        <PropertyCompanyForm key={jurisdiction} jurisdiction={jurisdiction} />
      </Section>
      <Section title={title('小区', '导入小区（坐标、乡镇街道、物业企业）')}>
        <TableImport
          kind='estates'
          columns={ESTATE_COLUMNS}
          buttonLabel='选择小区表并导入'
          send={file(async (x) => {
            const answer = await importEstates(x);
            setEstates((known) => [...known.filter((k) => !answer.estates.some((e) => e.id === k.id)), ...answer.estates.map((e) => ({ id: e.id, name: e.name }))]);
            return `已导入 ${answer.imported} 个小区：${answer.estates.map((e) => e.name).join('、')}`;
          })}
        />
      </Section>
      <Section title={title('网格', '导入网格')}>
        <Button size='small' onClick={() => void download(() => directoryTemplate('grids'))}>
          下载网格表模板
        </Button>
        <TableImport
          kind='grids'
          columns={GRID_COLUMNS}
          buttonLabel='选择网格表并导入'
          send={file(async (x) => {
            const a = await importGrids(x);
            const removed = a.removed.length ? `；已删除表中没有的 ${a.removed.length} 个网格：${a.removed.map((g) => g.name).join('、')}` : '';
            return `已导入 ${a.grids.length} 个网格：${a.grids.map((g) => g.name).join('、')}${removed}`;
          })}
        />
      </Section>
      <Section title={title('时限', '设置办结时限')}>
        <SlaPolicyForm key={jurisdiction} jurisdiction={jurisdiction} />
      </Section>
      <Section title={title('人员', '邀请工作人员')}>
        <InviteStaff key={jurisdiction} jurisdiction={jurisdiction} />
      </Section>
      <Section title={title('海报', '打印各小区公告牌海报')}>
        {estates.length === 0 ? <Text className='staff-muted'>导入小区后，可在此打开每个小区的海报打印。</Text> : null}
        {estates.length > 0 ? (
          <Button size='small' type='primary' onClick={() => go(`/pages/posters/index?jurisdiction=${encodeURIComponent(jurisdiction)}`)}>
            打印全部海报（每个小区一页）
          </Button>
        ) : null}
        {estates.map((e) => (
          <View key={e.id} className='county-poster' data-poster={e.id} onClick={() => go(`/pages/poster/index?estate=${encodeURIComponent(e.id)}`)}>
            <Text>{e.name} · 打开海报 ›</Text>
          </View>
        ))}
      </Section>
      {downloaded ? <Text className='county-done'>{downloaded}</Text> : null}
      <ErrorText error={error} />
    </View>
  );
}
