/** Staff entry in the 'staff' subpackage (placeholder): grid, department and police screens come later. */
import { Text, View } from '@tarojs/components';

export default function StaffHomePage() {
  return (
    <View className='staff-home'>
      <Text>工作台</Text>
      <View>
        <Text>网格员、部门和民警的工作入口将在这里开放。</Text>
      </View>
    </View>
  );
}
