/** Property-company assessment (issue 20 §4): monthly score, star level and credit status. */
export * from './definitions';
export * from './notices';
export * from './score';
export * from './standing';
export * from './standing-record';
export * from './quarter';
