/** Uploaded photos in a row; a tap opens the platform's full-screen preview. */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { photoUrl } from '../api';
import './components.css';

export function PhotoStrip({ ids, title }: { ids: readonly string[]; title?: string }) {
  if (ids.length === 0) return null;
  const urls = ids.map(photoUrl);
  return (
    <View>
      {title ? <Text className='muted'>{title}</Text> : null}
      <View className='photos'>
        {urls.map((url) => (
          <View key={url} className='photo' onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}>
            <Image className='photo__image' src={url} mode='aspectFill' />
          </View>
        ))}
      </View>
    </View>
  );
}
