import { View } from '@tarojs/components';
import { ACTION_LABELS } from '../../../../shared/lifecycle';
import { Button } from '../../../ui';
import type { StaffAction } from '../../lib/api';
import { ErrorText } from '../Field';
import type { TicketActionState } from '../useTicketAction';

/** Actions that cannot be taken back, or that push the ticket up the ladder, get the danger colour. */
const DANGER: readonly StaffAction[] = ['reject', 'return', 'verify-fail', 'escalate', 'refuse-extension'];

export function SubmitRow({ action, act, onSubmit }: { action: StaffAction; act: TicketActionState; onSubmit: () => void }) {
  return (
    <View className='action-form__submit'>
      <ErrorText error={act.error} />
      <Button type={DANGER.includes(action) ? 'danger' : 'primary'} block loading={act.busy} onClick={onSubmit}>
        确认{ACTION_LABELS[action]}
      </Button>
    </View>
  );
}
