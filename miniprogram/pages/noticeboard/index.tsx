/** The estate noticeboard (placeholder): departments, duties and phone numbers come later. */
import { Text, View } from '@tarojs/components';

export default function NoticeboardPage() {
  return (
    <View className='noticeboard'>
      <Text>小区公告栏</Text>
      <View>
        <Text>本小区的责任部门、职责和联系电话将在这里公布。</Text>
      </View>
    </View>
  );
}
