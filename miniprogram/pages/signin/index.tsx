/** 演示账号登录 (placeholder: the screen is being built). */
import { Text, View } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>演示账号登录</Text>
    </View>
  );
}
