/**
 * 六公开/五公开 (issue 20 §5): the property company (or the estate's admin) publishes, per estate,
 * the six structured fields the noticeboard and the poster show, each with the date it last
 * changed. A field saved unchanged keeps its date (shared/domain/disclosure.ts applyDisclosure).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { callFunction } from '../../../api';
import { residentApi, type DisclosureView } from '../../../components/resident-api';
import { DISCLOSURE_FIELDS } from '../../../../shared/domain/disclosure';
import { shanghaiDateTime } from '../../../../shared/sla/calendar';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, Section, TextArea } from '../../components/Field';
import { loadEstates, loadMe } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import { estatesInScope } from '../../lib/scope';
import type { EstateItem, Me } from '../../lib/types';
import '../../styles.css';

/** The estates a property user publishes for (its grant's), or an admin's. */
function publishable(all: readonly EstateItem[], me: Me | null): EstateItem[] {
  const own = new Set((me?.grants ?? []).filter((g) => g.role === 'property').flatMap((g) => g.estates ?? []));
  return [...all.filter((e) => own.has(e.id)), ...estatesInScope(all, (me?.grants ?? []).filter((g) => g.role === 'admin')).filter((e) => !own.has(e.id))];
}

export default function DisclosurePage() {
  const [estates, setEstates] = useState<EstateItem[]>([]);
  const [estateId, setEstateId] = useState<string | null>(null);
  const [current, setCurrent] = useState<DisclosureView[]>([]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open(id: string) {
    setEstateId(id);
    setSaved(false);
    try {
      const board = await residentApi.noticeboard({ estateId: id });
      setCurrent(board.disclosure);
      setDraft(Object.fromEntries(board.disclosure.map((d) => [d.key, d.text ?? ''])));
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => {
    void Promise.all([loadEstates(), loadMe()]).then(([all, me]) => {
      const mine = publishable(all, me);
      setEstates(mine);
      if (mine[0]) void open(mine[0].id);
    });
  });

  async function save() {
    if (!estateId) return;
    const fields = Object.fromEntries(Object.entries(draft).filter(([, text]) => text.trim() !== ''));
    try {
      const res = await callFunction<{ disclosure: DisclosureView[] }>('admin', 'putDisclosure', { estateId, fields });
      setCurrent(res.disclosure);
      setSaved(true);
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '保存失败'));
    }
  }

  return (
    <View className='staff staff-disclosure'>
      {estates.length > 1 ? (
        <Section title='小区'>
          <ChoiceList choices={estates.map((e) => ({ key: e.id, label: e.name }))} selected={estateId ? [estateId] : []} onToggle={(id) => void open(id)} />
        </Section>
      ) : null}
      {estateId ? (
        <Section title='六公开/五公开'>
          {DISCLOSURE_FIELDS.map((f) => {
            const at = current.find((d) => d.key === f.key)?.updatedAt ?? null;
            return (
              <Field key={f.key} label={`${f.label}${at ? `（更新于 ${shanghaiDateTime(at).slice(0, 10)}）` : '（尚未公示）'}`}>
                <TextArea value={draft[f.key] ?? ''} maxlength={1000} onChange={(v) => setDraft({ ...draft, [f.key]: v })} />
              </Field>
            );
          })}
          <Button type='primary' block onClick={() => void save()}>
            保存并公示
          </Button>
          {saved ? <Text className='staff-muted'>已保存，公告牌和海报已更新</Text> : null}
        </Section>
      ) : (
        <Text className='staff-muted'>没有可公示的小区</Text>
      )}
      <ErrorText error={error} />
    </View>
  );
}
