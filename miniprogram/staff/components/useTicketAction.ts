/**
 * Sends one lifecycle action of the open ticket: validated first with the action's shared zod schema
 * (the same one the function parses), then stored in the staff outbox (待发送, with its idempotency key
 * and its photos kept on the phone) and sent with the ticket's version (optimistic concurrency). An
 * answer gives the ticket's new view; no answer leaves the action 待发送 (issue 18 §4, weak signal).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { TicketInputs } from '../../../shared/actions/ticket';
import { ACTION_LABELS } from '../../../shared/lifecycle';
import type { OutboxPhoto } from '../../drafts/staff-outbox';
import { queueStaffAction, sendStaffAction } from '../../drafts/staff-send';
import { FUNCTION_ACTIONS, type StaffAction } from '../lib/api';
import type { TicketView } from '../lib/types';

const HAS_CJK = /[\u4e00-\u9fff]/;

/** The first schema complaint a person can read; zod's English defaults become a generic line. */
function firstIssue(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? '';
  return HAS_CJK.test(message) ? message : '请检查填写的内容';
}

/** Actions whose photos go through the outbox (local paths until uploaded). */
const PHOTO_ACTIONS: readonly StaffAction[] = ['settle', 'resolve'];

export interface TicketActionState {
  busy: boolean;
  error: string | null;
  /** Shows a refusal found before sending (a rule the schema cannot express). */
  fail: (message: string) => void;
  /** Sends the action; true when the server accepted it or it is kept 待发送. */
  submit: (action: StaffAction, fields: Record<string, unknown>) => Promise<boolean>;
}

export function useTicketAction(view: TicketView, onDone: (next: TicketView) => void, onStale?: () => void, onQueued?: () => void): TicketActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(action: StaffAction, fields: Record<string, unknown>): Promise<boolean> {
    const fn = FUNCTION_ACTIONS[action];
    const schema = TicketInputs[fn] as z.ZodTypeAny;
    const photos = PHOTO_ACTIONS.includes(action) ? ((fields.photos as OutboxPhoto[] | undefined) ?? []) : null;
    // Photos still on the phone have no file id yet: stand-ins let the schema count them.
    const probe = photos ? { ...fields, photos: photos.map((p, i) => p.id ?? `local-photo-${i + 1}`) } : fields;
    const parsed = schema.safeParse({ ticketId: view.ticket.id, version: view.ticket.version, ...probe });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return false;
    }
    // The photos travel as the outbox's own list (uploaded when sent), not as stand-in ids.
    const { photos: _standIns, ...withoutPhotos } = parsed.data as Record<string, unknown>;
    const data = photos ? withoutPhotos : (parsed.data as Record<string, unknown>);
    setBusy(true);
    setError(null);
    try {
      const item = await queueStaffAction({ ticketId: view.ticket.id, ticketNo: view.ticket.no, action: fn, label: ACTION_LABELS[action], data, photos }, { fromForm: true });
      const outcome = await sendStaffAction<TicketView>(item, { fromForm: true });
      if (outcome.kind === 'sent') {
        void Taro.showToast({ title: `已${ACTION_LABELS[action]}`, icon: 'success' }).catch(() => undefined);
        onDone(outcome.answer);
        return true;
      }
      if (outcome.kind === 'pending') {
        void Taro.showToast({ title: '已保存，待发送', icon: 'none' }).catch(() => undefined);
        onQueued?.();
        return true;
      }
      // Refused while the person is here: back to the form (sendStaffAction dropped the item).
      if (outcome.code === 'TICKET.VERSION_CONFLICT' && onStale) {
        setError('工单已被他人更新，已为您刷新，请核对后重试');
        onStale();
      } else {
        setError(outcome.message);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, fail: setError, submit };
}
