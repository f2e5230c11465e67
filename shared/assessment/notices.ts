import type { RectificationNotice } from '../governance/rectification';
import type { NoticeFact } from './score';

/**
 * A rectification notice (issue 20 §1) as the score reads it, on the ledger's own rule
 * (governance/rectification.ts rectifiedOnTime): what counts is when the accepted answer came in,
 * not when the officer got round to accepting it.
 */
export function noticeFact(n: Pick<RectificationNotice, 'companyId' | 'deadline' | 'status' | 'answers'>): NoticeFact {
  const last = n.answers[n.answers.length - 1];
  if (n.status === 'accepted' && last) return { companyId: n.companyId, deadline: n.deadline, rectifiedAt: last.at };
  const answeredInTime = n.status === 'answered' && !!last && Date.parse(last.at) <= Date.parse(n.deadline);
  return { companyId: n.companyId, deadline: n.deadline, rectifiedAt: null, ...(answeredInTime ? { answeredInTime } : {}) };
}
