/**
 * Danger to life: the category's emergency number (shared/taxonomy emergencyCall) stays in view with
 * a call button, as a notice beside the form — secondary to 提交 (an outlined, compact button; the
 * form's one filled primary action is 提交).
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../ui';
import { call } from './nav';
import './components.css';

export function EmergencyNotice({ number }: { number: '119' | '110' }) {
  return (
    <View className='emergency' role='note'>
      <Text className='emergency__text'>情况危急请立即拨打119/110，确保人身安全后再上报</Text>
      <View className='emergency__call'>
        <Button type='danger' plain onClick={() => void call(number)}>
          立即拨打 {number}
        </Button>
      </View>
    </View>
  );
}
