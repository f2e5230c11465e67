/**
 * The fake's own semantics, checked directly: the adapter tests are only as good as the loopback
 * CloudBase server's imitation of MongoDB-style matching and of transactions.
 */
import { CloudbaseLoopback, matches, observedQueries } from '../../support/cloudbase-loopback';
import { loadCloudbase, type CloudbaseApp } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { CbQuery } from '../../../cloudfunctions/_adapters/cloudbase/sdk';
import { declaredCollections } from '../../../cloudfunctions/_deploy/resources';

describe('loopback CloudBase server: query matching (MongoDB semantics)', () => {
  const doc = {
    _id: 'a',
    state: 'open',
    sweepAt: null,
    n: 3,
    tags: ['x', 'y'],
    reporter: { userId: 'u1' },
    grants: [
      { role: 'police', jurisdiction: 'qitai', units: ['p1'] },
      { role: 'resident', jurisdiction: 'yongning' },
    ],
  };

  it.each([
    [{ state: 'open' }, true],
    [{ 'reporter.userId': 'u1' }, true],
    [{ missing: null }, true],
    [{ sweepAt: null }, true],
    [{ sweepAt: { $lte: '2099' } }, false],
    [{ n: { $gte: 3, $lt: 4 } }, true],
    [{ n: { $gt: '1' } }, false],
    [{ tags: 'y' }, true],
    [{ tags: { $in: ['z', 'x'] } }, true],
    [{ tags: { $nin: ['x'] } }, false],
    [{ state: { $ne: 'open' } }, false],
    [{ 'grants.role': 'police', 'grants.jurisdiction': 'yongning' }, true],
    [{ grants: { $elemMatch: { role: 'police', jurisdiction: 'yongning' } } }, false],
    [{ grants: { $elemMatch: { role: 'police', $or: [{ units: 'p1' }, { streets: 'p1' }] } } }, true],
    [{ $or: [{ n: 1 }, { $and: [{ n: 3 }, { state: 'open' }] }] }, true],
    [{ $and: [{ n: 3 }, { state: { $in: [] } }] }, false],
  ])('%j → %s', (query, expected) => {
    expect(matches(doc, query)).toBe(expected);
  });

  it('refuses operators it does not implement instead of guessing', () => {
    expect(() => matches(doc, { n: { $mod: [2, 1] } })).toThrow('not supported');
  });
});

describe('loopback CloudBase server: transactions and collections', () => {
  let loopback: CloudbaseLoopback;
  let app: CloudbaseApp;

  beforeEach(async () => {
    loopback = await CloudbaseLoopback.start();
    app = loadCloudbase(loopback.sdkOptions());
  });

  afterEach(async () => {
    await loopback.close();
  });

  it('keeps a transaction’s writes invisible until commit and drops them on rollback', async () => {
    const db = app.database();
    await db.runTransaction(async (tx) => {
      await tx.collection('sequences').add({ _id: 'in-tx', v: 1 });
      expect(loopback.docs('sequences')).toEqual([]);
      expect((await tx.collection('sequences').doc('in-tx').get()).data).toEqual({ _id: 'in-tx', v: 1 });
    });
    expect(loopback.docs('sequences')).toEqual([{ _id: 'in-tx', v: 1 }]);

    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('sequences').add({ _id: 'dropped', v: 2 });
        throw new Error('abandon');
      }, 0),
    ).rejects.toThrow('abandon');
    expect(loopback.docs('sequences').map((d) => d._id)).toEqual(['in-tx']);
  });

  it('fails a commit whose document changed outside the transaction meanwhile', async () => {
    loopback.seed('sequences', [{ _id: 'd', v: 1 }]);
    const db = app.database();
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('sequences').doc('d').update({ v: 2 });
        await db.collection('sequences').where({ _id: 'd' }).update({ v: 3 });
      }, 0),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(loopback.docs('sequences')).toEqual([{ _id: 'd', v: 3 }]);
  });

  it('counts modified documents only, as MongoDB’s nModified', async () => {
    loopback.seed('sequences', [{ _id: 'd', v: 1 }]);
    const c = app.database().collection('sequences');
    expect((await c.where({ _id: 'd' }).update({ v: 1 })).updated).toBe(0);
    expect((await c.where({ _id: 'd' }).update({ v: 2 })).updated).toBe(1);
  });
});

