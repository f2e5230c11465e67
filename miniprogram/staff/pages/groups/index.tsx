/** 业主群绑定: binding an estate's owner group comes with the owner-group work (issue 6 §1). */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui';
import { Section } from '../../components/Field';
import { go, staffPaths } from '../../components/navigation';
import '../../styles.css';

export default function OwnerGroupsPage() {
  return (
    <View className='staff staff-groups'>
      <Section title='业主群'>
        <Text className='detail__line'>业主群绑定功能将随业主群工作一同开放：社区工作人员在业主微信群内打开绑定卡片即可绑定。</Text>
        <Text className='staff-muted'>绑定后，群内转发的工单会出现在业主群警务台。</Text>
      </Section>
      <Button block onClick={() => go(staffPaths.desk)}>
        前往业主群警务台
      </Button>
    </View>
  );
}
