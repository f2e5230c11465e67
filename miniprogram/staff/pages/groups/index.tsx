/** 业主群绑定 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>业主群绑定</Text>
    </View>
  );
}
