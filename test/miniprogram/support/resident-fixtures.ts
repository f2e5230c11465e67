/** Answers of the report function, shaped as the use cases build them, from the shared test fixtures. */
import type { EstateInfo, SubmitAnswer, TicketView } from '../../../miniprogram/components/resident-api';
import type { Ticket } from '../../../shared/domain/ticket';
import type { LifecycleAction } from '../../../shared/lifecycle/actions';
import { makeEstate, makeEvent, makeTicket } from '../../support/fixtures';

export function estateInfo(overrides: Partial<EstateInfo> = {}): EstateInfo {
  const e = makeEstate({ name: '锦绣花园', sceneCode: 'yn-jxhy' });
  return { id: e.id, name: e.name, jurisdiction: e.jurisdiction, address: e.address, location: e.location, sceneCode: e.sceneCode, townshipId: e.townshipId, ...overrides };
}

export function ticketView(overrides: Partial<Ticket> = {}, actions: LifecycleAction[] = []): TicketView {
  const ticket = makeTicket(overrides);
  return { ticket, events: [makeEvent({ ...ticket, version: 1 })], actions };
}

export function submitAnswer(overrides: Partial<Ticket> = {}, created = true): SubmitAnswer {
  return { ...ticketView(overrides), created };
}
