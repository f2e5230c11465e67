/**
 * The fake's own semantics, checked directly: the adapter tests are only as good as the loopback
 * CloudBase server's imitation of MongoDB-style matching and of transactions.
 */
import { CloudbaseLoopback, matches } from '../../support/cloudbase-loopback';
import { loadCloudbase, type CloudbaseApp } from '../../../cloudfunctions/_adapters/cloudbase/store';

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

  it('answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created', async () => {
    await expect(app.database().collection('nope').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await app.database().createCollection('nope');
    await expect(app.database().createCollection('nope')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    expect((await app.database().collection('nope').get()).data).toEqual([]);
  });

  it('keeps a transaction’s writes invisible until commit and drops them on rollback', async () => {
    loopback.createCollection('c');
    const db = app.database();
    await db.runTransaction(async (tx) => {
      await tx.collection('c').add({ _id: 'in-tx', v: 1 });
      expect(loopback.docs('c')).toEqual([]);
      expect((await tx.collection('c').doc('in-tx').get()).data).toEqual({ _id: 'in-tx', v: 1 });
    });
    expect(loopback.docs('c')).toEqual([{ _id: 'in-tx', v: 1 }]);

    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('c').add({ _id: 'dropped', v: 2 });
        throw new Error('abandon');
      }, 0),
    ).rejects.toThrow('abandon');
    expect(loopback.docs('c').map((d) => d._id)).toEqual(['in-tx']);
  });

  it('fails a commit whose document changed outside the transaction meanwhile', async () => {
    loopback.seed('c', [{ _id: 'd', v: 1 }]);
    const db = app.database();
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('c').doc('d').update({ v: 2 });
        await db.collection('c').where({ _id: 'd' }).update({ v: 3 });
      }, 0),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(loopback.docs('c')).toEqual([{ _id: 'd', v: 3 }]);
  });

  it('counts modified documents only, as MongoDB’s nModified', async () => {
    loopback.seed('c', [{ _id: 'd', v: 1 }]);
    const c = app.database().collection('c');
    expect((await c.where({ _id: 'd' }).update({ v: 1 })).updated).toBe(0);
    expect((await c.where({ _id: 'd' }).update({ v: 2 })).updated).toBe(1);
  });
});
