/** My tickets (placeholder until the resident ticket list is built). */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

export default function MinePage() {
  return (
    <View className='mine'>
      <Text>我的上报</Text>
      <View>
        <Text>还没有上报记录。</Text>
        <Text onClick={() => void Taro.redirectTo({ url: '/pages/report/index' })}>去上报问题</Text>
      </View>
    </View>
  );
}
