import type { Ticket } from '../domain/ticket';

/**
 * A ticket before its `submit` event: built by the report use case, stored by nobody.
 * `state: null` is the `from` of the submit transition; submit sets state, version 1 and the times.
 */
export type TicketDraft = Omit<Ticket, 'state' | 'version' | 'createdAt' | 'updatedAt'> & {
  state: null;
  version: 0;
};

/** What the report use case knows before submitting. */
export type TicketDraftInit = Pick<
  Ticket,
  | 'id'
  | 'no'
  | 'jurisdiction'
  | 'estateId'
  | 'streetId'
  | 'gridId'
  | 'propertyCompanyId'
  | 'category'
  | 'priority'
  | 'description'
  | 'photos'
  | 'location'
  | 'reporter'
  | 'route'
> &
  Partial<Pick<Ticket, 'sharedGroups' | 'photosPublic'>>;

export function newTicketDraft(init: TicketDraftInit): TicketDraft {
  return {
    ...init,
    state: null,
    version: 0,
    photos: [...init.photos],
    sharedGroups: [...(init.sharedGroups ?? [])],
    afterPhotos: [],
    assignedUnits: [],
    acknowledgedUnits: [],
    resolvedBy: null,
    holder: { kind: 'none', ids: [] },
    deadlines: [],
    pendingExtension: null,
    mergedInto: null,
    meToo: 0,
    rating: null,
    appealed: false,
    escalation: 0,
    claimedBy: null,
    closedAt: null,
  };
}

export function isDraft(ticket: Ticket | TicketDraft): ticket is TicketDraft {
  return ticket.state === null;
}
