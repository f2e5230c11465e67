/** After-photos: taken or chosen on the phone, uploaded one by one; the form keeps the file ids. */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { photoUrl, uploadPhoto } from '../../api';
import { Button } from '../../ui';
import { choosePhotos } from '../lib/device';

const MAX_PHOTOS = 9;

export function PhotoPicker({ photos, onChange }: { photos: string[]; onChange: (ids: string[]) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const paths = await choosePhotos(MAX_PHOTOS - photos.length);
    if (!paths.length) return;
    setUploading(true);
    setError(null);
    const ids = [...photos];
    try {
      for (const path of paths) ids.push((await uploadPhoto(path)).id);
    } catch (err) {
      setError(err instanceof Error ? err.message : '照片上传失败，请重试');
    } finally {
      setUploading(false);
      onChange(ids);
    }
  }

  return (
    <View className='photo-picker'>
      <View className='photos'>
        {photos.map((id) => (
          <Image key={id} className='photos__item' src={photoUrl(id)} mode='aspectFill' onClick={() => onChange(photos.filter((p) => p !== id))} />
        ))}
      </View>
      <Text className='staff-muted'>已上传 {photos.length} 张（点照片可删除）</Text>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {photos.length < MAX_PHOTOS ? (
        <Button size='small' loading={uploading} onClick={() => void add()}>
          拍照/选择照片
        </Button>
      ) : null}
    </View>
  );
}
