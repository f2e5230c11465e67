/**
 * Issue 17 §2: a call that names a ticket has it read alongside the caller's identity lookup
 * (cloudbase/main.ts callWithIdentity), one round trip for both. The rule under test:
 * - the two reads are sent together (each answer held 100 ms by the loopback server, so requests
 *   that wait for one another cannot overlap);
 * - the early read is only a read: a caller who may not see the ticket is refused as before, and
 *   nothing of the ticket reaches them;
 * - a read the call did not use is dropped at its end: a later read of the ticket goes to the database.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { PEOPLE, REPORT } from '../../support/app';
import { openScene, type CloudbaseScene } from '../../bench/cloudbase-requests';

let scene: CloudbaseScene;
let ticketId: string;

beforeEach(async () => {
  scene = await openScene({ latencyMs: 100 });
  const submitted = await scene.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: 'prefetch-key-1' });
  if (!submitted.ok) throw new Error(`${submitted.error?.code} ${submitted.error?.message}`);
  ticketId = (submitted.data as { ticket: { id: string } }).ticket.id;
});

afterEach(async () => {
  await scene.close();
});

describe('the ticket a call names, read alongside the identity lookup', () => {
  it('sends the user lookup and the ticket read together, then answers the detail from them', async () => {
    const { profile } = await scene.measure(ticket, 'grid', 'detail', { ticketId });
    const [first, second] = scene.loopback.requests;
    expect([first?.body.collectionName, second?.body.collectionName].sort()).toEqual(['tickets', 'users']);
    // Both were read by the server before either was answered.
    expect(Math.max(first!.startedAt!, second!.startedAt!)).toBeLessThan(Math.min(first!.endedAt!, second!.endedAt!));
    // Only one read of the ticket: the use case's own getTicket took the early one.
    expect(scene.loopback.requests.filter((r) => r.body.collectionName === 'tickets' && r.action === 'database.getDocument')).toHaveLength(1);
    expect(profile.ok).toBe(true);
  });

  it('refuses a grid worker of another estate as before, and answers nothing of the ticket', async () => {
    const res = await scene.call(ticket, 'otherGrid', 'detail', { ticketId });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toMatch(/^AUTH\./);
    const answer = JSON.stringify(res);
    expect(answer).not.toContain(ticketId);
    expect(answer).not.toContain(REPORT.description);
    expect(answer).not.toContain(PEOPLE.resident.id);
    expect(answer).not.toContain(PEOPLE.resident.openid as string);
  });

  it('drops a read the call did not use: the next read of the ticket is the database\'s', async () => {
    // Not signed in: refused before the use case reads the ticket; the early read was sent all the same.
    scene.loopback.clearRequests();
    const anonymous = await scene.call(ticket, null, 'detail', { ticketId });
    expect(anonymous.ok).toBe(false);
    // The early read has been answered (with the ticket as it was), and is not used.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(scene.loopback.requests.map((r) => [r.action, r.body.collectionName, r.endedAt !== undefined])).toEqual([['database.getDocument', 'tickets', true]]);
    // Meanwhile another container moves the ticket on.
    const doc = scene.loopback.docs('tickets').find((d) => d._id === ticketId)!;
    scene.loopback.seed('tickets', [{ ...doc, description: '另一个容器改过的描述' }]);
    scene.loopback.clearRequests();
    expect((await scene.deps.store.getTicket(ticketId))?.description).toBe('另一个容器改过的描述');
    expect(scene.loopback.requests.map((r) => [r.action, r.body.collectionName])).toEqual([['database.getDocument', 'tickets']]);
  });
});
