/** The 九不准 ledger (issue 6): the nine items, the sanction ladder, who confirms, per-company summaries. */
export * from './nine';
export * from './ladder';
export * from './confirmers';
export * from './summary';
