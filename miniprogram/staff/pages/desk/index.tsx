/** 业主群警务台 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>业主群警务台</Text>
    </View>
  );
}
