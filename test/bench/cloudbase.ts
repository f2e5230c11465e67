/**
 * Section 6 of the bench (issue 17 §1): CloudBase requests per action through the real adapter on
 * the loopback CloudBase server (cloudbase-requests.ts explains the method), beside the same action
 * on the local store, with the latency each would cost at 10 ms and 30 ms per request, and the
 * budgets of issue 17 §2 (also asserted by test/cloudfunctions/adapters/request-budget.test.ts).
 *
 * `BENCH_ONLY=cloudbase npm run bench` runs this section alone (about half a minute) and writes it
 * into docs/PERFORMANCE.md in place of the section of the last run, leaving the rest of the file as
 * it is; a full `npm run bench` writes it with the rest.
 */
import { measureActions, measureSweep, type ActionFigures, type RequestProfile } from './cloudbase-requests';
import { CLOUDBASE_BEFORE } from './cloudbase-before';

/** The latency the loopback holds each answer for while measuring (see cloudbase-requests.ts). */
export const MEASURE_LATENCY_MS = 10;
export const SWEEP_DUE = 50;

export interface CloudbaseResult {
  latencyMs: number;
  actions: ActionFigures[];
  sweep: { profile: RequestProfile; result: unknown };
}

/** The staff transitions of the ticket function (each has the ≤ 4 budget). */
export const STAFF_TRANSITIONS = new Set(['accept', 'reject', 'merge', 'handle', 'settle', 'whistle', 'acknowledge', 'arrive', 'resolve', 'return', 'reroute', 'verify', 'verifyFail', 'supervise', 'escalate', 'claim', 'reply', 'mediate', 'handover', 'requestExtension', 'approveExtension', 'refuseExtension']);

export interface RequestBudget {
  what: string;
  /** What is compared: the sequential depth of database requests, or all requests of the run. */
  measure: 'database depth' | 'requests in all';
  budget: number;
  measured: number;
  ok: boolean;
}

/** Issue 17 §2's budgets over the measured figures (the worst action of each kind). */
export function requestBudgets(actions: readonly RequestProfile[], sweep: RequestProfile): RequestBudget[] {
  const worst = (filter: (p: RequestProfile) => boolean) => actions.filter(filter).reduce<RequestProfile | null>((w, p) => (!w || p.databaseDepth > w.databaseDepth ? p : w), null);
  const out: RequestBudget[] = [];
  const add = (what: string, p: RequestProfile | null, budget: number) => {
    if (p) out.push({ what: `${what}: ${p.label}`, measure: 'database depth', budget, measured: p.databaseDepth, ok: p.databaseDepth <= budget });
  };
  add('resident submit, identity lookup included', worst((p) => p.fn === 'report' && p.action === 'submit' && !p.label.includes('retry')), 5);
  add('staff transition, the deepest', worst((p) => p.fn === 'ticket' && STAFF_TRANSITIONS.has(p.action)), 4);
  add('home', worst((p) => p.fn === 'ticket' && p.action === 'home'), 3);
  add('queue', worst((p) => p.fn === 'ticket' && p.action === 'queue'), 3);
  add('detail', worst((p) => p.action === 'detail'), 3);
  out.push({ what: `one sweep run with ${SWEEP_DUE} tickets due`, measure: 'requests in all', budget: 60, measured: sweep.total, ok: sweep.total <= 60 });
  return out;
}

export async function benchCloudbase(): Promise<CloudbaseResult> {
  const actions = await measureActions({ latencyMs: MEASURE_LATENCY_MS });
  const sweep = await measureSweep({ latencyMs: MEASURE_LATENCY_MS, due: SWEEP_DUE });
  return { latencyMs: MEASURE_LATENCY_MS, actions, sweep };
}

const table = (header: string[], rows: Array<Array<string | number>>): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const ms = (n: number) => `${Math.round(n)} ms`;
const others = (p: RequestProfile) =>
  Object.entries(p.byAction)
    .filter(([a]) => !a.startsWith('database.'))
    .map(([a, n]) => `${a} ${n}`)
    .join(', ') || '—';

/** Median over the actions of the measured time above depth × latency, per level of depth. */
function overheadPerLevel(profiles: readonly RequestProfile[], latencyMs: number): number {
  const per = profiles.filter((p) => p.depth > 0).map((p) => (p.wallMs - p.depth * latencyMs) / p.depth).sort((a, b) => a - b);
  return per.length ? (per[Math.floor((per.length - 1) / 2)] as number) : 0;
}

export const SECTION_TITLE = '## 6. CloudBase round trips per action (issue 17)';

