/**
 * 我要上报. The estate comes from the noticeboard QR code (weapp `scene`, H5 `?estate=` / `?scene=`),
 * from the last estate used, or from the estate picker. The resident may start by describing what they
 * see: the likely categories come back as chips above the grid (issue 16 §5). They pick a category
 * (danger to life, by category or in their words, shows 119/110 first), add photos, location and
 * options; the draft is kept on the device from the first input until the server confirms. Before
 * sending, open tickets of the same category nearby are offered for 我也遇到了 instead of a duplicate.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { ApiError, getSessionUser, isNetworkError, uploadPhoto } from '../../api';
import { decodeScene } from '../../../shared/estate/scene';
// Only the danger words: the classifier's model stays in the function (report.suggestCategory).
import { dangerHint } from '../../../shared/classify/danger';
import { getCategory, type CategoryCode } from '../../../shared/taxonomy/categories';
import { CategoryGrid } from '../../components/CategoryGrid';
import { EmergencyNotice } from '../../components/EmergencyNotice';
import { MeTooPrompt } from '../../components/MeTooPrompt';
import { PhotoPicker } from '../../components/PhotoPicker';
import { SubmitResult } from '../../components/SubmitResult';
import { friendlyMessage, isUnauthenticated, type FieldErrors } from '../../components/errors';
import { rememberEstate, rememberedEstate } from '../../components/estate-choice';
import { CAN_PICK_ON_MAP, currentPosition, pickOnMap } from '../../components/location';
import { locationText } from '../../components/location-text';
import { go, PAGES } from '../../components/nav';
import { residentApi, type EstateInfo, type NearbyTicket, type SubmitAnswer } from '../../components/resident-api';
import {
  clearDraft,
  hasContent,
  loadDraft,
  newDraft,
  onConnectivityBack,
  saveDraft,
  sendDraft,
  validateDraft,
  type DraftEstate,
  type ReportDraft,
  type SendOutcome,
} from '../../drafts';
import { Button, Switch, TextArea, TextField } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import { SuggestionChips } from './SuggestionChips';
import { useCategorySuggestions } from './suggestions';
import './index.css';

const DESCRIPTION_MAX = 500;

/** The form's fields top to bottom (each marked data-field): the first invalid one is scrolled to. */
const FIELD_ORDER = ['estateId', 'description', 'category', 'photos', 'location', 'contactPhone'] as const;

/** Field errors in the form's order (fields not in FIELD_ORDER last). */
export function orderedProblems(found: FieldErrors): Array<{ field: string; message: string }> {
  const rank = (field: string) => {
    const i = (FIELD_ORDER as readonly string[]).indexOf(field);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return Object.entries(found)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0)
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([field, message]) => ({ field, message }));
}

/** The banner over the submit button: every problem at once, not only the first. */
export function problemsText(problems: ReadonlyArray<{ message: string }>): string {
  if (problems.length === 1) return `还有1项需要补充：${problems[0]?.message ?? ''}`;
  return `还有${problems.length}项需要补充：${problems.map((p, i) => `${i + 1}. ${p.message}`).join('；')}`;
}

function scrollToField(field: string): void {
  try {
    void Taro.pageScrollTo({ selector: `[data-field="${field}"]`, duration: 200 }).catch(() => undefined);
  } catch {
    // No page to scroll (tests outside an app).
  }
}

type Notice = { type: 'info' | 'warn' | 'error' | 'ok'; text: string; signIn?: boolean };
type EstateStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'none'; message?: string };

function draftEstateOf(estate: EstateInfo): DraftEstate {
  return { id: estate.id, name: estate.name, sceneCode: estate.sceneCode, location: estate.location };
}

