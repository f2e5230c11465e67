/**
 * policyFor (usecases/support.ts) keeps resolved SLA policies (issue 17 §4: resolving validates the
 * whole policy with zod on every submit). The rule that makes the cache safe: the key is the
 * jurisdiction, its region and the stored override's text, so a changed policy is in force on the
 * very next call, and the shared object cannot be changed by a caller.
 */
import { policyFor } from '../../../../cloudfunctions/_app/usecases/support';
import { resolveSlaPolicy } from '../../../../shared/sla/policy';
import { makeApp, type TestApp } from '../../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

it('answers what resolveSlaPolicy answers, and an admin’s change at once (no stale policy)', async () => {
  expect(await policyFor(app.deps, 'yongning')).toEqual(resolveSlaPolicy(undefined, 'yongning'));
  expect(await policyFor(app.deps, 'yongning')).toBe(await policyFor(app.deps, 'yongning'));

  const override = { normal: { resolve: { unit: 'workingDays', amount: 3 } } };
  await app.store.putSlaPolicy('yongning', override);
  const changed = await policyFor(app.deps, 'yongning');
  expect(changed.normal.resolve).toEqual({ unit: 'workingDays', amount: 3 });
  expect(changed).toEqual(resolveSlaPolicy(override, 'yongning'));

  await app.store.putSlaPolicy('yongning', { normal: { resolve: { unit: 'workingDays', amount: 4 } } });
  expect((await policyFor(app.deps, 'yongning')).normal.resolve).toEqual({ unit: 'workingDays', amount: 4 });
  // Another jurisdiction keeps its own (its region's calendar, no override).
  expect(await policyFor(app.deps, 'qitai')).toEqual(resolveSlaPolicy(undefined, 'qitai'));
});

it('shares a frozen policy: a caller cannot change it for the next one', async () => {
  const policy = await policyFor(app.deps, 'yongning');
  expect(() => {
    (policy.normal as { resolve: unknown }).resolve = null;
  }).toThrow(TypeError);
  expect((await policyFor(app.deps, 'yongning')).normal.resolve).toEqual(resolveSlaPolicy(undefined, 'yongning').normal.resolve);
});

it('still refuses a stored policy that does not validate, every time', async () => {
  await app.store.putSlaPolicy('yongning', { normal: { resolve: { unit: 'weeks', amount: 1 } } });
  await expect(policyFor(app.deps, 'yongning')).rejects.toThrow('invalid SLA policy');
  await expect(policyFor(app.deps, 'yongning')).rejects.toThrow('invalid SLA policy');
});
