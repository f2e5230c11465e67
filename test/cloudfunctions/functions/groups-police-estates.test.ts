/**
 * The police officer's owner groups of all their estates in one store query (issue 18 §4: "The police
 * officer sees the owner groups of their estates"), on both stores: SQLite and the real CloudBase SDK
 * against the loopback server, where the requests to owner_groups are counted (one `_.in` query,
 * not one request per estate). The attack: an officer of another estate lists only that estate's groups.
 */
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { listGroups, policeDesk } from '../../../cloudfunctions/_app/usecases/groups';
import type { Identity } from '../../../shared/domain/roles';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, OTHER_ESTATE, type AnyPerson, type TestApp } from '../../support/app';

/** An officer of the 县公安局 whose grant covers both test estates. */
const TWO_ESTATES: Identity = {
  userId: 'u-police-two',
  name: '两个小区的民警',
  grants: [{ role: 'police', jurisdiction: 'yongning', units: ['yongning.gaj'], estates: [ESTATE.id, OTHER_ESTATE.id] }],
};

describe.each([
  ['SQLite', makeApp],
  ['CloudBase (loopback)', makeCloudbaseApp],
] as const)('police owner groups of several estates on %s', (_name, make) => {
  let app: TestApp<Store>;

  async function bindDemo(who: AnyPerson, demoGroupId: string, estateId: string) {
    const res = await app.call(ticket, who, 'bindGroup', { estateId, demoGroupId });
    if (!res.ok) throw new Error(`bind ${demoGroupId}: ${res.error?.code}`);
  }

  beforeAll(async () => {
    app = await make();
    await bindDemo('street', `demo.${ESTATE.id}.1`, ESTATE.id);
    await bindDemo('street', `demo.${ESTATE.id}.2`, ESTATE.id);
    await bindDemo('otherStreet', `demo.${OTHER_ESTATE.id}.1`, OTHER_ESTATE.id);
  });
  afterAll(() => app.close());

  /** The requests to the owner_groups collection the call sent (CloudBase only; null on SQLite). */
  async function ownerGroupRequests<T>(call: () => Promise<T>): Promise<{ result: T; requests: number | null }> {
    app.loopback?.clearRequests();
    const result = await call();
    const requests = app.loopback ? app.loopback.requests.filter((r) => r.body.collectionName === 'owner_groups').length : null;
    return { result, requests };
  }

  it('lists every group of both estates, from one owner_groups request on CloudBase', async () => {
    const { result, requests } = await ownerGroupRequests(() => listGroups(app.deps, TWO_ESTATES, { includeInactive: true }));
    expect(result.items.map((g) => g.estateId).sort()).toEqual([ESTATE.id, ESTATE.id, OTHER_ESTATE.id].sort());
    expect(requests).toBe(app.loopback ? 1 : null);
  });

  it('the police desk reads the groups of both estates in one owner_groups request too', async () => {
    const { result, requests } = await ownerGroupRequests(() => policeDesk(app.deps, TWO_ESTATES, { limit: 20 }));
    expect(result.groups.map((g) => g.estateId).sort()).toEqual([ESTATE.id, ESTATE.id, OTHER_ESTATE.id].sort());
    expect(requests).toBe(app.loopback ? 1 : null);
  });

  it('the attack: an officer of the other estate sees only that estate\'s group', async () => {
    const res = await app.call(ticket, 'otherPolice', 'groups', {});
    expect(res.ok).toBe(true);
    expect((res.data.items as Array<{ estateId: string }>).map((g) => g.estateId)).toEqual([OTHER_ESTATE.id]);
  });
});
