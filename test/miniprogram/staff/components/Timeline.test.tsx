/** The shared Timeline: every event with its time (Beijing), action, role, name, unit, state change and recorded details. */
import { render, screen } from '@testing-library/react';
import { Timeline } from '../../../../miniprogram/staff/components/Timeline';
import { LEAD_UNIT, makeEvent, makeTicket } from '../../../support/fixtures';
import { settle } from '../support';

describe('Timeline', () => {
  it('lists every event in order with role labels, unit names and payload details', async () => {
    const t = makeTicket({ state: 'returned', version: 4 });
    const events = [
      makeEvent({ ...t, version: 1, state: 'submitted', updatedAt: '2026-11-23T02:00:00.000Z' }),
      makeEvent({ ...t, version: 2, state: 'whistled', updatedAt: '2026-11-23T02:10:00.000Z' }, {
        action: 'whistle',
        from: 'submitted',
        to: 'whistled',
        payload: { units: [LEAD_UNIT] },
      }),
      makeEvent({ ...t, version: 3, state: 'returned', updatedAt: '2026-11-23T03:00:00.000Z' }, {
        action: 'return',
        from: 'whistled',
        to: 'returned',
        note: '不属于本局职责',
        actor: { userId: 'u-d', role: 'department', unitId: LEAD_UNIT, name: '李强' },
        payload: { reasonCode: 'not-our-duty', reason: '不属于本局职责', unitId: LEAD_UNIT },
      }),
      makeEvent({ ...t, version: 4, state: 'returned', updatedAt: '2026-11-23T04:00:00.000Z' }, {
        action: 'mark-overdue',
        from: 'returned',
        to: 'returned',
        actor: { userId: 'system', role: 'system' },
        payload: { step: 'ack' },
      }),
    ];
    render(<Timeline ticket={t} events={[...events].reverse()} />);
    await settle(1);

    const heads = [...document.querySelectorAll('.timeline__head')].map((h) => h.textContent);
    expect(heads).toEqual(['提交', '吹哨（待受理 → 已吹哨）', '退单（已吹哨 → 已退单）', '超时']);
    expect([...document.querySelectorAll('.timeline__time')].map((h) => h.textContent)).toEqual([
      '2026-11-23 10:00',
      '2026-11-23 10:10',
      '2026-11-23 11:00',
      '2026-11-23 12:00',
    ]);
    expect(screen.getByText('居民')).toBeTruthy();
    expect(screen.getByText('网格员 · 网格员王芳')).toBeTruthy();
    expect(screen.getByText('承办单位：县住建局')).toBeTruthy();
    expect(screen.getByText('部门 · 李强 · 县住建局')).toBeTruthy();
    expect(screen.getByText('退单原因：非本单位职责')).toBeTruthy();
    // The reason is the note already: not repeated.
    expect(screen.queryByText('原因：不属于本局职责')).toBeNull();
    expect(screen.getByText('系统')).toBeTruthy();
    expect(screen.getByText('超时环节：报到')).toBeTruthy();
  });

  it('labels the events that are not lifecycle transitions in Chinese (shared/lifecycle eventLabel)', async () => {
    const t = makeTicket({ state: 'whistled', version: 5 });
    const at = (v: number) => ({ ...t, version: v, updatedAt: `2026-11-23T0${v}:00:00.000Z` });
    const same = { from: 'whistled' as const, to: 'whistled' as const };
    const events = [
      makeEvent(at(1)),
      makeEvent(at(2), { ...same, action: 'me-too', actor: { userId: 'u-r2', role: 'resident' } }),
      makeEvent(at(3), { ...same, action: 'share', actor: { userId: 'u-r1', role: 'resident' }, note: '已分享到业主群「锦绣花园业主群」' }),
      makeEvent(at(4), { ...same, action: 'place-estate', actor: { userId: 'u-s', role: 'street', name: '赵敏' }, note: '关联小区：锦绣花园' }),
      makeEvent(at(5), { ...same, action: 'violation-confirmed', actor: { userId: 'u-s', role: 'street', name: '赵敏' }, note: '认定物业服务企业违反“九不准”第4条' }),
    ];
    render(<Timeline ticket={t} events={events} />);
    await settle(1);
    expect([...document.querySelectorAll('.timeline__head')].map((h) => h.textContent)).toEqual(['提交', '附议', '分享到业主群', '关联小区', '认定违反九不准']);
    expect(screen.getByText('已分享到业主群「锦绣花园业主群」')).toBeTruthy();
  });

  it('says when there is no history', () => {
    render(<Timeline ticket={makeTicket()} events={[]} />);
    expect(screen.getByText('暂无处理记录')).toBeTruthy();
  });

  it("marks 已现场定位打卡 only on a staff check-in (到场, 就地办结), never on the resident's report, whose position may be the estate's fallback", async () => {
    const t = makeTicket({ state: 'on_site', version: 3 });
    const at = { lat: 38.28, lng: 106.25 };
    const events = [
      makeEvent({ ...t, version: 1, state: 'submitted', updatedAt: '2026-11-23T02:00:00.000Z' }, { location: at }),
      makeEvent({ ...t, version: 3, state: 'on_site', updatedAt: '2026-11-23T03:00:00.000Z' }, {
        action: 'arrive',
        from: 'acknowledged',
        to: 'on_site',
        location: at,
        actor: { userId: 'u-d', role: 'department', unitId: LEAD_UNIT, name: '李强' },
      }),
    ];
    render(<Timeline ticket={t} events={events} />);
    await settle();
    expect(screen.getAllByText('已现场定位打卡')).toHaveLength(1);
    const arrive = screen.getByText('已现场定位打卡').closest('.timeline__item') ?? screen.getByText('已现场定位打卡').parentElement;
    expect(arrive?.textContent).toContain('到场');
  });
});