export function renderCloudbaseSection(r: CloudbaseResult, date: string): string {
  const before = new Map(CLOUDBASE_BEFORE.actions.map((a) => [a.label, a]));
  const profiles = r.actions.map((a) => a.cloudbase);
  const budgets = requestBudgets(profiles, r.sweep.profile);
  const rows = r.actions.map(({ cloudbase: p, local }) => {
    const b = before.get(p.label);
    return [
      `\`${p.label}\``,
      b ? `${b.database} / ${b.databaseDepth}` : '—',
      `**${p.database} / ${p.databaseDepth}**`,
      others(p),
      p.depth,
      ms(p.depth * 10),
      ms(p.depth * 30),
      ms(p.wallMs),
      local ? `${local.storeCalls} calls, ${local.ms.toFixed(2)} ms` : '—',
    ];
  });
  const s = r.sweep.profile;
  const sb = CLOUDBASE_BEFORE.sweep;
  rows.push([
    `\`${s.label}\``,
    `${sb.database} / ${sb.databaseDepth}`,
    `**${s.database} / ${s.databaseDepth}**`,
    others(s),
    s.depth,
    ms(s.depth * 10),
    ms(s.depth * 30),
    ms(s.wallMs),
    '—',
  ]);
  return [
    SECTION_TITLE,
    '',
    `Written by \`BENCH_ONLY=cloudbase npm run bench\` (test/bench/cloudbase.ts), ${date.replace('T', ' ').slice(0, 19)} UTC; the sections above are from the full run of their date.`,
    '',
    'Every action of the `report` and `ticket` functions on one ticket\'s way (submit → accept → whistle → acknowledge → arrive → resolve → verify → confirm → rate) and the reads around it, then a second and third ticket\'s other branches (return and re-route; handle and settle), each called as a warm CloudBase container calls it: the identity from the openid (cloudbase/main.ts `callWithIdentity`: a user-record lookup, with the ticket the call names read alongside), then the function\'s router with the CloudBase ports — the real @cloudbase/node-sdk 3.18 against the loopback CloudBase server (test/support/cloudbase-loopback.ts), which records every request. One untimed call warms the container first; the directory cache (60 s) is then warm, as in a container that has served a call in the last minute.',
    '',
    `**Method.** The loopback holds every answer ${r.latencyMs} ms before writing it (a stand-in for the network) and records when it had read each request and when it wrote the answer. A request that starts only after another's answer was written waited for it; requests sent together (Promise.all) all start before any of them is answered. A request's depth is 1 + the largest depth of the requests answered before it started; an action's **depth** is the largest, its critical path in round trips. The estimates multiply the depth of all requests (database, storage, open APIs) by 10 ms and 30 ms, the usual range of a round trip from a function to CloudBase's database; the wall time is the measured call at ${r.latencyMs} ms per request (depth × ${r.latencyMs} ms plus the function's own work). "Local" is the same script on the local runtime's store (SQLite in a temp folder, in process, the identity looked up by openid as well): store calls and the call's time, one run.`,
    '',
    `"Before" is the baseline before issue 17 §2–3: the same script with the first changes reverted (${CLOUDBASE_BEFORE.measuredAt}); not re-measured.`,
    '',
    `Measured here, a call takes ${overheadPerLevel(profiles, r.latencyMs).toFixed(1)} ms more per level of depth than the ${r.latencyMs} ms the loopback adds (median over the actions of (measured − depth × ${r.latencyMs} ms) ÷ depth): the SDK's and the loopback's own work per request on this VM, and the function's. The estimates leave it out.`,
    '',
    '### Budgets (issue 17 §2)',
    '',
    table(
      ['What', 'Measure', 'Budget', 'Measured', ''],
      budgets.map((b) => [b.what, b.measure, `≤ ${b.budget}`, b.measured, b.ok ? '✅' : '❌']),
    ),
    '',
    '### Per action',
    '',
    table(['Action (caller)', 'Before: database requests / depth', 'Now: database requests / depth', 'Other requests', 'Depth, all requests', '≈ at 10 ms', '≈ at 30 ms', `Measured at ${r.latencyMs} ms`, 'Local (SQLite, in process)'], rows),
    '',
    `The sweep: ${JSON.stringify(r.sweep.result)}.`,
    '',
    '### What changed (issue 17 §2–3)',
    '',
    '- **A transition is one request, atomic** (cloudbase/ticket-store.ts `commitTransition`): the ticket document holds its timeline and the step\'s hand-over messages (`outboxPending`), so a step is one version-checked `where({_id, version}).update()` that writes the ticket and pushes the event and the messages. MongoDB applies a single-document update whole or not at all; a concurrent writer of the same version matches nothing (StoreConflictError). One insert then copies the messages to the `outbox` collection; a copy that a failure left out is made by the notify timer (outbox-store.ts: messages older than 60 s missing from the outbox are copied, then cleared at the version read). Tested with a fault at every request (test/cloudfunctions/adapters/cloudbase-transition-faults.test.ts). Before: a transaction of start, read, update, event, one insert per message and commit, each its own round trip (5 + messages).',
    '- **The ticket a call names is read alongside the identity lookup** (cloudbase/main.ts `callWithIdentity`): one round trip for both; the use case still authorizes the caller against it, and a read the call did not use is dropped at its end. The timeline comes with the ticket document, so the transition\'s own listEvents needs no request.',
    '- **The sweep plans every due ticket, then writes them together** (usecases/sweep-runs.ts, `Store.commitTransitionRuns`): one update per ticket (its mark-overdue and escalation together), all sent at once, the officers to notify read once per distinct query for the one run, and one insert for every hand-over message.',
    '- **Dashboards and the bulletin read facts records on CloudBase too** (ticket-store.ts `queryTicketFacts`): the records of shared/metrics `factsRecord`, page by page in queryTickets\' order, from the ticket documents, which hold their whole timelines, so no event is read: a report costs one request per 1,000 tickets of its window and jurisdiction (before: the tickets, then their events in batches of 100 ticket ids). The contract suite and a month made by the real functions give the same records and the same bulletin as SQLite\'s ticket_facts. Since then (section 6a): each ticket document keeps its record, written with the ticket, and a report reads a jurisdiction\'s window in one `aggregate` request (`Store.listTicketFacts`, cloudbase/ticket-facts.ts). The bulletin of a large month also runs as an asynchronous job (section 6a, `ticket.bulletinJob`).',
    '- **Directory cache per warm container** (cloudbase/directory-store.ts `DirectoryCache`): estates, grids, SLA policies, unit contacts and property companies are trusted for 60 s after they were read and dropped at once by any directory write of the same container; **users and grants are never cached**, so a revoked grant is refused on the next call everywhere (test/cloudfunctions/adapters/cloudbase-directory-cache.test.ts).',
    '- **Own writes read back without a round trip** (ticket-store.ts `OwnWrites`): the timeline a submit or transition answers is the list this container just wrote, answered once within 2 s.',
    '- **Independent reads together** (use cases, `Promise.all`): submit\'s retry lookup, rate-limit count and content check; the photo claim, grid and SLA policy; home\'s and queue\'s scopes and the inbox.',
    '',
    '- **A submit creates its ticket with one insert** (ticket-store.ts `createTicket`): the ticket document with its idempotency key (`idemKey`, sparse unique index: a second insert is the retry signal), its timeline and its messages, then the copy of the messages; the ticket number is one `$inc` answered with the counter after it (`updateAndReturn`), read together with the hand-over recipients; the responsibility-list versions are read with the retry lookup, the rate-limit count and the content check. Before: a transaction of start, idempotency record, ticket, event, each message and commit, after a read and a compare-and-set for the number.',
    '- **The notify timer drains its backlog in one run** (usecases/notify.ts `flushOutbox` with a time budget; 7cce920): the hand-over messages that transitions left in their tickets (`outboxPending`) are copied 100 tickets a page (`Store.repairOutboxPage`), page after page, then the pending messages are sent page after page, until none is left or the run\'s budget (30 s of the notify function\'s 50 s timeout, passed by cloudfunctions/notify/index.ts) has passed; it stops between two messages. Before: ≤ 100 tickets\' left-overs and ≤ 100 messages a run (one run a minute). Test: test/cloudfunctions/_app/usecases/notify-drain.test.ts. A one-off back-fill of the facts records (cloudfunctions/_deploy/backfill-facts.ts, 716ebc1) rebuilds the stale ones month by month instead of leaving them to the first report.',
  ].join('\n');
}

/** The section put into an existing docs/PERFORMANCE.md: replaces the previous one, or is appended. */
export function spliceSection(document: string, section: string): string {
  const at = document.indexOf(SECTION_TITLE);
  if (at < 0) return `${document.replace(/\s*$/, '')}\n\n${section}\n`;
  const rest = document.slice(at + SECTION_TITLE.length);
  const next = rest.search(/\n## /);
  return `${document.slice(0, at)}${section}\n${next < 0 ? '' : rest.slice(next)}`;
}
