/**
 * A few demo tickets per jurisdiction in different states (待受理, 已吹哨, 已报到), made through the
 * real action handlers so that they are exactly what the app would have stored. Each submit has a
 * fixed idempotency key: a second seed finds the ticket and does nothing more.
 */
import type { AppDeps } from '../../cloudfunctions/_app/context';
import type { FunctionHandler } from '../../cloudfunctions/_app/router';
import { report } from '../../cloudfunctions/_app/functions/report';
import { ticket as ticketFn } from '../../cloudfunctions/_app/functions/ticket';
import type { Estate, User } from '../../shared/domain/directory';
import type { Identity } from '../../shared/domain/roles';
import type { Ticket } from '../../shared/domain/ticket';
import type { CategoryCode } from '../../shared/taxonomy/categories';
import { deptUserId } from './people';
import { isTownship } from './units';

interface DemoTicketSpec {
  key: string;
  category: CategoryCode;
  description: string;
  /** How far the demo walks the ticket: submitted only, whistled by the grid worker, or also 报到 by the lead unit. */
  until: 'submitted' | 'whistled' | 'acknowledged';
}

const SPECS: readonly DemoTicketSpec[] = [
  { key: '1', category: 'parking', description: '东门消防通道旁长期停放一辆无牌面包车，多次提醒无人挪走，影响车辆进出。', until: 'submitted' },
  { key: '2', category: 'garbage', description: '3号楼北侧垃圾桶满溢，已经连续三天无人清运，气味很大。', until: 'whistled' },
  { key: '3', category: 'elevator', description: '5号楼2单元电梯经常停在半层，上周困过人，物业说在等配件。', until: 'acknowledged' },
];

export function identityOf(u: User): Identity {
  return { userId: u.id, name: u.name, ...(u.openid ? { openid: u.openid } : {}), grants: u.grants };
}

async function call(fn: FunctionHandler, deps: AppDeps, who: User, action: string, data: unknown): Promise<unknown> {
  const { envelope } = await fn(deps, { identity: identityOf(who) }, { action, data });
  if (!envelope.ok) throw new Error(`demo seed: ${action} as ${who.id} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

async function mustUser(deps: AppDeps, id: string): Promise<User> {
  const u = await deps.store.getUser(id);
  if (!u) throw new Error(`demo seed: user ${id} is missing`);
  return u;
}

/** Creates the demo tickets of one estate; returns how many were new. */
export async function seedDemoTickets(deps: AppDeps, estate: Estate, reporterId: string): Promise<number> {
  const reporter = await mustUser(deps, reporterId);
  const gridWorker = await mustUser(deps, `demo.grid.${estate.id}.grid`);
  let created = 0;
  for (const spec of SPECS) {
    const submitted = (await call(report, deps, reporter, 'submit', {
      idempotencyKey: `demo-seed-${estate.id}-${spec.key}`,
      estateId: estate.id,
      category: spec.category,
      description: spec.description,
    })) as { ticket: Ticket; created: boolean };
    if (!submitted.created) continue;
    created += 1;
    if (spec.until === 'submitted') continue;
    let t = submitted.ticket;
    const units = t.route.lead.map((u) => u.id);
    t = ((await call(ticketFn, deps, gridWorker, 'whistle', { ticketId: t.id, version: t.version, units, note: '网格员现场核实，需职能部门处理' })) as { ticket: Ticket }).ticket;
    if (spec.until === 'whistled') continue;
    const first = t.assignedUnits.find((u) => !isTownship(u));
    if (!first) continue;
    const officer = await mustUser(deps, deptUserId(first));
    await call(ticketFn, deps, officer, 'acknowledge', { ticketId: t.id, version: t.version, officerName: officer.name.split('·').pop() ?? '值班人员' });
  }
  return created;
}
