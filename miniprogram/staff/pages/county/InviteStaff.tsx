/**
 * 人员 (issue 19 §4 "invite its staff", the invitation flow of issue 15 §3): a staff record with a
 * jurisdiction-wide role (admin.putUser), then a one-time invitation (admin.createInvitation) whose
 * link or mini-program code opens pages/invite, where the staff member binds their WeChat account.
 * Roles scoped to units, streets or grids are granted where those are chosen, not here.
 */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, TextInput } from '../../components/Field';
import { countyError } from '../../lib/county-errors';
import { shanghaiDateTime } from '../../../../shared/sla/calendar';
import { createInvitation, putStaffUser, type CreatedInvitation } from './setup-actions';

type Role = 'admin' | 'leadership';
const ROLES: ReadonlyArray<{ key: Role; label: string }> = [
  { key: 'admin', label: '管理员' },
  { key: 'leadership', label: '领导小组办公室' },
];

export function InviteStaff({ jurisdiction, nowMs = () => Date.now() }: { jurisdiction: string; nowMs?: () => number }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('admin');
  const [problems, setProblems] = useState<string[]>([]);
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setInvitation(null);
    setError(null);
    const found = [...(name.trim().length < 2 ? ['请填写姓名'] : []), ...(phone.trim() && !/^1\d{10}$/.test(phone.trim()) ? ['手机号须为 11 位数字'] : [])];
    setProblems(found);
    if (found.length > 0) return;
    try {
      // A new record each time: the id only has to be unique within the jurisdiction's staff.
      const user = await putStaffUser({ id: `${jurisdiction}.staff.${nowMs().toString(36)}`, name: name.trim(), phone: phone.trim() || null, grants: [{ role, jurisdiction }] });
      setInvitation(await createInvitation(user.id));
    } catch (err) {
      setError(countyError(err, '邀请失败'));
    }
  }

  return (
    <View data-step='invite'>
      <Field label='姓名' required>
        <TextInput value={name} onChange={setName} maxlength={30} />
      </Field>
      <Field label='手机号'>
        <TextInput value={phone} onChange={setPhone} maxlength={11} />
      </Field>
      <Field label='角色' required>
        <ChoiceList choices={ROLES} selected={[role]} onToggle={setRole} />
      </Field>
      <Button type='primary' onClick={() => void submit()}>
        生成邀请
      </Button>
      {problems.map((p) => (
        <Text key={p} className='county-error' data-form-error=''>
          {p}
        </Text>
      ))}
      {invitation ? (
        <View data-invitation=''>
          <Text className='county-done'>
            已为 {invitation.name} 生成邀请，{shanghaiDateTime(invitation.expiresAt).slice(0, 16)} 前有效，仅显示一次：
          </Text>
          <Text className='county-row__line' data-invite-path=''>
            {invitation.path}
          </Text>
          {invitation.qrImage ? <Image src={invitation.qrImage} mode='aspectFit' style={{ width: '240px', height: '240px' }} /> : null}
        </View>
      ) : null}
      <ErrorText error={error} />
    </View>
  );
}
