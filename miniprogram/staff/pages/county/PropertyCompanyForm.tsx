/**
 * 物业企业 (issue 19 §4, before the estates import): registers a property company of the
 * jurisdiction with admin.putPropertyCompany, so the estates table can name it in its 物业企业
 * column (by name or id, shared/lists/estates-import.ts). The 统一社会信用代码, when given, becomes
 * the company's id, so registering the same company again updates it instead of adding a second.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ErrorText, Field, TextInput } from '../../components/Field';
import { countyError } from '../../lib/county-errors';
import { putPropertyCompany } from './setup-actions';

// GB 32100-2015: 18 characters, digits and capital letters without I, O, S, V, Z.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function PropertyCompanyForm({ jurisdiction, nowMs = () => Date.now() }: { jurisdiction: string; nowMs?: () => number }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [registered, setRegistered] = useState<Array<{ id: string; name: string }>>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const trimmed = name.trim();
    const credit = code.trim().toUpperCase();
    const found = [
      ...(trimmed.length < 2 || trimmed.length > 60 ? ['企业名称须为 2–60 个字'] : []),
      ...(credit && !CREDIT_CODE.test(credit) ? ['统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）'] : []),
    ];
    setProblems(found);
    if (found.length > 0) return;
    try {
      const company = await putPropertyCompany({ id: credit ? `pc-${credit}` : `pc-${jurisdiction}-${nowMs().toString(36)}`, name: trimmed, jurisdiction });
      setRegistered((known) => [...known.filter((k) => k.id !== company.id), { id: company.id, name: company.name }]);
      setName('');
      setCode('');
    } catch (err) {
      setError(countyError(err, '登记物业企业失败'));
    }
  }

  return (
    <View data-step='company'>
      <Text className='staff-muted county-status'>小区表的「物业企业」列须填写已登记企业的名称或编号，请先在此登记。</Text>
      <Field label='企业名称' required>
        <TextInput value={name} onChange={setName} placeholder='与营业执照一致' maxlength={60} />
      </Field>
      <Field label='统一社会信用代码'>
        <TextInput value={code} onChange={setCode} placeholder='18 位，选填' maxlength={18} />
      </Field>
      <Button type='primary' onClick={() => void submit()}>
        登记物业企业
      </Button>
      {problems.map((p) => (
        <Text key={p} className='county-error' data-form-error=''>
          {p}
        </Text>
      ))}
      {registered.map((c) => (
        <Text key={c.id} className='county-done' data-company={c.id}>
          已登记 {c.name}（编号 {c.id}）
        </Text>
      ))}
      <ErrorText error={error} />
    </View>
  );
}
