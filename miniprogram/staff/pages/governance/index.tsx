/**
 * 小区分类与执法进小区 (issue 20 §2–3): the "123" class of an estate (示范引领 / 规范运营 / 整治提升)
 * with its history, open rectification items and satisfaction where the class is set; the counts per
 * township × class; the yearly 执法进小区 table (estates under 3 visits flagged, 000 序号4) and a
 * patrol visit recorded on the spot with a photo.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import type { OutboxPhoto } from '../../../drafts/staff-outbox';
import { ESTATE_CLASS_LABELS, ESTATE_CLASSES, type EstateClass } from '../../../../shared/governance/estate-class';
import { PATROL_RADIUS_METERS } from '../../../../shared/governance/visits';
import { Button } from '../../../ui';
import { CheckInField, type CheckInValue } from '../../components/CheckInField';
import { ChoiceList, ErrorText, Field, Section, TextInput } from '../../components/Field';
import { PhotoPicker } from '../../components/PhotoPicker';
import { loadEstates, loadMe } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import { formatPercent, formatTime } from '../../lib/format';
import { callGovernance, governanceEstates, type ClassTableAnswer, type ClassView, type VisitTableAnswer } from '../../lib/governance';
import type { EstateItem, Me } from '../../lib/types';
import '../../styles.css';
import '../ledger/index.css';

const has = (me: Me | null, ...roles: string[]) => (me?.roles ?? []).some((r) => roles.includes(r));
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

function ClassSection({ estate, me }: { estate: EstateItem; me: Me | null }) {
  const [view, setView] = useState<ClassView | null>(null);
  const [chosen, setChosen] = useState<EstateClass[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const maySet = has(me, 'street', 'leadership', 'admin');

  useEffect(() => {
    setView(null);
    void callGovernance<ClassView>('estateClass', { estateId: estate.id })
      .then(setView)
      .catch((err: unknown) => setError(friendlyError(err, '加载失败')));
  }, [estate.id]);

  async function save() {
    const cls = chosen[0];
    if (!cls) return setError('请选择小区类别');
    setError(null);
    try {
      setView(await callGovernance<ClassView>('setEstateClass', { estateId: estate.id, class: cls, reason }));
      setReason('');
      setChosen([]);
    } catch (err) {
      setError(friendlyError(err));
    }
  }

  return (
    <Section title={`“123”分类：${estate.name}`}>
      {view ? (
        <View>
          <Text className='governance__class'>当前类别：{view.classLabel}</Text>
          {view.company ? (
            <View className='governance__company'>
              <Text className='staff-muted'>
                物业服务企业：{view.company.name} · 信用状态：{view.company.creditLabel}
              </Text>
              {view.company.blacklisted ? <Text className='staff-tag staff-tag--urgent'>黑名单</Text> : null}
            </View>
          ) : null}
          <Text className='staff-muted'>
            满意率：{formatPercent(view.satisfaction.rate)}（{view.satisfaction.rated}件评价） · 未销号整改：{view.openRectifications.length}项
          </Text>
          {view.openRectifications.map((n) => (
            <Text key={n.id} className='staff-muted'>
              · {n.no} {n.problem}（时限 {formatTime(n.deadline)}）
            </Text>
          ))}
          {view.history.map((h, i) => (
            <Text key={i} className='governance__history'>
              {formatTime(h.setAt)} {h.setBy.name} 评定为{h.classLabel}：{h.reason}
            </Text>
          ))}
        </View>
      ) : null}
      {maySet ? (
        <View>
          <Field label='评定为' required>
            <ChoiceList choices={ESTATE_CLASSES.map((c) => ({ key: c, label: ESTATE_CLASS_LABELS[c] }))} selected={chosen} onToggle={(k) => setChosen([k])} />
          </Field>
          <Field label='评定理由' required>
            <TextInput value={reason} onChange={setReason} placeholder='如：投诉较多、星级评定二星' maxlength={500} />
          </Field>
          <Button block type='primary' onClick={() => void save()}>
            保存分类
          </Button>
        </View>
      ) : null}
      <ErrorText error={error} />
    </Section>
  );
}

function PatrolSection({ estate, onRecorded }: { estate: EstateItem; onRecorded: () => void }) {
  const [checkIn, setCheckIn] = useState<CheckInValue | null>(null);
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function record() {
    const ids = photos.map((p) => p.id).filter((id): id is string => !!id);
    if (!checkIn) return setError('请先定位打卡');
    if (!ids.length || ids.length !== photos.length) return setError('请上传现场照片（照片上传完成后再提交）');
    setError(null);
    try {
      await callGovernance('recordPatrol', { estateId: estate.id, location: checkIn.location, photos: ids, note });
      setDone(`已登记：${estate.name} 执法进小区`);
      setPhotos([]);
      setNote('');
      onRecorded();
    } catch (err) {
      setError(friendlyError(err));
    }
  }

  return (
    <Section title={`登记执法进小区：${estate.name}`}>
      <Field label='现场定位' required>
        {/* A patrol has no ticket: the distance is to the estate, within the patrol radius the backend checks. */}
        <CheckInField target={estate.location} value={checkIn} onChange={setCheckIn} place='小区位置' radius={PATROL_RADIUS_METERS} />
      </Field>
      <Field label='现场照片' required>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </Field>
      <Field label='说明'>
        <TextInput value={note} onChange={setNote} placeholder='如：专项巡查消防通道' maxlength={500} />
      </Field>
      <Button block type='primary' onClick={() => void record()}>
        登记巡查
      </Button>
      {done ? <Text className='staff-muted'>{done}</Text> : null}
      <ErrorText error={error} />
    </Section>
  );
}

