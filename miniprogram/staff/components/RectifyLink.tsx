/**
 * 下达整改通知 from the ticket (issue 20 §1): opens the 整改台账 page on the ticket's estate with the
 * ticket's number filled in, for an officer who may issue one there (shared/governance
 * mayIssueRectification: a department or police officer covering the estate, or its street). Without
 * grants from the server the roles decide, and the backend's refusal says the rest.
 */
import { Text } from '@tarojs/components';
import type { Ticket } from '../../../shared/domain/ticket';
import { mayIssueRectification } from '../../../shared/governance/access';
import { REGISTRY } from '../../../shared/jurisdictions';
import type { EstateItem, Me } from '../lib/types';
import { go } from './navigation';

const PARENT = { parentOf: (j: string) => REGISTRY.list(j)?.parent ?? null };

export const LEDGER_PAGE = '/staff/pages/ledger/index';

export function mayIssueFrom(me: Me | null, estate: Pick<EstateItem, 'id' | 'jurisdiction' | 'townshipId'> | null): boolean {
  if (!me || !estate) return false;
  if (me.grants) return mayIssueRectification({ userId: me.id, grants: me.grants }, estate, PARENT).ok;
  return !me.roles.includes('property') && me.roles.some((r) => r === 'department' || r === 'police' || r === 'street');
}

export function rectifyUrl(ticket: Pick<Ticket, 'no' | 'estateId'>): string {
  return `${LEDGER_PAGE}?estateId=${encodeURIComponent(ticket.estateId ?? '')}&ticket=${encodeURIComponent(ticket.no)}`;
}

export function RectifyLink({ ticket, estate, me }: { ticket: Ticket; estate: EstateItem | null; me: Me | null }) {
  if (!ticket.estateId || !mayIssueFrom(me, estate)) return null;
  return (
    <Text className='link' onClick={() => go(rectifyUrl(ticket))}>
      下达整改通知
    </Text>
  );
}
