/** Danger to life comes first: the category's emergency number (shared/taxonomy emergencyCall) with a call button. */
import { Text, View } from '@tarojs/components';
import { Button } from '../ui';
import { call } from './nav';
import './components.css';

export function EmergencyNotice({ number }: { number: '119' | '110' }) {
  return (
    <View className='emergency'>
      <Text className='emergency__text'>情况危急请立即拨打119/110，确保人身安全后再上报</Text>
      <Button type='danger' block onClick={() => void call(number)}>
        立即拨打 {number}
      </Button>
    </View>
  );
}