function ReportPage() {
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft() ?? newDraft(null));
  const draftRef = useRef(draft);
  const [estateStatus, setEstateStatus] = useState<EstateStatus>({ kind: 'loading' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null);
  const [locating, setLocating] = useState(false);
  const [choosingCategory, setChoosingCategory] = useState(false);
  const [nearby, setNearby] = useState<NearbyTicket[] | null>(null);
  const [meTooBusy, setMeTooBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ answer: SubmitAnswer; droppedPhotos: number } | null>(null);
  const [seconded, setSeconded] = useState<{ ticketId: string; meToo: number } | null>(null);
  const busyRef = useRef(false);
  const suggestions = useCategorySuggestions(draft.description, draft.status !== 'pending');

  /** The draft in memory, and in storage once it holds anything the resident put in. */
  const commit = (next: ReportDraft) => {
    draftRef.current = next;
    setDraft(next);
    if (hasContent(next)) saveDraft(next);
  };
  const update = (patch: Partial<ReportDraft>) => {
    const current = draftRef.current;
    if (current.status === 'pending') return;
    commit({ ...current, ...patch, updatedAt: new Date().toISOString() });
    // A field the resident just changed no longer carries its old error (e.g. 请上传照片 once a photo is added).
    for (const key of Object.keys(patch)) clearError(key === 'estate' ? 'estateId' : key);
  };
  const clearError = (field: string) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));
  // The 还有N项需要补充 banner follows the field errors, and goes once nothing is left.
  useEffect(() => {
    const left = orderedProblems(errors);
    setNotice((n) => (n?.type === 'error' && n.text.startsWith('还有') ? (left.length ? { type: 'error', text: problemsText(left) } : null) : n));
  }, [errors]);

  const locate = async (fallback: DraftEstate | null) => {
    setLocating(true);
    const position = await currentPosition();
    setLocating(false);
    const current = draftRef.current;
    if (current.status === 'pending') return;
    const estatePoint = fallback?.location ?? current.estate?.location ?? null;
    if (position) update({ location: { ...position, source: 'gps' } });
    else if (estatePoint) update({ location: { ...estatePoint, source: 'estate' } });
  };

  const adoptEstate = (estate: DraftEstate) => {
    const current = draftRef.current;
    if (current.status === 'pending') return;
    // A position that was only the previous estate's own does not carry over to another estate.
    const stale = current.location?.source === 'estate' && current.estate?.sceneCode !== estate.sceneCode;
    commit({ ...current, estate, location: stale ? null : current.location });
    clearError('estateId');
    if (!draftRef.current.location) void locate(estate);
  };

  useLoad((query: Record<string, string | undefined>) => {
    const raw = query.scene ?? query.estate;
    const pending = draftRef.current.status === 'pending' ? draftRef.current.estate : null;
    if (raw === undefined || raw === '') {
      const remembered = rememberedEstate();
      const known = pending ?? (draftRef.current.estate?.id ? draftRef.current.estate : null) ?? (remembered ? draftEstateOf(remembered) : null);
      if (known) {
        adoptEstate(known);
        setEstateStatus({ kind: 'ready' });
      } else {
        setEstateStatus({ kind: 'none' });
      }
      return;
    }
    const code = decodeScene(raw);
    if (!code) {
      setEstateStatus({ kind: 'none', message: '二维码无法识别，请选择您所在的小区' });
      return;
    }
    setEstateStatus({ kind: 'loading' });
    residentApi
      .estateByScene({ scene: code })
      .then((estate) => {
        rememberEstate(estate);
        adoptEstate(draftEstateOf(estate));
        setEstateStatus({ kind: 'ready' });
      })
      .catch((err: unknown) => {
        if (isNetworkError(err)) {
          // Weak signal: keep the code; the estate is resolved when the report is sent.
          const remembered = rememberedEstate();
          adoptEstate(remembered?.sceneCode === code ? draftEstateOf(remembered) : { id: null, name: null, sceneCode: code, location: null });
          setEstateStatus({ kind: 'ready' });
          setNotice({ type: 'warn', text: '网络不给力，小区信息稍后获取。您可以先填写，报告会保存在手机上。' });
          return;
        }
        setEstateStatus({ kind: 'none', message: err instanceof ApiError && err.code === 'NOT_FOUND' ? '没有找到这个小区，请选择您所在的小区' : friendlyMessage(err) });
      });
  });

  const handleOutcome = (outcome: SendOutcome) => {
    if (outcome.kind === 'sent') {
      const estate = draftRef.current.estate;
      commit(newDraft(estate ? { ...estate } : null));
      setErrors({});
      setNotice(null);
      setResult({ answer: outcome.answer, droppedPhotos: outcome.droppedPhotos });
      return;
    }
    commit(outcome.draft);
    if (outcome.kind === 'pending') {
      // The 待发送 banner carries the message.
      setNotice(null);
      return;
    }
    setErrors(outcome.fields);
    setNotice({ type: 'error', text: outcome.message, signIn: outcome.code === 'AUTH.UNAUTHENTICATED' });
  };

  const send = async (d: ReportDraft) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy('sending');
    setNearby(null);
    try {
      handleOutcome(
        await sendDraft(d, {
          onPhotoProgress: (path, percent) => setProgress((prev) => ({ ...prev, [path]: percent })),
        }),
      );
    } finally {
      setProgress({});
      busyRef.current = false;
      setBusy(null);
    }
  };

  const retryPending = () => {
    if (draftRef.current.status === 'pending') void send(draftRef.current);
  };

  useDidShow(() => {
    // Cleared elsewhere while this page waited in the stack (sign-out, or sent from 我的上报): a
    // draft with content is always in storage, so an empty storage means the form starts afresh.
    const current = draftRef.current;
    if (hasContent(current) && !loadDraft()) {
      const estate = current.estate;
      commit(newDraft(estate ? { ...estate } : null));
      setErrors({});
      setNotice(null);
      return;
    }
    retryPending();
  });
  useEffect(() => onConnectivityBack(() => retryPending()), []);
  // The me-too prompt replaces the submit button at the foot of a long form: bring it into view.
  useEffect(() => {
    if (nearby) Taro.pageScrollTo({ selector: '.metoo', duration: 200 }).catch(() => undefined);
  }, [nearby]);

  const submit = async () => {
    const d = draftRef.current;
    if (d.status === 'pending') return send(d);
    const found = validateDraft(d);
    const problems = orderedProblems(found);
    setErrors(found);
    if (problems.length > 0) {
      setNotice({ type: 'error', text: problemsText(problems) });
      scrollToField(problems[0]?.field ?? 'category');
      return;
    }
    setNotice(null);
    if (d.estate?.id && d.category) {
      setBusy('checking');
      try {
        const { items } = await residentApi.nearby({ estateId: d.estate.id, category: d.category, location: d.location ? { lat: d.location.lat, lng: d.location.lng } : null });
        if (items.length > 0) {
          setNearby(items);
          setBusy(null);
          return;
        }
      } catch {
        // No answer about duplicates (weak signal): sending matters more.
      }
      setBusy(null);
    }
    await send(d);
  };

  const meToo = async (ticketId: string) => {
    setMeTooBusy(ticketId);
    try {
      const answer = await residentApi.meToo({ ticketId });
      clearDraft();
      const estate = draftRef.current.estate;
      commit(newDraft(estate ? { ...estate } : null));
      setNearby(null);
      setNotice(null);
      setSeconded({ ticketId: answer.ticketId, meToo: answer.meToo });
    } catch (err) {
      setNotice({ type: 'error', text: friendlyMessage(err), signIn: isUnauthenticated(err) });
    } finally {
      setMeTooBusy(null);
    }
  };

  const addPhotos = async (paths: string[]) => {
    update({ photos: [...draftRef.current.photos, ...paths.map((path) => ({ path }))] });
    for (const path of paths) {
      setProgress((prev) => ({ ...prev, [path]: 0 }));
      try {
        const uploaded = await uploadPhoto(path, (percent) => setProgress((prev) => ({ ...prev, [path]: percent })));
        const current = draftRef.current;
        commit({ ...current, photos: current.photos.map((p) => (p.path === path ? { ...p, id: uploaded.id, url: uploaded.url } : p)) });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'FILE.UNREADABLE') {
          update({ photos: draftRef.current.photos.filter((p) => p.path !== path) });
          setNotice({ type: 'error', text: '有照片无法读取，请重新选择' });
        } else {
          setNotice({ type: 'warn', text: '照片暂未上传成功，提交时会自动重新上传' });
        }
      } finally {
        setProgress((prev) => {
          const next = { ...prev };
          delete next[path];
          return next;
        });
      }
    }
  };

  const discard = async () => {
    const res = await Taro.showModal({ title: '放弃这份报告？', content: '放弃后草稿将被删除，无法恢复。', confirmText: '放弃', cancelText: '保留' }).catch(() => ({ confirm: false }));
    if (!res.confirm) return;
    clearDraft();
    const estate = draftRef.current.estate;
    commit(newDraft(estate ? { ...estate } : null));
    setNotice(null);
    setErrors({});
  };

  const adjustOnMap = async () => {
    const near = draftRef.current.location ?? draftRef.current.estate?.location ?? undefined;
    const place = await pickOnMap(near ?? undefined);
    if (place) update({ location: { lat: place.lat, lng: place.lng, source: 'map', name: place.name } });
  };

  const newReport = () => {
    setResult(null);
    setSeconded(null);
  };

  const estateName = draft.estate?.name ?? (draft.estate?.sceneCode ? `小区编号 ${draft.estate.sceneCode}` : null);
  const pending = draft.status === 'pending';
  const selected = draft.category ? getCategory(draft.category) : null;
  const emergency = selected?.emergencyCall ?? dangerHint(draft.description);
  const showSignInHint = process.env.TARO_ENV !== 'weapp' && !getSessionUser();

  if (result) {
    return (
      <View className='report'>
        <SubmitResult
          answer={result.answer}
          droppedPhotos={result.droppedPhotos}
          onViewTicket={() => void go(PAGES.ticket, { id: result.answer.ticket.id })}
          onNewReport={newReport}
        />
      </View>
    );
  }

  if (seconded) {
    return (
      <View className='report'>
        <View className='banner banner--ok'>
          <Text>已附议，感谢您的反映。连同上报人，目前共有{seconded.meToo + 1}位居民反映了这个问题，承办单位会一并处理。</Text>
        </View>
        <View className='actions__item'>
          <Button type='primary' block onClick={() => void go(PAGES.share, { id: seconded.ticketId })}>
            查看该问题
          </Button>
        </View>
        <View className='actions__item'>
          <Button block plain onClick={newReport}>
            再报一件
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='report'>
      <View className='card report__estate' data-field='estateId'>
        {estateStatus.kind === 'loading' ? (
          <Text className='muted'>正在识别小区…</Text>
        ) : estateName && estateStatus.kind === 'ready' ? (
          <View>
            <Text className='report__estate-name'>{estateName}</Text>
            <View className='report__links'>
              <Text className='link' onClick={() => void go(PAGES.estates)}>
                换一个小区
              </Text>
              {draft.estate?.id ? (
                <Text className='link' onClick={() => void go(PAGES.noticeboard, { estate: draft.estate?.id ?? undefined })}>
                  小区公告栏
                </Text>
              ) : null}
              <Text className='link' onClick={() => void go(PAGES.mine)}>
                我的上报
              </Text>
            </View>
          </View>
        ) : (
          <View>
            <Text className='report__estate-missing'>{estateStatus.kind === 'none' && estateStatus.message ? estateStatus.message : '请扫描小区公告栏上的二维码，或选择您所在的小区'}</Text>
            <View className='actions__item'>
              <Button type='primary' onClick={() => void go(PAGES.estates)}>
                选择小区
              </Button>
            </View>
          </View>
        )}
        {errors.estateId ? <Text className='error-text'>{errors.estateId}</Text> : null}
      </View>

      {showSignInHint ? (
        <View className='banner banner--info'>
          <Text>本地演示：提交前请先</Text>
          <Text className='link' onClick={() => void go(PAGES.signin)}>
            登录演示账号
          </Text>
        </View>
      ) : null}

      {pending ? (
        <View className='banner banner--warn'>
          <Text>您有一份报告待发送，网络恢复后会自动发送</Text>
        </View>
      ) : null}

      <View className='card'>
        <TextArea
          label='问题描述'
          name='description'
          value={draft.description}
          maxlength={DESCRIPTION_MAX}
          overLimit='refuse'
          placeholder='说说您看到了什么，如：3号楼2单元楼道有电动车充电'
          error={errors.description}
          disabled={pending}
          onChange={(value) => {
            update({ description: value });
            clearError('description');
          }}
        />
      </View>

      <View className='card' data-field='category'>
        <Text className='card__title'>选择问题类型</Text>
        {errors.category ? <Text className='error-text report__field-error'>{errors.category}</Text> : null}
        <SuggestionChips
          items={suggestions}
          selected={draft.category}
          disabled={pending}
          onSelect={(code: CategoryCode) => {
            update({ category: code });
            clearError('category');
            setChoosingCategory(false);
          }}
        />
        <CategoryGrid
          selected={draft.category}
          collapsed={!choosingCategory}
          disabled={pending}
          onSelect={(code: CategoryCode) => {
            update({ category: code });
            clearError('category');
            setChoosingCategory(false);
          }}
          onExpand={() => setChoosingCategory(true)}
        />
      </View>

      {emergency ? <EmergencyNotice number={emergency} /> : null}

      <View className='card' data-field='photos'>
        <Text className='card__title'>现场照片（最多9张）</Text>
        <Text className='muted report__purpose'>用途：让处置人员看清现场、核实整改。仅处置人员可见，您允许时才在业主群公示。</Text>
        <PhotoPicker
          photos={draft.photos}
          progress={progress}
          disabled={pending}
          onChoose={(paths) => void addPhotos(paths)}
          onRemove={(path) => update({ photos: draftRef.current.photos.filter((p) => p.path !== path) })}
        />
        {errors.photos ? <Text className='error-text'>{errors.photos}</Text> : null}
      </View>

      <View className='card' data-field='location'>
        <Text className='card__title'>问题位置</Text>
        <Text className='report__location'>{locationText(draft.location, locating)}</Text>
        {!pending ? (
          <View className='report__links'>
            <Text className='link' onClick={() => void locate(draftRef.current.estate)}>
              重新定位
            </Text>
            {CAN_PICK_ON_MAP ? (
              <Text className='link' onClick={() => void adjustOnMap()}>
                在地图上调整
              </Text>
            ) : null}
          </View>
        ) : null}
        {errors.location ? <Text className='error-text'>{errors.location}</Text> : null}
      </View>

      <View className='card'>
        <TextField
          label='联系电话'
          name='contactPhone'
          type='number'
          maxlength={11}
          value={draft.contactPhone}
          placeholder='选填，便于处置人员联系您'
          error={errors.contactPhone}
          disabled={pending}
          onChange={(value) => {
            update({ contactPhone: value });
            clearError('contactPhone');
          }}
        />
        <Text className='muted report__purpose'>用途：仅供处置人员联系您核实情况，不向其他居民公开。</Text>
        <Switch
          label='对处置人员隐藏我的姓名'
          hint='处置人员仍可通过您留的电话联系您'
          checked={draft.anonymous}
          disabled={pending}
          onChange={(anonymous) => update({ anonymous })}
        />
        <Switch
          label='允许在业主群公示照片和问题描述'
          hint='公示时不显示您的任何个人信息，描述中的手机号、身份证号自动隐去；描述在办结后公示'
          checked={draft.photosPublic}
          disabled={pending}
          onChange={(photosPublic) => update({ photosPublic })}
        />
      </View>

      <View className='report__privacy'>
        <Text className='muted'>位置、照片和电话如何使用，请见</Text>
        <Text className='link' onClick={() => void go(PAGES.privacy)}>
          《隐私政策》
        </Text>
      </View>

      {notice ? (
        <View className={`banner banner--${notice.type} report__notice`}>
          <Text>{notice.text}</Text>
          {notice.signIn ? (
            <Text className='link' onClick={() => void go(PAGES.signin)}>
              {' '}
              去登录
            </Text>
          ) : null}
        </View>
      ) : null}

      {nearby ? (
        <MeTooPrompt
          items={nearby}
          busyId={meTooBusy}
          onMeToo={(id) => void meToo(id)}
          onSubmitAnyway={() => void send(draftRef.current)}
          onBack={() => setNearby(null)}
        />
      ) : (
        <View className='report__actions'>
          {pending ? (
            <View className='banner banner--warn report__pending'>
              <Text>待发送 · {draft.lastError ?? '报告已保存在手机上，网络恢复后会自动发送'}</Text>
            </View>
          ) : null}
          <Button type='primary' block disabled={busy !== null} onClick={() => void submit()}>
            {busy === 'checking' ? '正在查找附近相同问题…' : busy === 'sending' ? '正在发送…' : pending ? '立即重试发送' : '提交'}
          </Button>
          {pending ? (
            <View className='actions__item'>
              <Button block plain onClick={() => void discard()}>
                放弃这份报告
              </Button>
            </View>
          ) : null}
          {hasContent(draft) && !pending ? <Text className='muted report__saved'>草稿已自动保存在本机，断网也不会丢失</Text> : null}
        </View>
      )}
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(ReportPage);
