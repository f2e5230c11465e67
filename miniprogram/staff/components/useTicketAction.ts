/**
 * Sends one lifecycle action of the open ticket: validated first with the action's shared zod schema
 * (the same one the function parses), sent with the ticket's version (optimistic concurrency), and
 * answered with the ticket's new view.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { TicketInputs } from '../../../shared/actions/ticket';
import { ACTION_LABELS } from '../../../shared/lifecycle';
import { ApiError } from '../../api';
import { FUNCTION_ACTIONS, callTicket, type StaffAction } from '../lib/api';
import type { TicketView } from '../lib/types';

const HAS_CJK = /[\u4e00-\u9fff]/;

/** The first schema complaint a person can read; zod's English defaults become a generic line. */
function firstIssue(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? '';
  return HAS_CJK.test(message) ? message : '请检查填写的内容';
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const issue = err.issues?.find((i) => HAS_CJK.test(i.message));
    return issue ? `${err.message}：${issue.message}` : err.message;
  }
  return err instanceof Error && HAS_CJK.test(err.message) ? err.message : '操作失败，请稍后重试';
}

export interface TicketActionState {
  busy: boolean;
  error: string | null;
  /** Shows a refusal found before sending (a rule the schema cannot express). */
  fail: (message: string) => void;
  /** Sends the action; true when the server accepted it. */
  submit: (action: StaffAction, fields: Record<string, unknown>) => Promise<boolean>;
}

export function useTicketAction(view: TicketView, onDone: (next: TicketView) => void, onStale?: () => void): TicketActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(action: StaffAction, fields: Record<string, unknown>): Promise<boolean> {
    const fn = FUNCTION_ACTIONS[action];
    const schema = TicketInputs[fn] as z.ZodTypeAny;
    const parsed = schema.safeParse({ ticketId: view.ticket.id, version: view.ticket.version, ...fields });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await callTicket<TicketView>(fn, parsed.data);
      void Taro.showToast({ title: `已${ACTION_LABELS[action]}`, icon: 'success' }).catch(() => undefined);
      onDone(next);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TICKET.VERSION_CONFLICT' && onStale) {
        setError('工单已被他人更新，已为您刷新，请核对后重试');
        onStale();
      } else {
        setError(errorText(err));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, fail: setError, submit };
}
