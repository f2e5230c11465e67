/** SIMULATED_NOW and the sweep of the local runtime. */
import { clockFor, startRuntime } from '../../../local/runtime';
import { startTestRuntime, submitData } from './support';

describe('the simulated clock', () => {
  it('starts at SIMULATED_NOW and runs on (GET /api/dev/clock)', async () => {
    const t = await startTestRuntime({ simulatedNow: '2026-10-01T09:00:00+08:00', demoTickets: false });
    try {
      const res = await t.get('/api/dev/clock');
      expect(res.status).toBe(200);
      expect(res.body.data.simulated).toBe(true);
      expect(res.body.data.simulatedStart).toBe('2026-10-01T09:00:00+08:00');
      const now = Date.parse(res.body.data.now);
      const start = Date.parse('2026-10-01T01:00:00Z');
      expect(now).toBeGreaterThanOrEqual(start);
      expect(now - start).toBeLessThan(60_000);
      expect(res.body.data.shanghai).toMatch(/^2026-10-01T09:0\d:\d{2}(\.\d{3})?\+08:00$/);

      // Tickets are stamped with the simulated time (ticket numbers carry the Shanghai date).
      const token = await t.signIn('demo.yongning.resident1');
      const sub = await t.call('report', 'submit', submitData(), token);
      expect(sub.body.data.ticket.no).toMatch(/^YN-20261001-\d{4}$/);
      expect(Date.parse(sub.body.data.ticket.createdAt) - start).toBeLessThan(60_000);
    } finally {
      await t.stop();
    }
  });

  it('uses the system clock without SIMULATED_NOW', async () => {
    const t = await startTestRuntime({ simulatedNow: null, demoTickets: false });
    try {
      const res = await t.get('/api/dev/clock');
      expect(res.body.data.simulated).toBe(false);
      expect(Math.abs(Date.parse(res.body.data.now) - Date.now())).toBeLessThan(5_000);
    } finally {
      await t.stop();
    }
  });

  it('refuses a SIMULATED_NOW without an offset or that is not a time', () => {
    expect(() => clockFor('2026-10-01T09:00:00')).toThrow(/SIMULATED_NOW/);
    expect(() => clockFor('tomorrow')).toThrow(/SIMULATED_NOW/);
    expect(clockFor('2026-10-01T09:00:00Z').now().startsWith('2026-10-01T09:00')).toBe(true);
  });
});

describe('the sweep', () => {
  it('POST /api/dev/sweep marks an overdue triage deadline once; a second run finds nothing to do', async () => {
    // Submit at 10:00, then restart on the same data directory with the clock at 12:00.
    const first = await startTestRuntime({ simulatedNow: '2026-11-23T10:00:00+08:00', demoTickets: false });
    const token = await first.signIn('demo.yongning.resident1');
    const sub = await first.call('report', 'submit', submitData(), token); // fly-wire: urgent, 30-minute triage
    const id = sub.body.data.ticket.id as string;
    await first.rt.close();
    const later = await startRuntime({
      dataDir: `${first.dir}/data`,
      port: 0,
      h5Dir: `${first.dir}/no-h5`,
      simulatedNow: '2026-11-23T12:00:00+08:00',
      open311ApiKey: null,
      sweepEveryMs: 3_600_000,
      demoTickets: false,
    });
    try {
      const run1 = await fetch(`${later.url}/api/dev/sweep`, { method: 'POST' });
      expect(run1.status).toBe(200);
      const body1 = await run1.json();
      expect(body1.data.sweep.ok).toBe(true);
      expect(body1.data.sweep.data.marked).toBeGreaterThanOrEqual(1);
      const ticket = await later.deps.store.getTicket(id);
      expect(ticket?.deadlines.find((d) => d.step === 'triage')?.overdueAt).toBeDefined();
      const events = await later.deps.store.listEvents(id);

      const run2 = await (await fetch(`${later.url}/api/dev/sweep`, { method: 'POST' })).json();
      expect(run2.data.sweep.data.marked).toBe(0);
      expect(await later.deps.store.listEvents(id)).toHaveLength(events.length);
    } finally {
      await later.close();
      await first.stop();
    }
  });
});
