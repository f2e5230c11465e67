/**
 * CloudBase requests per action before issue 17 §2–3, measured by the same script
 * (cloudbase-requests.ts, 10 ms per answer) on 2026-12-05 at commit 3cbf1fa with the four changes
 * reverted (e419ee8 the transaction, e296794 the directory cache, 36ce595 own writes, 6e4a902 the
 * parallel reads): the baseline the section compares with. Not re-measured by the bench.
 */
export interface BeforeFigures {
  label: string;
  total: number;
  database: number;
  depth: number;
  databaseDepth: number;
}

export const CLOUDBASE_BEFORE: { measuredAt: string; actions: BeforeFigures[]; sweep: BeforeFigures } = {
  measuredAt: 'measured on 2026-12-05 at commit 3cbf1fa with e419ee8, e296794, 36ce595 and 6e4a902 reverted',
  actions: [
    { label: 'report.submit (resident)', total: 17, database: 16, depth: 16, databaseDepth: 16 },
    { label: 'report.submit, a retry (resident)', total: 5, database: 5, depth: 5, databaseDepth: 5 },
    { label: 'report.detail (resident)', total: 3, database: 3, depth: 3, databaseDepth: 3 },
    { label: 'report.listMine (resident)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'report.meToo (otherResident)', total: 9, database: 9, depth: 9, databaseDepth: 9 },
    { label: 'report.nearby', total: 1, database: 1, depth: 1, databaseDepth: 1 },
    { label: 'report.estates', total: 1, database: 1, depth: 1, databaseDepth: 1 },
    { label: 'report.noticeboard', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'report.publicView', total: 1, database: 1, depth: 1, databaseDepth: 1 },
    { label: 'report.inbox (resident)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'ticket.home (grid)', total: 3, database: 3, depth: 3, databaseDepth: 3 },
    { label: 'ticket.queue (grid)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'ticket.home (police)', total: 4, database: 4, depth: 4, databaseDepth: 4 },
    { label: 'ticket.detail (grid)', total: 3, database: 3, depth: 3, databaseDepth: 3 },
    { label: 'ticket.accept (grid)', total: 8, database: 8, depth: 8, databaseDepth: 8 },
    { label: 'ticket.whistle (grid)', total: 11, database: 10, depth: 9, databaseDepth: 9 },
    { label: 'ticket.queue (housing)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'ticket.acknowledge (housing)', total: 8, database: 8, depth: 8, databaseDepth: 8 },
    { label: 'ticket.arrive (housing)', total: 8, database: 8, depth: 8, databaseDepth: 8 },
    { label: 'ticket.resolve (housing)', total: 11, database: 9, depth: 10, databaseDepth: 9 },
    { label: 'ticket.verify (grid)', total: 8, database: 8, depth: 8, databaseDepth: 8 },
    { label: 'report.confirm (resident)', total: 7, database: 7, depth: 7, databaseDepth: 7 },
    { label: 'report.rate (resident)', total: 8, database: 7, depth: 7, databaseDepth: 7 },
    { label: 'ticket.whistle, from submitted (grid)', total: 10, database: 9, depth: 9, databaseDepth: 9 },
    { label: 'ticket.return (housing)', total: 10, database: 9, depth: 9, databaseDepth: 9 },
    { label: 'ticket.queue (street)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
    { label: 'ticket.reroute (street)', total: 10, database: 9, depth: 9, databaseDepth: 9 },
    { label: 'ticket.accept, another ticket (grid)', total: 8, database: 8, depth: 8, databaseDepth: 8 },
    { label: 'ticket.handle (grid)', total: 8, database: 7, depth: 7, databaseDepth: 7 },
    { label: 'ticket.settle (grid)', total: 11, database: 9, depth: 10, databaseDepth: 9 },
    { label: 'ticket.inbox (grid)', total: 2, database: 2, depth: 2, databaseDepth: 2 },
  ],
  sweep: { label: 'sweep.run (50 due)', total: 501, database: 501, depth: 451, databaseDepth: 451 },
};
