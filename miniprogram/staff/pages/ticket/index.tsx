/** 工单处置 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>工单处置</Text>
    </View>
  );
}
