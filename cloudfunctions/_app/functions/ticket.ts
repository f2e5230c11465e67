import { z } from 'zod';
import { GroupInputs as G } from '../../../shared/actions/groups';
import { TicketInputs as I } from '../../../shared/actions/ticket';
import { GROUP_BYS } from '../../../shared/metrics';
import { Instant } from '../../../shared/actions/common';
import { action, createFunction } from '../router';
import { bulletin } from '../usecases/bulletin';
import { bulletinJob } from '../usecases/bulletin-job';
import { bindGroup, demoGroups, listGroups, policeDesk, resolveGroup, unbindGroup } from '../usecases/groups';
import { confirmViolation, ledger } from '../usecases/ledger';
import { GovernanceInputs as GV } from '../../../shared/actions/governance';
import { classTable, estateClass, recordPatrol, setEstateClass, visitTable } from '../usecases/governance';
import {
  acceptRectification,
  answerRectification,
  issueRectification,
  listRectifications,
  rectificationDetail,
  rectificationLedger,
  rejectRectification,
} from '../usecases/rectification';
import { home, queue, staffActions as s, staffDetail } from '../usecases/staff';
import { gridTab } from '../usecases/queue-tabs';
import { metrics } from '../usecases/stats';
import { placeTicket } from '../usecases/place';
import { requireIdentity } from '../usecases/support';
import { HotlineInputs as H } from '../../../shared/actions/hotline';
import { hotlineExport, hotlineImport, hotlineStats, hotlineTickets, hotlineUrge } from '../usecases/hotline';
import { AssessmentInputs as A } from '../../../shared/actions/assessment';
import { assessment, assessmentQuarter } from '../usecases/assessment';
import { jurisdictionDirectory } from '../usecases/device-directory';

const user = <K extends keyof typeof s>(name: K, input: (typeof I)[keyof typeof I]) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  action({ input, auth: 'user', run: (d, id, x) => (s[name] as any)(d, requireIdentity(id), x) });

