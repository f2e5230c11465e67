/**
 * Report, step one: the estate comes from the noticeboard QR code (`scene` = estate code), the
 * resident picks a category. Danger-to-life categories show the emergency number before anything else.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { CATEGORIES, type Category } from '../../../shared/taxonomy/categories';
import { Button } from '../../ui';
import './index.css';

/** A scanned wxacode carries its scene URL-encoded in query.scene. */
function estateFromQuery(query: Record<string, string | undefined>): string | undefined {
  const scene = query.scene;
  if (!scene) return undefined;
  try {
    return decodeURIComponent(scene);
  } catch {
    return scene;
  }
}

export default function ReportPage() {
  const [estateCode, setEstateCode] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<Category | undefined>(undefined);

  useLoad((query: Record<string, string | undefined>) => setEstateCode(estateFromQuery(query)));

  return (
    <View className='report'>
      <View className='report__estate'>
        {estateCode ? <Text>小区编号：{estateCode}</Text> : <Text>未识别小区：请扫描小区公告栏上的二维码</Text>}
      </View>

      <View className='report__title'>
        <Text>选择问题类型</Text>
      </View>
      <View className='category-grid'>
        {CATEGORIES.map((cat) => (
          <View
            key={cat.code}
            className={[
              'category-tile',
              cat.urgent ? 'category-tile--urgent' : '',
              selected?.code === cat.code ? 'category-tile--selected' : '',
            ].join(' ')}
            onClick={() => setSelected(cat)}
          >
            <Text className='category-tile__label'>{cat.label}</Text>
            {cat.urgent ? <Text className='category-tile__badge'>紧急</Text> : null}
          </View>
        ))}
      </View>

      {selected?.emergencyCall ? (
        <View className='report__emergency'>
          <Text className='report__emergency-text'>
            情况危急请立即拨打 {selected.emergencyCall}，确保人身安全后再上报
          </Text>
          <Button type='danger' block onClick={() => void Taro.makePhoneCall({ phoneNumber: selected.emergencyCall ?? '' })}>
            拨打 {selected.emergencyCall}
          </Button>
        </View>
      ) : null}

      <View className='report__actions'>
        <Button
          type='primary'
          block
          disabled={!selected}
          onClick={() => void Taro.showToast({ title: '填写页面即将开放', icon: 'none' })}
        >
          {selected ? `下一步：${selected.label}` : '请先选择问题类型'}
        </Button>
      </View>
    </View>
  );
}
