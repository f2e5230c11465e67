/** weapp: a phone number to tap and call through Taro.makePhoneCall (H5: PhoneLink.tsx, a tel: link). */
import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { call } from './nav';
import './components.css';

export function PhoneLink({ phone, className = '', children }: { phone: string; className?: string; children?: ReactNode }) {
  return (
    <Text className={`link phone-link ${className}`.trim()} onClick={() => void call(phone)}>
      {children ?? phone}
    </Text>
  );
}
