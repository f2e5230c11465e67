/** 调解记录 (police): parties (stored masked), outcome and the agreement text. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TicketInputs } from '../../../../shared/actions/ticket';
import { MEDIATION_OUTCOME_LABELS, MEDIATION_OUTCOMES_WITH_AGREEMENT, TICKET_ERROR_MESSAGES, type MediationOutcome } from '../../../../shared/lifecycle';
import { ChoiceList, Field, TextArea, TextInput } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

/** The outcomes the `mediate` action accepts (its schema), labelled from shared/lifecycle. */
const OUTCOMES: readonly MediationOutcome[] = TicketInputs.mediate.shape.outcome.options;
const CHOICES = OUTCOMES.map((o) => ({ key: o, label: MEDIATION_OUTCOME_LABELS[o] }));

/** "张三、李四" / "张三, 李四" / one per line → ['张三', '李四']. */
export function splitParties(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function MediateForm({ act }: FormProps) {
  const [parties, setParties] = useState('');
  const [outcome, setOutcome] = useState<MediationOutcome | null>(null);
  const [agreement, setAgreement] = useState('');
  const needsAgreement = outcome !== null && MEDIATION_OUTCOMES_WITH_AGREEMENT.includes(outcome);

  function submit() {
    const names = splitParties(parties);
    if (!names.length || !outcome || (needsAgreement && !agreement.trim())) return act.fail(TICKET_ERROR_MESSAGES['TICKET.MISSING_MEDIATION']);
    void act.submit('mediate', { parties: names, outcome, ...(agreement.trim() ? { agreement } : {}) });
  }

  return (
    <View className='action-form'>
      <Field label='当事人（用顿号分隔）' required>
        <TextInput value={parties} onChange={setParties} placeholder='例如：张三、李四' />
      </Field>
      <Text className='staff-muted'>当事人姓名在工单记录中脱敏保存</Text>
      <Field label='调解结果' required>
        <ChoiceList choices={CHOICES} selected={outcome ? [outcome] : []} onToggle={setOutcome} />
      </Field>
      <Field label='协议内容' required={needsAgreement}>
        <TextArea value={agreement} onChange={setAgreement} maxlength={1000} placeholder={needsAgreement ? '达成协议时必填' : '选填'} />
      </Field>
      <SubmitRow action='mediate' act={act} onSubmit={submit} />
    </View>
  );
}
