/**
 * The index coverage check that test/contract/cloudbase.contract.test.ts applies to every query the
 * contract suite sends: it must report what the deploy configuration does not serve.
 */
import type { IndexDeclaration } from '../../../cloudfunctions/_deploy/resources';
import type { Doc, ObservedQuery } from '../../support/cloudbase-loopback';
import { conjunctiveFields, uncoveredQueries } from '../../support/index-coverage';

const declared = new Map<string, IndexDeclaration[]>([
  ['tickets', [{ name: 'jurisdiction_createdAt', keys: [['jurisdiction', 1], ['createdAt', -1]] }, { name: 'createdAt', keys: [['createdAt', -1]] }]],
  ['users', [{ name: 'grants_units', keys: [['grants.units', 1]] }, { name: 'grants_streets', keys: [['grants.streets', 1]] }]],
  ['sequences', []],
]);

const q = (collection: string, query: Doc, order: string[] = []): ObservedQuery => ({ action: 'database.getDocument', collection, fields: [], order, query });
const reasons = (queries: ObservedQuery[]) => uncoveredQueries(queries, declared).map((u) => `${u.collection} ${u.fields.join(',')} | ${u.reason}`);

describe('index coverage of observed queries', () => {
  it('passes a query that filters on the first key of a declared index, or on _id', () => {
    expect(reasons([q('tickets', { jurisdiction: 'yongning', state: { $in: ['a'] } }, ['createdAt', '_id']), q('sequences', { _id: 'n', value: 3 })])).toEqual([]);
  });

  it('reports an undeclared collection', () => {
    expect(reasons([q('invitations', { code: 'x' })])).toEqual(['invitations code | collection not declared']);
  });

  it('reports a filter that no index starts with (a second key does not count)', () => {
    expect(reasons([q('tickets', { category: 'fly-wire' }, ['createdAt', '_id']), q('tickets', { createdAt: { $gte: 'x' } }), q('tickets', { state: 'a' })])).toEqual([
      'tickets category | no declared index starts with a field of this query',
      'tickets state | no declared index starts with a field of this query',
    ]);
  });

  it('does not let an $or branch alone serve the filter; an $or is served when every branch is', () => {
    const cursor = { $or: [{ createdAt: { $lt: 'x' } }, { createdAt: 'x', _id: { $lt: 'id' } }] };
    expect(reasons([q('tickets', { $and: [{ category: 'c' }, cursor] })])).toEqual([]);
    expect(reasons([q('tickets', { $or: [{ category: 'c' }, { _id: 'x' }] })])).toEqual(['tickets  | no declared index starts with a field of this query']);
    expect(reasons([q('users', { grants: { $elemMatch: { $or: [{ units: 'u' }, { streets: 'u' }] } } }, ['_id'])])).toEqual([]);
    expect(reasons([q('users', { grants: { $elemMatch: { role: 'grid' } } }, ['_id'])])).toEqual(['users grants,grants.role | no declared index starts with a field of this query']);
  });

  it('needs an index on the order of an unfiltered query, unless it is _id', () => {
    expect(reasons([q('tickets', {}, ['createdAt', '_id']), q('users', {}, ['_id']), q('users', {}, [])])).toEqual([]);
    expect(reasons([q('users', {}, ['name'])])).toEqual(['users  | no declared index starts with a field of this query']);
  });

  it('reads conjunctive fields through $and and $elemMatch', () => {
    expect(conjunctiveFields({ $and: [{ a: 1 }, { 'b.c': 2 }], d: { $elemMatch: { e: 1 } }, $or: [{ f: 1 }] }).sort()).toEqual(['a', 'b.c', 'd', 'd.e']);
  });
});
