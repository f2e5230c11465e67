/** 退单: not our duty / wrong address / duplicate, with a reason; the ticket goes to the street. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RETURN_REASON_CODES, RETURN_REASON_LABELS, TICKET_ERROR_MESSAGES, type ReturnReasonCode } from '../../../../shared/lifecycle';
import { ChoiceList, Field, TextArea } from '../Field';
import { SubmitRow } from './SubmitRow';
import type { FormProps } from './types';

const CHOICES = RETURN_REASON_CODES.map((code) => ({ key: code, label: RETURN_REASON_LABELS[code] }));

export function ReturnForm({ act }: FormProps) {
  const [code, setCode] = useState<ReturnReasonCode | null>(null);
  const [reason, setReason] = useState('');
  function submit() {
    if (!code) return act.fail(TICKET_ERROR_MESSAGES['TICKET.INVALID_REASON_CODE']);
    void act.submit('return', { reasonCode: code, reason });
  }
  return (
    <View className='action-form'>
      <Text className='staff-muted'>退单后工单交由街道（乡镇）重新派单</Text>
      <Field label='退单原因类别' required>
        <ChoiceList choices={CHOICES} selected={code ? [code] : []} onToggle={setCode} />
      </Field>
      <Field label='具体原因' required>
        <TextArea value={reason} onChange={setReason} placeholder='例如：依据责任清单应由哪个单位办理' />
      </Field>
      <SubmitRow action='return' act={act} onSubmit={submit} />
    </View>
  );
}
