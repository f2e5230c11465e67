/**
 * A phone number to tap and call. H5 (and jest): a real tel: link, which the phone's browser hands to
 * its dialer. weapp: PhoneLink.weapp.tsx (Taro.makePhoneCall).
 */
import type { ReactNode } from 'react';
import './components.css';

export function PhoneLink({ phone, className = '', children }: { phone: string; className?: string; children?: ReactNode }) {
  return (
    <a className={`link phone-link ${className}`.trim()} href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={`拨打 ${phone}`}>
      {children ?? phone}
    </a>
  );
}
