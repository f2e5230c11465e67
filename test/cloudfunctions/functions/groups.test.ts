import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { ownerGroupId } from '../../../cloudfunctions/_app/usecases/groups';
import { ESTATE, makeApp, newKey, OTHER_ESTATE, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../support/app';

/**
 * Owner WeChat groups (issue 6 §1–3): binding, sharing a ticket card, and the police group desk,
 * through the real function handlers on the SQLite store.
 */
let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
});
afterEach(() => app.close());

/** A fake of WeChat's CloudID → openGId resolution: only the cloudIDs it issued resolve. */
function onCloudbase(issued: Record<string, string>) {
  app.deps.config = { ...app.deps.config, platform: 'cloudbase' };
  app.deps.groups = {
    resolveOpenGId: async (cloudId: string) => {
      const openGId = issued[cloudId];
      if (!openGId) throw new Error('errcode 40097: invalid cloudid');
      return openGId;
    },
  };
}

async function bindDemo(who: AnyPerson, demoGroupId: string, estateId = ESTATE.id) {
  return app.call(ticket, who, 'bindGroup', { estateId, demoGroupId });
}

async function submit(category: string, extra: Record<string, unknown> = {}) {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey(), ...extra });
  if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
  return res.data.ticket as { id: string; version: number; no: string };
}

async function version(id: string) {
  return (await app.store.getTicket(id))!.version;
}

