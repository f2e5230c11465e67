/** Tickets, events and outbox messages for the CloudBase adapter tests. */
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { createCloudbaseStore, loadCloudbase, type CloudbaseApp } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { Store } from '../../../shared/ports/store';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';

const BASE_MS = Date.parse('2026-03-02T00:00:00.000Z');

/** The instant `minutes` after 2026-03-02T00:00Z, as a stored ISO string. */
export function T(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

export function makeTicket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id,
    no: `YN-20260302-${id}`,
    version: 1,
    jurisdiction: 'yongning',
    estateId: 'estate-1',
    streetId: 'street-1',
    gridId: 'grid-1',
    propertyCompanyId: 'pc-1',
    category: 'parking',
    priority: 'normal',
    state: 'submitted',
    description: '小区门口车辆乱停，堵住消防通道',
    photos: ['cloud://env.bucket/uploads/u1/a.jpg'],
    afterPhotos: [],
    location: { lat: 38.2806, lng: 106.2424 },
    reporter: { userId: 'resident-1', openid: 'o-resident-1', anonymous: false },
    route: {
      lead: [{ id: 'unit-police', name: '派出所' }],
      responsible: [{ id: 'unit-street', name: '街道办' }],
      basis: [{ source: '永宁县责任清单', item: '3.1', text: '占用消防通道由公安机关依法处理' }],
    },
    assignedUnits: [],
    acknowledgedUnits: [],
    resolvedBy: null,
    holder: { kind: 'grid', ids: ['grid-1'] },
    deadlines: [{ step: 'triage', due: T(120) }],
    pendingExtension: null,
    mergedInto: null,
    meToo: 0,
    rating: null,
    appealed: false,
    escalation: 0,
    sharedGroups: [],
    claimedBy: null,
    createdAt: T(0),
    updatedAt: T(0),
    closedAt: null,
    sweepAt: T(120),
    ...over,
  };
}

export function makeEvent(ticket: Ticket, seq: number, over: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id: `${ticket.id}-e${seq}`,
    ticketId: ticket.id,
    seq,
    at: ticket.updatedAt,
    actor: { userId: ticket.reporter.userId, role: 'resident' },
    action: seq === 1 ? 'submit' : 'accept',
    from: seq === 1 ? null : 'submitted',
    to: ticket.state,
    ...over,
  };
}

export function makeMessage(id: string, over: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    recipientUserId: 'grid-worker-1',
    ticketId: 't1',
    kind: 'submitted',
    title: '新工单待受理',
    body: '小区门口车辆乱停',
    data: { thing1: '车辆乱停', time2: '2026-03-02 08:00' },
    createdAt: T(0),
    sentAt: null,
    readAt: null,
    attempts: 0,
    lastError: null,
    ...over,
  };
}

export interface Harness {
  loopback: CloudbaseLoopback;
  app: CloudbaseApp;
  store: Store;
}

/** The real SDK pointed at a fresh loopback CloudBase server (the declared collections exist). */
export async function openHarness(): Promise<Harness> {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { loopback, app, store: createCloudbaseStore(app) };
}