/** `ticket`: the staff workflow (grid, street, department, police) and the dashboards. */
export const ticket = createFunction('ticket', {
  home: action({ input: I.home, auth: 'user', run: (d, id) => home(d, requireIdentity(id)) }),
  // The police group desk has its own scope (the officer's estates and their owner groups): usecases/groups.ts.
  queue: action({
    input: I.queue,
    auth: 'user',
    // With a tab: the grid queue's tabs and search (usecases/queue-tabs.ts).
    run: (d, id, x) => (x.view === 'police-desk' ? policeDesk(d, requireIdentity(id), x) : x.tab ? gridTab(d, requireIdentity(id), { ...x, tab: x.tab }) : queue(d, requireIdentity(id), x)),
  }),
  detail: action({ input: I.detail, auth: 'user', run: (d, id, x) => staffDetail(d, requireIdentity(id), x) }),
  accept: user('accept', I.accept),
  reject: user('reject', I.reject),
  merge: user('merge', I.merge),
  handle: user('handle', I.handle),
  settle: user('settle', I.settle),
  whistle: user('whistle', I.whistle),
  acknowledge: user('acknowledge', I.acknowledge),
  arrive: user('arrive', I.arrive),
  resolve: user('resolve', I.resolve),
  return: user('return', I.return),
  reroute: user('reroute', I.reroute),
  requestExtension: user('requestExtension', I.requestExtension),
  approveExtension: user('approveExtension', I.approveExtension),
  refuseExtension: user('refuseExtension', I.refuseExtension),
  verify: user('verify', I.verify),
  verifyFail: user('verifyFail', I.verifyFail),
  supervise: user('supervise', I.supervise),
  escalate: user('escalate', I.escalate),
  claim: user('claim', I.claim),
  reply: user('reply', I.reply),
  mediate: user('mediate', I.mediate),
  handover: user('handover', I.handover),
  placeEstate: action({ input: I.placeEstate, auth: 'user', run: (d, id, x) => placeTicket(d, requireIdentity(id), x) }),
  inbox: action({ input: I.inbox, auth: 'user', run: async (d, id, x) => ({ items: await d.store.listInbox(requireIdentity(id).userId, x) }) }),
  markRead: action({
    input: I.markRead,
    auth: 'user',
    run: async (d, id, x) => {
      await d.store.markRead(requireIdentity(id).userId, x.ids, d.clock.now());
      return { read: x.ids.length };
    },
  }),
  bindGroup: action({ input: G.bind, auth: 'user', run: (d, id, x) => bindGroup(d, requireIdentity(id), x) }),
  unbindGroup: action({ input: G.unbind, auth: 'user', run: (d, id, x) => unbindGroup(d, requireIdentity(id), x) }),
  groups: action({ input: G.list, auth: 'user', run: (d, id, x) => listGroups(d, requireIdentity(id), x) }),
  demoGroups: action({ input: G.demoGroups, auth: 'user', run: (d, id, x) => demoGroups(d, requireIdentity(id), x) }),
  resolveGroup: action({ input: G.resolve, auth: 'user', run: (d, id, x) => resolveGroup(d, requireIdentity(id), x) }),
  bulletin: action({ input: I.bulletin, auth: 'user', run: (d, id, x) => bulletin(d, requireIdentity(id), x) }),
  bulletinJob: action({ input: I.bulletinJob, auth: 'user', run: (d, id, x) => bulletinJob(d, requireIdentity(id), x) }),
  confirmViolation: action({ input: I.confirmViolation, auth: 'user', run: (d, id, x) => confirmViolation(d, requireIdentity(id), x) }),
  ledger: action({ input: I.ledger, auth: 'user', run: (d, id, x) => ledger(d, requireIdentity(id), x) }),
  // The 12345 center (issue 20 §6): its tickets, statistics, the import of work orders and the export of outcomes.
  hotlineImport: action({ input: H.hotlineImport, auth: 'user', run: (d, id, x) => hotlineImport(d, requireIdentity(id), x) }),
  hotlineTickets: action({ input: H.hotlineTickets, auth: 'user', run: (d, id, x) => hotlineTickets(d, requireIdentity(id), x) }),
  hotlineStats: action({ input: H.hotlineStats, auth: 'user', run: (d, id, x) => hotlineStats(d, requireIdentity(id), x) }),
  hotlineExport: action({ input: H.hotlineExport, auth: 'user', run: (d, id, x) => hotlineExport(d, requireIdentity(id), x) }),
  hotlineUrge: action({ input: H.hotlineUrge, auth: 'user', run: (d, id, x) => hotlineUrge(d, requireIdentity(id), x) }),
  // Property-company 考核 (issue 20 §4): the township's or the county's monthly table.
  assessment: action({ input: A.assessment, auth: 'user', run: (d, id, x) => assessment(d, requireIdentity(id), x) }),
  assessmentQuarter: action({ input: A.assessmentQuarter, auth: 'user', run: (d, id, x) => assessmentQuarter(d, requireIdentity(id), x) }),
  metrics: action({
    input: z.object({ groupBy: z.enum(GROUP_BYS).default('all'), from: Instant.optional(), to: Instant.optional(), rankBy: z.string().max(40).optional() }),
    auth: 'user',
    run: (d, id, x) => metrics(d, requireIdentity(id), x),
  }),
  // Issue 20 §1–3: the rectification ledger, the "123" class, 执法进小区 (usecases/rectification.ts, governance.ts).
  issueRectification: action({ input: GV.issueRectification, auth: 'user', run: (d, id, x) => issueRectification(d, requireIdentity(id), x) }),
  rectifications: action({ input: GV.rectifications, auth: 'user', run: (d, id, x) => listRectifications(d, requireIdentity(id), x) }),
  rectification: action({ input: GV.rectification, auth: 'user', run: (d, id, x) => rectificationDetail(d, requireIdentity(id), x) }),
  answerRectification: action({ input: GV.answerRectification, auth: 'user', run: (d, id, x) => answerRectification(d, requireIdentity(id), x) }),
  acceptRectification: action({ input: GV.acceptRectification, auth: 'user', run: (d, id, x) => acceptRectification(d, requireIdentity(id), x) }),
  rejectRectification: action({ input: GV.rejectRectification, auth: 'user', run: (d, id, x) => rejectRectification(d, requireIdentity(id), x) }),
  rectificationLedger: action({ input: GV.rectificationLedger, auth: 'user', run: (d, id, x) => rectificationLedger(d, requireIdentity(id), x) }),
  setEstateClass: action({ input: GV.setEstateClass, auth: 'user', run: (d, id, x) => setEstateClass(d, requireIdentity(id), x) }),
  estateClass: action({ input: GV.estateClass, auth: 'user', run: (d, id, x) => estateClass(d, requireIdentity(id), x) }),
  classTable: action({ input: GV.classTable, auth: 'user', run: (d, id, x) => classTable(d, requireIdentity(id), x) }),
  recordPatrol: action({ input: GV.recordPatrol, auth: 'user', run: (d, id, x) => recordPatrol(d, requireIdentity(id), x) }),
  visitTable: action({ input: GV.visitTable, auth: 'user', run: (d, id, x) => visitTable(d, requireIdentity(id), x) }),
  // The created jurisdictions of the caller's scope, for the phone's registry (issue 19; usecases/device-directory.ts).
  jurisdictionDirectory: action({ input: I.jurisdictionDirectory, auth: 'user', run: (d, id, x) => jurisdictionDirectory(d, requireIdentity(id), x) }),
});