describe('binding an owner group (local runtime: demo groups)', () => {
  it('a street officer of the estate binds a demo group; only a hash of the group id is stored', async () => {
    const res = await bindDemo('street', 'demo.yn-jinxiu.1');
    expect(res.error).toBeUndefined();
    expect(res.data.created).toBe(true);
    expect(res.data.group).toMatchObject({ estateId: ESTATE.id, name: '锦绣花园业主群', active: true, boundBy: PEOPLE.street.id });
    expect(res.data.group.id).toMatch(/^og:[0-9a-f]{40}$/);
    expect(res.data.group.id).toBe(ownerGroupId('demo:demo.yn-jinxiu.1'));
    const stored = await app.store.listOwnerGroups({ estateId: ESTATE.id });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('demo:demo.yn-jinxiu.1');
  });

  it('lists the demo groups of an estate with their binding state', async () => {
    await bindDemo('street', 'demo.yn-jinxiu.2');
    const res = await app.call(ticket, 'grid', 'demoGroups', { estateId: ESTATE.id });
    expect(res.data.items.map((g: { demoGroupId: string; bound: boolean }) => [g.demoGroupId, g.bound])).toEqual([
      ['demo.yn-jinxiu.1', false],
      ['demo.yn-jinxiu.2', true],
    ]);
  });

  it('refuses another estate’s demo group (foreign) and an unknown one (does not resolve)', async () => {
    expect((await bindDemo('street', 'demo.yn-other.1')).error?.code).toBe('GROUP.FOREIGN');
    expect((await bindDemo('street', 'demo.yn-jinxiu.9')).error?.code).toBe('GROUP.UNRESOLVED');
    expect((await bindDemo('street', 'demo.no-such-estate.1')).error?.code).toBe('GROUP.UNRESOLVED');
    expect(await app.store.listOwnerGroups({})).toEqual([]);
  });

  it('refuses an officer whose streets do not hold the estate, and anyone who is not a street officer', async () => {
    expect((await bindDemo('otherStreet', 'demo.yn-jinxiu.1')).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    for (const who of ['grid', 'police', 'housing', 'leadership', 'property', 'resident'] as const) {
      expect((await bindDemo(who, 'demo.yn-jinxiu.1')).error?.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await bindDemo('street', 'demo.yn-jinxiu.1', 'no-such-estate')).error?.code).toBe('NOT_FOUND');
    expect(await app.store.listOwnerGroups({})).toEqual([]);
  });

  it('unbinds (active=false), keeps the record, and a second binding to the same estate re-activates it', async () => {
    const { data } = await bindDemo('street', 'demo.yn-jinxiu.1');
    expect((await app.call(ticket, 'otherStreet', 'unbindGroup', { groupId: data.group.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    const unbound = await app.call(ticket, 'street', 'unbindGroup', { groupId: data.group.id });
    expect(unbound.data).toMatchObject({ changed: true, group: { active: false, unboundAt: app.clock.now() } });
    const listed = await app.call(ticket, 'street', 'groups', { estateId: ESTATE.id });
    expect(listed.data.items.map((g: { id: string; active: boolean }) => [g.id, g.active])).toEqual([[data.group.id, false]]);
    const active = await app.call(ticket, 'street', 'groups', { estateId: ESTATE.id, includeInactive: false });
    expect(active.data.items).toEqual([]);
    expect((await app.call(report, 'resident', 'ownerGroups', { estateId: ESTATE.id })).data.items).toEqual([]);
    const again = await bindDemo('street', 'demo.yn-jinxiu.1');
    expect(again.data).toMatchObject({ created: true, group: { id: data.group.id, active: true } });
    expect((await app.call(ticket, 'street', 'unbindGroup', { groupId: 'og:missing' })).error?.code).toBe('NOT_FOUND');
  });

  it('lists an estate’s groups for its staff only; residents see active ids and names only', async () => {
    const { data } = await bindDemo('street', 'demo.yn-jinxiu.1');
    for (const who of ['street', 'grid', 'police', 'leadership', 'admin'] as const) {
      expect((await app.call(ticket, who, 'groups', { estateId: ESTATE.id })).data?.items).toHaveLength(1);
    }
    for (const who of ['otherStreet', 'otherGrid', 'otherPolice', 'qitaiLeadership', 'housing', 'property'] as const) {
      expect((await app.call(ticket, who, 'groups', { estateId: ESTATE.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    }
    expect((await app.call(report, 'otherResident', 'ownerGroups', { estateId: ESTATE.id })).data.items).toEqual([{ id: data.group.id, name: '锦绣花园业主群' }]);
  });

  it('a string cloudId cannot be resolved in the local runtime, nor a made-up "resolved" CloudID', async () => {
    expect((await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-1', name: '业主群' })).error?.code).toBe('GROUP.UNRESOLVED');
    const fake = { cloudID: 'cid-1', data: { opengid: 'G-MADE-UP' } };
    expect((await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: fake, name: '业主群' })).error?.code).toBe('GROUP.UNRESOLVED');
    expect(await app.store.listOwnerGroups({})).toEqual([]);
  });

  it('needs exactly one of cloudId and demoGroupId', async () => {
    expect((await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id })).error?.code).toBe('INPUT.INVALID');
    const both = await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, demoGroupId: 'demo.yn-jinxiu.1', cloudId: 'cid' });
    expect(both.error?.code).toBe('INPUT.INVALID');
  });
});

describe('the owner groups of the officer\'s own estates, at once (issue 18 §4)', () => {
  // The issue: "The police officer sees the owner groups of their estates" — without picking each estate.
  beforeEach(async () => {
    await bindDemo('street', 'demo.yn-jinxiu.1');
    const second = await bindDemo('street', 'demo.yn-jinxiu.2');
    await app.call(ticket, 'street', 'unbindGroup', { groupId: second.data.group.id });
    expect((await bindDemo('otherStreet', 'demo.yn-other.1', OTHER_ESTATE.id)).error).toBeUndefined();
  });

  const listed = async (who: AnyPerson, extra: Record<string, unknown> = {}) => {
    const res = await app.call(ticket, who, 'groups', extra);
    if (!res.ok) throw new Error(`${who} groups: ${res.error?.code}`);
    return (res.data.items as Array<{ id: string; estateId: string; name: string; active: boolean }>).map((g) => [g.estateId, g.name, g.active]).sort();
  };

  it('the police officer sees every group of their estates, bound and unbound, with its estate', async () => {
    expect(await listed('police')).toEqual([
      [ESTATE.id, '锦绣花园业主群', true],
      [ESTATE.id, '锦绣花园业主二群', false],
    ].sort());
    expect(await listed('police', { includeInactive: false })).toEqual([[ESTATE.id, '锦绣花园业主群', true]]);
    expect(await listed('grid', { includeInactive: false })).toEqual([[ESTATE.id, '锦绣花园业主群', true]]);
  });

  it('the attack: an officer of another estate sees none of this estate\'s groups, only their own', async () => {
    const theirs = await listed('otherPolice');
    expect(theirs.every(([estateId]) => estateId === OTHER_ESTATE.id)).toBe(true);
    expect(theirs).toHaveLength(1);
    // An estate id in the body of another estate is refused, as before.
    expect((await app.call(ticket, 'otherPolice', 'groups', { estateId: ESTATE.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('a caller whose grants name no estate is told to pick one (403), and nothing is listed', async () => {
    for (const who of ['street', 'housing', 'resident'] as const) {
      const res = await app.call(ticket, who, 'groups', {});
      expect({ who, ok: res.ok, code: res.error?.code }).toEqual({ who, ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('binding an owner group (CloudBase: CloudID from getGroupEnterInfo)', () => {
  beforeEach(() => onCloudbase({ 'cid-jinxiu': 'G-JINXIU', 'cid-jinxiu-again': 'G-JINXIU', 'cid-other': 'G-OTHER' }));

  it('resolves the cloudId to the openGId and stores its hash only', async () => {
    const res = await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-jinxiu', name: '锦绣花园1号楼业主群' });
    expect(res.error).toBeUndefined();
    expect(res.data.group).toMatchObject({ id: ownerGroupId('G-JINXIU'), name: '锦绣花园1号楼业主群', estateId: ESTATE.id });
    expect(JSON.stringify(await app.store.listOwnerGroups({}))).not.toContain('G-JINXIU');
  });

  it('accepts the value CloudBase puts in place of wx.cloud.CloudID (getGroupEnterInfo: opengid)', async () => {
    const res = await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: { cloudID: 'x', data: { opengid: 'G-RESOLVED' } }, name: '业主群' });
    expect(res.data.group.id).toBe(ownerGroupId('G-RESOLVED'));
  });

  it('refuses a forged cloudId (it does not resolve) and stores nothing', async () => {
    const res = await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-forged', name: '业主群' });
    expect(res.error?.code).toBe('GROUP.UNRESOLVED');
    expect(await app.store.listOwnerGroups({})).toEqual([]);
  });

  it('refuses a group already bound to another estate, even after it was unbound there', async () => {
    const first = await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-jinxiu', name: '锦绣花园业主群' });
    const foreign = await app.call(ticket, 'otherStreet', 'bindGroup', { estateId: OTHER_ESTATE.id, cloudId: 'cid-jinxiu-again', name: '望远新村业主群' });
    expect(foreign.error?.code).toBe('GROUP.FOREIGN');
    await app.call(ticket, 'street', 'unbindGroup', { groupId: first.data.group.id });
    const still = await app.call(ticket, 'otherStreet', 'bindGroup', { estateId: OTHER_ESTATE.id, cloudId: 'cid-jinxiu-again', name: '望远新村业主群' });
    expect(still.error?.code).toBe('GROUP.FOREIGN');
    expect((await app.store.listOwnerGroups({ ids: [first.data.group.id] }))[0]?.estateId).toBe(ESTATE.id);
    // A group of its own binds fine there.
    expect((await app.call(ticket, 'otherStreet', 'bindGroup', { estateId: OTHER_ESTATE.id, cloudId: 'cid-other', name: '望远新村业主群' })).ok).toBe(true);
  });

  it('asks for the group name (it cannot be read on the server) and refuses demo groups', async () => {
    expect((await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-jinxiu' })).error?.code).toBe('INPUT.INVALID');
    expect((await bindDemo('street', 'demo.yn-jinxiu.1')).error?.code).toBe('GROUP.DEMO_ONLY');
    expect((await app.call(ticket, 'street', 'demoGroups', { estateId: ESTATE.id })).error?.code).toBe('GROUP.DEMO_ONLY');
  });

  it('resolveGroup tells who opened the app in a bound group which group and estate it is', async () => {
    await app.call(ticket, 'street', 'bindGroup', { estateId: ESTATE.id, cloudId: 'cid-jinxiu', name: '锦绣花园业主群' });
    const res = await app.call(ticket, 'police', 'resolveGroup', { cloudId: 'cid-jinxiu-again' });
    expect(res.data).toEqual({ id: ownerGroupId('G-JINXIU'), estateId: ESTATE.id, estateName: '锦绣花园', name: '锦绣花园业主群' });
    expect((await app.call(ticket, 'police', 'resolveGroup', { cloudId: 'cid-other' })).error?.code).toBe('GROUP.NOT_BOUND');
    expect((await app.call(ticket, 'police', 'resolveGroup', { cloudId: 'cid-forged' })).error?.code).toBe('GROUP.UNRESOLVED');
  });
});

describe('sharing a ticket into the owner group', () => {
  let groupId: string;
  beforeEach(async () => {
    groupId = (await bindDemo('street', 'demo.yn-jinxiu.1')).data.group.id;
  });

  it('the reporter shares it: the group joins sharedGroups with a "share" event, not a transition; again changes nothing', async () => {
    const t = await submit('noise');
    const before = await app.store.getTicket(t.id);
    const res = await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId });
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ ticketId: t.id, groupId, added: true });
    const after = await app.store.getTicket(t.id);
    expect(after!.sharedGroups).toEqual([groupId]);
    expect(after!.state).toBe(before!.state);
    expect(after!.version).toBe(before!.version + 1);
    const events = await app.store.listEvents(t.id);
    expect(events.at(-1)).toMatchObject({ action: 'share', from: before!.state, to: before!.state, payload: { groupId }, actor: { userId: PEOPLE.resident.id, role: 'resident' } });
    const again = await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId });
    expect(again.data.added).toBe(false);
    expect(await app.store.listEvents(t.id)).toHaveLength(events.length);
  });

  it('only the reporter may share, and only into an active group of the ticket’s estate', async () => {
    const t = await submit('noise');
    expect((await app.call(report, 'otherResident', 'shareToGroup', { ticketId: t.id, groupId })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await app.call(report, 'street', 'shareToGroup', { ticketId: t.id, groupId })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    const other = (await bindDemo('otherStreet', 'demo.yn-other.1', OTHER_ESTATE.id)).data.group.id;
    expect((await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId: other })).error?.code).toBe('GROUP.NOT_BOUND');
    expect((await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId: 'og:unknown' })).error?.code).toBe('GROUP.NOT_BOUND');
    await app.call(ticket, 'street', 'unbindGroup', { groupId });
    expect((await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId })).error?.code).toBe('GROUP.NOT_BOUND');
    expect((await app.store.getTicket(t.id))!.sharedGroups).toEqual([]);
  });

  it('the public view opened in the group holds no personal field (checked field by field)', async () => {
    const t = await submit('noise', { photos: [await app.photo('resident')], photosPublic: false, anonymous: false, description: '楼下烧烤店油烟很大，我是3号楼301的张三，电话13800000001' });
    const shared = await app.call(report, 'resident', 'shareToGroup', { ticketId: t.id, groupId });
    const res = await app.call(report, null, 'publicView', { ticketId: t.id });
    expect(res.ok).toBe(true);
    const stored = (await app.store.getTicket(t.id))!;
    const view = res.data as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(['category', 'categoryLabel', 'createdAt', 'estateId', 'id', 'meToo', 'no', 'photos', 'state', 'updatedAt']);
    expect(view.id).toBe(stored.id);
    expect(view.no).toBe(stored.no);
    expect(view.category).toBe('noise');
    expect(view.categoryLabel).toBe('噪声、油烟等环境污染');
    expect(view.state).toBe(stored.state);
    expect(view.estateId).toBe(ESTATE.id);
    expect(view.createdAt).toBe(stored.createdAt);
    expect(view.updatedAt).toBe(stored.updatedAt);
    expect(view.meToo).toBe(0);
    expect(view.photos).toEqual([]); // the reporter did not allow photos
    const text = JSON.stringify(view);
    for (const secret of [PEOPLE.resident.id, PEOPLE.resident.openid!, REPORT.contactPhone, '张三', '3号楼301', stored.description]) expect(text).not.toContain(secret);
    // The share card is the same view.
    expect(shared.data.card).toEqual(view);
  });

  it('photos appear in the public view only when the reporter allowed it', async () => {
    const photos = [await app.photo('resident'), await app.photo('resident')];
    const t = await submit('noise', { photos, photosPublic: true });
    expect((await app.call(report, null, 'publicView', { ticketId: t.id })).data.photos).toEqual(photos);
  });
});

describe('the police group desk', () => {
  let groupId: string;
  let otherGroupId: string;
  beforeEach(async () => {
    groupId = (await bindDemo('street', 'demo.yn-jinxiu.1')).data.group.id;
    otherGroupId = (await bindDemo('otherStreet', 'demo.yn-other.1', OTHER_ESTATE.id)).data.group.id;
  });

  const desk = async (who: AnyPerson, data: Record<string, unknown> = {}) => app.call(ticket, who, 'queue', { view: 'police-desk', ...data });
  const ids = (res: { data?: { items: Array<{ id: string }> } }) => res.data!.items.map((i) => i.id).sort();

  it('shows the officer’s estates’ police-relevant tickets and the group-shared ones, nothing else', async () => {
    const dispute = await submit('dispute'); // police-relevant, not routed to the 公安局
    const noise = await submit('noise'); // neither police-relevant nor routed to it
    const sharedNoise = await submit('noise');
    await app.call(report, 'resident', 'shareToGroup', { ticketId: sharedNoise.id, groupId });
    const elsewhere = await submit('dispute', { estateId: OTHER_ESTATE.id });

    const mine = await desk('police');
    expect(ids(mine)).toEqual([dispute.id, sharedNoise.id].sort());
    expect(mine.data.items.find((i: { id: string }) => i.id === sharedNoise.id)).toMatchObject({ sharedGroups: [groupId], policeRelevant: false });
    expect(mine.data.groups).toEqual([{ id: groupId, estateId: ESTATE.id, name: '锦绣花园业主群' }]);
    expect(ids(mine)).not.toContain(noise.id);

    // The officer of the other estate sees that estate's dispute only.
    expect(ids(await desk('otherPolice'))).toEqual([elsewhere.id]);
  });

  it('with a group: that group’s estate, its police-relevant tickets and those shared into that group', async () => {
    const dispute = await submit('dispute');
    const sharedNoise = await submit('noise');
    await app.call(report, 'resident', 'shareToGroup', { ticketId: sharedNoise.id, groupId });
    expect(ids(await desk('police', { groupId }))).toEqual([dispute.id, sharedNoise.id].sort());
    expect((await desk('police', { groupId: otherGroupId })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await desk('police', { groupId: 'og:unknown' })).error?.code).toBe('NOT_FOUND');
  });

  it('is for police officers only', async () => {
    for (const who of ['grid', 'street', 'housing', 'leadership', 'resident'] as const) expect((await desk(who)).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('the officer claims a dispute from the desk, replies and records a mediation; all on the timeline', async () => {
    const t = await submit('dispute');
    const claim = await app.call(ticket, 'police', 'claim', { ticketId: t.id, version: await version(t.id), officerName: '周警官' });
    expect(claim.error).toBeUndefined();
    expect(claim.data.ticket).toMatchObject({ state: 'acknowledged', claimedBy: 'yongning.gaj' });
    await app.call(ticket, 'police', 'reply', { ticketId: t.id, version: await version(t.id), text: '已联系双方，今晚到现场' });
    const mediated = await app.call(ticket, 'police', 'mediate', {
      ticketId: t.id,
      version: await version(t.id),
      parties: ['张三', '李四'],
      outcome: 'agreed',
      agreement: '双方同意调整停车位置',
    });
    expect(mediated.error).toBeUndefined();
    const events = await app.store.listEvents(t.id);
    expect(events.map((e) => e.action)).toEqual(['submit', 'claim', 'reply', 'mediate']);
    expect(events.slice(1).every((e) => e.actor.role === 'police' && e.actor.unitId === 'yongning.gaj')).toBe(true);
    // The desk stays current: the claimed dispute is still open there.
    expect(ids(await desk('police'))).toEqual([t.id]);
  });

  it('an officer of another estate can neither see nor claim; a non-police category is out until it is shared', async () => {
    const dispute = await submit('dispute');
    expect((await app.call(ticket, 'otherPolice', 'detail', { ticketId: dispute.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    const otherClaim = await app.call(ticket, 'otherPolice', 'claim', { ticketId: dispute.id, version: await version(dispute.id), officerName: '吴警官' });
    expect(otherClaim.error?.code).toBe('AUTH.OUT_OF_SCOPE');

    const noise = await submit('noise');
    expect((await app.call(ticket, 'police', 'detail', { ticketId: noise.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    const early = await app.call(ticket, 'police', 'claim', { ticketId: noise.id, version: await version(noise.id), officerName: '周警官' });
    expect(early.error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await app.store.getTicket(noise.id))!.claimedBy).toBeNull();

    await app.call(report, 'resident', 'shareToGroup', { ticketId: noise.id, groupId });
    // Shared into a group does not open it to the other estate's officer.
    expect((await app.call(ticket, 'otherPolice', 'detail', { ticketId: noise.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    const late = await app.call(ticket, 'police', 'claim', { ticketId: noise.id, version: await version(noise.id), officerName: '周警官' });
    expect(late.error).toBeUndefined();
    expect((await app.store.getTicket(noise.id))!.claimedBy).toBe('yongning.gaj');
  });
});
