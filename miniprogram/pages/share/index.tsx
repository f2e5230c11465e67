/** 工单公示 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>工单公示</Text>
    </View>
  );
}
