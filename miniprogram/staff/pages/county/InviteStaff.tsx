/**
 * 人员 (issue 19 §4 "invite its staff", the invitation flow of issue 15 §3): a staff record
 * (admin.putUser), then a one-time invitation (admin.createInvitation) whose link or mini-program
 * code opens pages/invite, where the staff member binds their WeChat account.
 *
 * Roles as the permissions model scopes them (shared/domain/roles.ts RoleGrant): jurisdiction-wide
 * (管理员, 领导小组办公室); a township's street staff (streets); a department officer of one unit
 * (units); estate-scoped grid workers and police (estates; police also act for a 公安 unit). The pickers come from the county's
 * imported townships and units (admin.directory) and estates (admin.listEstates); the function
 * checks every township, unit and estate lies where this admin acts.
 */
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, TextInput } from '../../components/Field';
import { countyError } from '../../lib/county-errors';
import { shanghaiDateTime } from '../../../../shared/sla/calendar';
import { createInvitation, loadStaffPlaces, putStaffUser, type CreatedInvitation, type StaffGrant, type StaffPlaces } from './setup-actions';

type Role = 'admin' | 'leadership' | 'street' | 'department' | 'grid' | 'police';
const ROLES: ReadonlyArray<{ key: Role; label: string }> = [
  { key: 'admin', label: '管理员' },
  { key: 'leadership', label: '领导小组办公室' },
  { key: 'street', label: '乡镇（街道）工作人员' },
  { key: 'department', label: '部门工作人员' },
  { key: 'grid', label: '网格员' },
  { key: 'police', label: '民警' },
];

const toggle = (list: readonly string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);

/** The grant this form makes, or what is missing for it. */
function grantOf(role: Role, jurisdiction: string, picked: { streets: string[]; estates: string[]; police: string | null; unit: string | null }): StaffGrant | string {
  switch (role) {
    case 'admin':
    case 'leadership':
      return { role, jurisdiction };
    case 'street':
      return picked.streets.length ? { role, jurisdiction, streets: picked.streets } : '请选择所属乡镇（街道）';
    case 'department':
      return picked.unit ? { role, jurisdiction, units: [picked.unit] } : '请选择所属单位';
    case 'grid':
      return picked.estates.length ? { role, jurisdiction, estates: picked.estates } : '请选择负责的小区';
    case 'police':
      if (!picked.police) return '请选择所属公安单位';
      return picked.estates.length ? { role, jurisdiction, units: [picked.police], estates: picked.estates } : '请选择入驻的小区';
  }
}

export function InviteStaff({ jurisdiction, nowMs = () => Date.now() }: { jurisdiction: string; nowMs?: () => number }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('admin');
  const [places, setPlaces] = useState<StaffPlaces | null>(null);
  const [placesError, setPlacesError] = useState<string | null>(null);
  const [streets, setStreets] = useState<string[]>([]);
  const [estates, setEstates] = useState<string[]>([]);
  const [police, setPolice] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const scoped = role === 'street' || role === 'department' || role === 'grid' || role === 'police';
  // The county's townships, units and estates, once a scoped role is chosen (they may have been imported since the page opened).
  useEffect(() => {
    if (!scoped || places) return;
    loadStaffPlaces(jurisdiction)
      .then((p) => {
        setPlaces(p);
        setPlacesError(null);
        const stations = p.departments.filter((d) => d.kind === 'police');
        if (stations.length === 1) setPolice(stations[0]!.id);
      })
      .catch((err: unknown) => setPlacesError(countyError(err, '乡镇（街道）和小区加载失败')));
  }, [scoped, places, jurisdiction]);

  async function submit() {
    setInvitation(null);
    setError(null);
    const grant = grantOf(role, jurisdiction, { streets, estates, police, unit });
    const found = [
      ...(name.trim().length < 2 ? ['请填写姓名'] : []),
      ...(phone.trim() && !/^1\d{10}$/.test(phone.trim()) ? ['手机号须为 11 位数字'] : []),
      ...(typeof grant === 'string' ? [grant] : []),
    ];
    setProblems(found);
    if (found.length > 0 || typeof grant === 'string') return;
    try {
      // A new record each time: the id only has to be unique within the jurisdiction's staff.
      const user = await putStaffUser({ id: `${jurisdiction}.staff.${nowMs().toString(36)}`, name: name.trim(), phone: phone.trim() || null, grants: [grant] });
      setInvitation(await createInvitation(user.id));
    } catch (err) {
      setError(countyError(err, '邀请失败'));
    }
  }

  const townshipName = (id: string) => places?.townships.find((t) => t.id === id)?.name ?? '';
  const stations = places?.departments.filter((d) => d.kind === 'police') ?? [];
  // A department officer acts for one unit of the table; the leadership office is the escalation target, not a handler.
  const units = places?.departments.filter((d) => d.kind !== 'leadership') ?? [];

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
      {scoped && placesError ? <ErrorText error={placesError} /> : null}
      {scoped && !places && !placesError ? <Text className='staff-muted'>加载中…</Text> : null}
      {role === 'street' && places ? (
        <Field label='所属乡镇（街道）' required>
          {places.townships.length ? (
            <ChoiceList choices={places.townships.map((t) => ({ key: t.id, label: t.name }))} selected={streets} onToggle={(k) => setStreets((s) => toggle(s, k))} />
          ) : (
            <Text className='staff-muted'>请先导入单位表（含乡镇、街道）并启用清单</Text>
          )}
        </Field>
      ) : null}
      {role === 'department' && places ? (
        <Field label='所属单位' required>
          {units.length ? (
            <ChoiceList choices={units.map((d) => ({ key: d.id, label: d.name }))} selected={unit ? [unit] : []} onToggle={setUnit} />
          ) : (
            <Text className='staff-muted'>请先导入单位表（含乡镇、街道）并启用清单</Text>
          )}
        </Field>
      ) : null}
      {role === 'police' && places ? (
        <Field label='所属公安单位' required>
          {stations.length ? (
            <ChoiceList choices={stations.map((d) => ({ key: d.id, label: d.name }))} selected={police ? [police] : []} onToggle={setPolice} />
          ) : (
            <Text className='staff-muted'>单位表中没有公安部门</Text>
          )}
        </Field>
      ) : null}
      {(role === 'grid' || role === 'police') && places ? (
        <Field label={role === 'grid' ? '负责的小区' : '入驻的小区'} required>
          {places.estates.length ? (
            <ChoiceList
              choices={places.estates.map((e) => ({ key: e.id, label: e.name, hint: townshipName(e.townshipId) || undefined }))}
              selected={estates}
              onToggle={(k) => setEstates((s) => toggle(s, k))}
            />
          ) : (
            <Text className='staff-muted'>请先导入小区</Text>
          )}
        </Field>
      ) : null}
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
