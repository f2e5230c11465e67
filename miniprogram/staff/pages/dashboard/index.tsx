/** 统计与通报 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>统计与通报</Text>
    </View>
  );
}
