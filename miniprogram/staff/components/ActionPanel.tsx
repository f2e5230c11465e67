/**
 * The buttons of the actions this user may take on the ticket now (`actions` of the ticket view,
 * from shared/lifecycle + permissions on the server), and the form of the one tapped.
 * Nothing is shown for an action the view does not list.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, primaryAction } from '../../../shared/lifecycle';
import { Button } from '../../ui';
import { STAFF_ACTIONS, type StaffAction } from '../lib/api';
import { formatTime } from '../lib/format';
import type { TicketView } from '../lib/types';
import { leadershipOfficeName, unitName } from '../lib/units';
import { ArriveForm } from './forms/ArriveForm';
import { ExtensionForm } from './forms/ExtensionForm';
import { MediateForm } from './forms/MediateForm';
import { MergeForm } from './forms/MergeForm';
import { NOTE_FORMS, NoteForm, type NoteAction } from './forms/NoteForm';
import { OfficerForm } from './forms/OfficerForm';
import { ResolveForm } from './forms/ResolveForm';
import { ReturnForm } from './forms/ReturnForm';
import { SettleForm } from './forms/SettleForm';
import { UnitsForm } from './forms/UnitsForm';
import { WhistleForm } from './forms/WhistleForm';
import type { FormProps } from './forms/types';
import { useTicketAction } from './useTicketAction';

/** The staff actions of a view, in button order, optionally narrowed to those a screen is about. */
export function availableActions(view: TicketView, only?: readonly StaffAction[]): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => view.actions.includes(a) && (!only || only.includes(a)));
}

function isNoteAction(action: StaffAction): action is NoteAction {
  return Object.prototype.hasOwnProperty.call(NOTE_FORMS, action);
}

/** What the officer should know before deciding (the pending extension, the return's reason, the target). */
function introFor(action: StaffAction, view: TicketView): string | undefined {
  const { ticket, events } = view;
  const ext = ticket.pendingExtension;
  if ((action === 'approve-extension' || action === 'refuse-extension') && ext) {
    return `${unitName(ext.unitId, ticket)}申请延期至 ${formatTime(ext.until)}，理由：${ext.reason}`;
  }
  if (action === 'escalate') return `升级至：${leadershipOfficeName(ticket.jurisdiction)}`;
  if (action === 'reroute') {
    const last = [...events].reverse().find((e) => e.action === 'return');
    return last ? `退单单位：${last.actor.unitId ? unitName(last.actor.unitId, ticket) : '—'}；原因：${last.note ?? '—'}` : undefined;
  }
  return undefined;
}

function ActionForm({ action, ...props }: FormProps & { action: StaffAction }) {
  if (isNoteAction(action)) return <NoteForm action={action} intro={introFor(action, props.view)} {...props} />;
  switch (action) {
    case 'merge':
      return <MergeForm {...props} />;
    case 'settle':
      return <SettleForm {...props} />;
    case 'whistle':
      return <WhistleForm {...props} />;
    case 'acknowledge':
    case 'claim':
      return <OfficerForm action={action} {...props} />;
    case 'arrive':
      return <ArriveForm {...props} />;
    case 'resolve':
      return <ResolveForm {...props} />;
    case 'return':
      return <ReturnForm {...props} />;
    case 'request-extension':
      return <ExtensionForm {...props} />;
    case 'reroute':
    case 'handover':
      return <UnitsForm action={action} intro={introFor(action, props.view)} {...props} />;
    case 'mediate':
      return <MediateForm {...props} />;
  }
}

export interface ActionPanelProps {
  view: TicketView;
  /** Only these actions (a list screen about one kind of work); all the view allows when omitted. */
  only?: readonly StaffAction[];
  onChange: (next: TicketView) => void;
  /** Called when the ticket changed under the user (version conflict): reload it. */
  onStale?: () => void;
  /** Called when the action could not be sent now and waits in the outbox (待发送). */
  onQueued?: () => void;
}

export function ActionPanel({ view, only, onChange, onStale, onQueued }: ActionPanelProps) {
  const [open, setOpen] = useState<StaffAction | null>(null);
  const act = useTicketAction(
    view,
    (next) => {
      setOpen(null);
      onChange(next);
    },
    onStale,
    () => {
      setOpen(null);
      onQueued?.();
    },
  );
  const actions = availableActions(view, only);
  if (!actions.length) return <Text className='staff-muted'>当前没有需要您办理的操作</Text>;
  // The step that moves the ticket on is one full-width primary button; the rest stay small.
  const primary = primaryAction(actions);
  const toggle = (a: StaffAction) => {
    act.fail('');
    setOpen(open === a ? null : a);
  };

  return (
    <View className='actions'>
      {primary ? (
        <View className='actions__primary'>
          <Button type='primary' block onClick={() => toggle(primary)}>
            {ACTION_LABELS[primary]}
          </Button>
        </View>
      ) : null}
      <View className='actions__bar'>
        {actions.filter((a) => a !== primary).map((a) => (
          <View key={a} className='actions__bar-item'>
            <Button
              size='small'
              type={open === a ? 'primary' : 'default'}
              onClick={() => toggle(a)}
            >
              {ACTION_LABELS[a]}
            </Button>
          </View>
        ))}
      </View>
      {open && actions.includes(open) ? <ActionForm key={`${open}-${view.ticket.version}`} action={open} view={view} act={act} /> : null}
    </View>
  );
}
