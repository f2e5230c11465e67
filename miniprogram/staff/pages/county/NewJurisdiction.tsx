/**
 * 新建辖区 (issue 19 §4 "create a jurisdiction, with its parent where it is a county of a city"):
 * name, id, level and parent, checked on the phone by the action's own schema before it is sent,
 * so the admin reads every problem at once; the server's refusal shows with its stable code.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, TextInput } from '../../components/Field';
import { CountyInputs } from '../../../../shared/actions/county';
import { createJurisdiction, type CreatedJurisdiction } from '../../lib/county';
import { countyError } from '../../lib/county-errors';

// Under a city: a county (or county-level city) or a district; a new city has no parent and is the operator's.
type Level = 'county' | 'district';
const LEVELS: ReadonlyArray<{ key: Level; label: string }> = [
  { key: 'county', label: '县（县级市）' },
  { key: 'district', label: '区' },
];

interface Props {
  /** The cities this admin administers, offered as the parent (the server creates a county only under one). */
  parents: ReadonlyArray<{ id: string; name: string }>;
  onCreated: (j: CreatedJurisdiction) => void;
}

export function NewJurisdiction({ parents, onCreated }: Props) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [level, setLevel] = useState<Level>('county');
  const [parent, setParent] = useState<string>(parents[0]?.id ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    setProblems([]);
    setError(null);
    const input = { id: id.trim(), name: name.trim(), level, parent };
    const parsed = CountyInputs.createJurisdiction.safeParse(input);
    if (!parsed.success) return setProblems(parsed.error.issues.map((i) => (i.path[0] === 'id' ? '辖区编号只能用小写字母、数字和 -，并以字母开头（如 shili）' : i.message)));
    setBusy(true);
    try {
      onCreated(await createJurisdiction(parsed.data));
    } catch (err) {
      setError(countyError(err, '新建辖区失败'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='county-new' data-step='jurisdiction'>
      <Field label='辖区名称' required>
        <TextInput value={name} onChange={setName} placeholder='如：某某县' maxlength={40} />
      </Field>
      <Field label='辖区编号' required>
        <TextInput value={id} onChange={setId} placeholder='小写字母，如 shili（建成后不能修改）' maxlength={40} />
      </Field>
      <Field label='层级' required>
        <ChoiceList choices={LEVELS} selected={[level]} onToggle={setLevel} />
      </Field>
      <Field label='上级辖区' required>
        <ChoiceList choices={parents.map((p) => ({ key: p.id, label: p.name }))} selected={[parent]} onToggle={setParent} />
      </Field>
      <Button type='primary' onClick={() => void submit()}>
        {busy ? '正在新建…' : '新建辖区'}
      </Button>
      {problems.map((p) => (
        <Text key={p} className='county-error' data-form-error=''>
          {p}
        </Text>
      ))}
      <ErrorText error={error} />
    </View>
  );
}
