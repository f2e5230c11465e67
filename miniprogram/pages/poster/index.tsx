/** 公告牌海报 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>公告牌海报</Text>
    </View>
  );
}
