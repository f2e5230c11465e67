/**
 * 订阅办理提醒: asks WeChat for the staff subscribe templates on a tap (weapp only; nothing in H5,
 * and nothing when no staff template is configured).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { CAN_SUBSCRIBE, requestStaffSubscription, staffTemplateIds } from '../lib/subscribe';

const RESULT_TEXT = { accepted: '已订阅，有新待办时微信提醒', rejected: '未订阅，可随时再点', unavailable: '暂时无法订阅，请在首页查看待办' } as const;

export function SubscribeButton() {
  const [result, setResult] = useState<keyof typeof RESULT_TEXT | null>(null);
  if (!CAN_SUBSCRIBE || staffTemplateIds().length === 0) return null;
  return (
    <View className='staff-subscribe'>
      <Button size='small' onClick={() => void requestStaffSubscription().then(setResult)}>
        订阅办理提醒
      </Button>
      {result ? <Text className='staff-muted'>{RESULT_TEXT[result]}</Text> : null}
    </View>
  );
}