describe('loopback CloudBase server: strict as the platform (DESIGN.md §9 production path)', () => {
  let loopback: CloudbaseLoopback;
  let app: CloudbaseApp;

  beforeEach(async () => {
    loopback = await CloudbaseLoopback.start();
    app = loadCloudbase(loopback.sdkOptions());
  });

  afterEach(async () => {
    await loopback.close();
  });

  it('starts with exactly the collections of the deploy configuration', () => {
    expect(loopback.collectionNames().sort()).toEqual(declaredCollections().map((c) => c.name).sort());
  });

  it('answers DATABASE_COLLECTION_NOT_EXIST for every read and write of an undeclared collection', async () => {
    const nope = app.database().collection('nope');
    const refused = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.stringContaining('Db or Table not exist') };
    await expect(nope.get()).rejects.toMatchObject(refused);
    await expect(nope.doc('x').get()).rejects.toMatchObject(refused);
    await expect(nope.add({ _id: 'x' })).rejects.toMatchObject(refused);
    await expect(nope.doc('x').set({ v: 1 })).rejects.toMatchObject(refused);
    await expect(nope.where({ v: 1 }).update({ v: 2 })).rejects.toMatchObject(refused);
    await expect(nope.where({ v: 1 }).count()).rejects.toMatchObject(refused);
    await expect(nope.where({ v: 1 }).remove()).rejects.toMatchObject(refused);
    await expect(app.database().runTransaction(async (tx) => tx.collection('nope').add({ _id: 'x' }), 0)).rejects.toMatchObject(refused);
  });

  it('enforces the declared unique indexes: ticket no, estate sceneCode', async () => {
    const db = app.database();
    await db.collection('tickets').add({ _id: 't1', no: 'YN-1' });
    await expect(db.collection('tickets').add({ _id: 't2', no: 'YN-1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringMatching(/^E11000 duplicate key error collection: tickets index: no_unique dup key: \{ no: "YN-1" \}$/),
    });
    await db.collection('tickets').add({ _id: 't2', no: 'YN-2' });
    await expect(db.collection('tickets').where({ _id: 't2' }).update({ no: 'YN-1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    // The same document may keep its own key.
    expect((await db.collection('tickets').doc('t1').set({ no: 'YN-1', v: 2 })).updated).toBe(1);

    await db.collection('estates').doc('e1').set({ sceneCode: 'yn-a' });
    await expect(db.collection('estates').doc('e2').set({ sceneCode: 'yn-a' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(loopback.docs('estates').map((d) => d._id)).toEqual(['e1']);
  });

  it('users.openid is unique and sparse: many users without one, but a stored null is a value (MongoDB)', async () => {
    const users = app.database().collection('users');
    await users.doc('u1').set({ name: 'a' });
    await users.doc('u2').set({ name: 'b' });
    await users.doc('u3').set({ openid: 'o-1' });
    await expect(users.doc('u4').set({ openid: 'o-1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await users.doc('u5').set({ openid: null });
    await expect(users.doc('u6').set({ openid: null })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  });

  it('checks unique indexes inside a transaction and again at commit', async () => {
    const db = app.database();
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('tickets').add({ _id: 't1', no: 'YN-1' });
        await tx.collection('tickets').add({ _id: 't2', no: 'YN-1' });
      }, 0),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(loopback.docs('tickets')).toEqual([]);
  });

  it('refuses where() queries inside a transaction; doc() and add() carry it', async () => {
    loopback.seed('sequences', [{ _id: 'd', v: 1 }]);
    const db = app.database();
    await expect(
      db.runTransaction(async (tx) => {
        expect((await tx.collection('sequences').doc('d').get()).data).toEqual({ _id: 'd', v: 1 });
        await (tx.collection('sequences') as unknown as CbQuery).where({ v: 1 }).get();
      }, 0),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('queryType WHERE inside a transaction') });
    const refused = loopback.requests.filter((r) => r.error === 'DATABASE_TRANSACTION_FAIL');
    expect(refused.map((r) => [r.action, r.body.queryType, typeof r.body.transactionId])).toEqual([['database.getDocument', 'WHERE', 'string']]);
  });

  it('refuses a query whose limit is over 1,000 (the SDK itself never sends one)', async () => {
    const raw = async (limit: number) => {
      const res = await fetch(loopback.serviceUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'database.getDocument', collectionName: 'tickets', queryType: 'WHERE', limit }),
      });
      return (await res.json()) as { code?: string };
    };
    expect((await raw(1000)).code).toBeUndefined();
    expect((await raw(1001)).code).toBe('INVALID_PARAM');
    // The SDK clamps: limit(5000) goes out as 1000.
    await app.database().collection('tickets').limit(5000).get();
    expect(loopback.requestsFor('database.getDocument').at(-1)?.body.limit).toBe(1000);
  });

  it('logs every filtered query with its fields and order (for the index coverage check)', async () => {
    const before = observedQueries.length;
    const db = app.database();
    const _ = db.command;
    await db.collection('users').where({ grants: _.elemMatch({ role: 'grid', $or: [{ units: 'u' }, { streets: 'u' }] }) }).orderBy('_id', 'asc').get();
    expect(observedQueries.slice(before)).toEqual([
      {
        action: 'database.getDocument',
        collection: 'users',
        fields: ['grants', 'grants.role', 'grants.units', 'grants.streets'],
        order: ['_id'],
        query: { grants: { $elemMatch: { role: 'grid', $or: [{ units: 'u' }, { streets: 'u' }] } } },
      },
    ]);
  });
});
