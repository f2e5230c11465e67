/** 选择小区 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>选择小区</Text>
    </View>
  );
}
