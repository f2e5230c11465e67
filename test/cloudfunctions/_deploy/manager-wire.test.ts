/**
 * The deploy plan through the REAL @cloudbase/manager-node 5.6.5, against a small fake of the
 * Tencent Cloud API's `tcb` endpoint: manager-node reads TCB_BASE_URL for that endpoint
 * (lib/utils/cloud-api-request.js `process.env.TCB_BASE_URL || 'https://tcb.tencentcloudapi.com'`),
 * so the database and storage steps can be checked offline at the wire: which API actions, with
 * which parameters. (The functions go to the `scf` endpoint, which has no such override: the plan
 * test covers their arguments.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import CloudBase from '@cloudbase/manager-node';
import { applyPlan, buildPlan, type PlanManager } from '../../../cloudfunctions/_deploy/plan';
import { declaredCollections, STORAGE_RULE } from '../../../cloudfunctions/_deploy/resources';

interface WireCall {
  action: string;
  version: string;
  signed: boolean;
  body: Record<string, unknown>;
}

const ENV = 'xqcs-test-1a2b3c';
const INSTANCE = 'tnt-fake0001';
const BUCKET = '7871-xqcs-test-1a2b3c-1300000000';

/** Tables that exist, with their index names. */
const tables = new Map<string, string[]>();
const calls: WireCall[] = [];
let server: http.Server;
const saved: Record<string, string | undefined> = {};

function answer(action: string, body: Record<string, unknown>): Record<string, unknown> {
  const table = String(body.TableName ?? '');
  switch (action) {
    case 'DescribeEnvInfo':
      return { EnvInfo: { EnvBaseInfo: { EnvId: body.EnvId, Databases: [{ InstanceId: INSTANCE }], Storages: [{ Bucket: BUCKET, Region: 'ap-shanghai' }] } } };
    case 'DescribeTable':
      if (!tables.has(table)) return { Error: { Code: 'ResourceNotFound', Message: `table ${table} not found` } };
      return { Indexes: (tables.get(table) ?? []).map((Name) => ({ Name, Keys: [], Unique: false, Size: 0, Accesses: { Ops: 0, Since: '' } })), IndexNum: tables.get(table)?.length };
    case 'CreateTable':
      tables.set(table, ['_id_']);
      return {};
    case 'UpdateTable':
      for (const i of (body.CreateIndexes as Array<{ IndexName: string }>) ?? []) tables.get(table)?.push(i.IndexName);
      return {};
    case 'ModifySafeRule':
    case 'ModifyStorageSafeRule':
      return {};
    default:
      return { Error: { Code: 'InvalidAction', Message: `fake tcb: ${action}` } };
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = String(req.headers['x-tc-action']);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ action, version: String(req.headers['x-tc-version']), signed: String(req.headers.authorization).startsWith('TC3-HMAC-SHA256 Credential=AKIDfake/'), body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: { RequestId: `req-${calls.length}`, ...answer(action, body) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  for (const k of ['TCB_BASE_URL', 'http_proxy']) saved[k] = process.env[k];
  process.env.TCB_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  delete process.env.http_proxy;
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('creates the missing collections and indexes, and sets the database and storage rules, with the tcb actions of the API', async () => {
  // One collection and one of its indexes exist already: both are left alone.
  tables.set('tickets', ['_id_', 'no_unique']);
  const manager = new CloudBase({ secretId: 'AKIDfake', secretKey: 'fake-key', envId: ENV });
  const planManager: PlanManager = { database: manager.database, storage: manager.storage, functions: manager.functions, commonService: () => manager.commonService() };
  await applyPlan(buildPlan({ envId: ENV, only: ['database', 'storage'] }), planManager, () => undefined);

  expect(calls.every((c) => c.version === '2018-06-08' && c.signed)).toBe(true);
  expect(calls[0]?.action).toBe('DescribeEnvInfo');
  const connector = { DatabaseName: INSTANCE, InstanceId: 'flexdb' };
  const declared = declaredCollections();

  const created = calls.filter((c) => c.action === 'CreateTable');
  expect(created.map((c) => c.body)).toEqual(declared.filter((c) => c.name !== 'tickets').map((c) => ({ EnvId: ENV, MongoConnector: connector, TableName: c.name })));

  const updates = calls.filter((c) => c.action === 'UpdateTable');
  const expectedIndexes = declared.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`)).filter((n) => n !== 'tickets.no_unique');
  expect(updates.map((c) => `${String(c.body.TableName)}.${(c.body.CreateIndexes as Array<{ IndexName: string }>)[0]?.IndexName}`)).toEqual(expectedIndexes);
  expect(updates.find((c) => c.body.TableName === 'users' && JSON.stringify(c.body).includes('openid_unique'))?.body).toEqual({
    EnvId: ENV,
    MongoConnector: connector,
    TableName: 'users',
    CreateIndexes: [{ IndexName: 'openid_unique', MgoKeySchema: { MgoIndexKeys: [{ Name: 'openid', Direction: '1' }], MgoIsUnique: true, MgoIsSparse: true } }],
  });
  expect(updates.find((c) => c.body.TableName === 'estates' && JSON.stringify(c.body).includes('sceneCode_unique'))?.body.CreateIndexes).toEqual([
    { IndexName: 'sceneCode_unique', MgoKeySchema: { MgoIndexKeys: [{ Name: 'sceneCode', Direction: '1' }], MgoIsUnique: true, MgoIsSparse: false } },
  ]);

  expect(calls.filter((c) => c.action === 'ModifySafeRule').map((c) => c.body)).toEqual(
    declared.map((c) => ({ EnvId: ENV, CollectionName: c.name, AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' })),
  );
  expect(calls.filter((c) => c.action === 'ModifyStorageSafeRule').map((c) => c.body)).toEqual([{ EnvId: ENV, Bucket: BUCKET, AclTag: 'CUSTOM', Rule: JSON.stringify(STORAGE_RULE) }]);
  expect([...new Set(calls.map((c) => c.action))].sort()).toEqual(['CreateTable', 'DescribeEnvInfo', 'DescribeTable', 'ModifySafeRule', 'ModifyStorageSafeRule', 'UpdateTable']);
});