export default function GovernancePage() {
  const [me, setMe] = useState<Me | null>(null);
  const [estates, setEstates] = useState<EstateItem[]>([]);
  const [estateId, setEstateId] = useState<string | null>(null);
  const [classes, setClasses] = useState<ClassTableAnswer | null>(null);
  const [visits, setVisits] = useState<VisitTableAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const jurisdictionOf = (user: Me | null, all: EstateItem[]) => user?.grants?.[0]?.jurisdiction ?? all[0]?.jurisdiction ?? null;

  async function loadTables(jurisdiction: string | null) {
    if (!jurisdiction) return;
    try {
      const [c, v] = await Promise.all([
        callGovernance<ClassTableAnswer>('classTable', { jurisdiction }),
        callGovernance<VisitTableAnswer>('visitTable', { jurisdiction, year: thisYear() }),
      ]);
      setClasses(c);
      setVisits(v);
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useLoad(() => {
    void Promise.all([loadEstates(), loadMe()]).then(([all, user]) => {
      setMe(user);
      setEstates(governanceEstates(all, user));
      void loadTables(jurisdictionOf(user, all));
    });
  });

  const estate = estates.find((e) => e.id === estateId) ?? null;

  return (
    <View className='staff staff-governance'>
      {classes ? (
        <Section title='“123”分类统计（按乡镇街道）'>
          <View className='governance__table'>
            <View className='governance__row governance__row--head'>
              <Text>乡镇（街道）</Text>
              {classes.classes.map((c) => (
                <Text key={c.code}>{c.label}</Text>
              ))}
              <Text>未评定</Text>
              <Text>整改逾期</Text>
            </View>
            {classes.rows.map((r) => (
              <View key={r.townshipId} className='governance__row'>
                <Text>{r.townshipName}</Text>
                {classes.classes.map((c) => (
                  <Text key={c.code}>{r.counts[c.code]}</Text>
                ))}
                <Text>{r.counts.unclassified}</Text>
                <Text>{r.overdueRectifications}</Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}
      {visits ? (
        <Section title={`执法进小区（${visits.year}年）`}>
          <Text className='staff-muted'>{visits.rule}；不足{visits.minimum}次的小区 {visits.flagged} 个</Text>
          <View className='governance__table'>
            <View className='governance__row governance__row--head'>
              <Text>小区</Text>
              {visits.units.map((u) => (
                <Text key={u.id}>{u.name}</Text>
              ))}
              <Text>合计</Text>
            </View>
            {visits.rows.map((r) => (
              <View key={r.estateId} className={`governance__row${r.short ? ' governance__row--short' : ''}`}>
                <Text>
                  {r.estateName}
                  {r.companyBlacklisted ? <Text className='staff-tag staff-tag--urgent'>黑名单</Text> : null}
                </Text>
                {visits.units.map((u) => (
                  <Text key={u.id}>{r.byUnit[u.id] ?? 0}</Text>
                ))}
                <Text>
                  {r.total}
                  {r.short ? '（不足）' : ''}
                </Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}
      {estates.length ? (
        <Section>
          <Field label='小区'>
            <ChoiceList choices={estates.slice(0, 20).map((e) => ({ key: e.id, label: e.name }))} selected={estateId ? [estateId] : []} onToggle={(k) => setEstateId(k === estateId ? null : k)} />
          </Field>
        </Section>
      ) : null}
      {estate ? <ClassSection estate={estate} me={me} /> : null}
      {estate && has(me, 'department', 'police') ? <PatrolSection estate={estate} onRecorded={() => void loadTables(estate.jurisdiction)} /> : null}
      <ErrorText error={error} />
    </View>
  );
}
