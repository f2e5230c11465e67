/**
 * After-photos: taken or chosen on the phone and uploaded at once when there is signal; a photo whose
 * upload fails stays a local path and is uploaded when the action is sent (weak signal, issue 18 §4).
 */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { isNetworkError, photoUrl, uploadPhoto } from '../../api';
import type { OutboxPhoto } from '../../drafts/staff-outbox';
import { Button } from '../../ui';
import { choosePhotos } from '../lib/device';

const MAX_PHOTOS = 9;

export function PhotoPicker({ photos, onChange }: { photos: OutboxPhoto[]; onChange: (photos: OutboxPhoto[]) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const paths = await choosePhotos(MAX_PHOTOS - photos.length);
    if (!paths.length) return;
    setUploading(true);
    setError(null);
    const next = [...photos];
    let offline = false;
    for (const path of paths) {
      if (offline) {
        next.push({ path });
        continue;
      }
      try {
        next.push({ path, id: (await uploadPhoto(path)).id });
      } catch (err) {
        if (isNetworkError(err)) {
          // No signal: the photo is kept on the phone and goes with the action.
          offline = true;
          next.push({ path });
        } else setError(err instanceof Error ? err.message : '照片上传失败，请重试');
      }
    }
    setUploading(false);
    onChange(next);
  }

  const uploaded = photos.filter((p) => p.id).length;
  const waiting = photos.length - uploaded;
  return (
    <View className='photo-picker'>
      <View className='photos'>
        {photos.map((p) => (
          <Image key={p.path} className='photos__item' src={p.id ? photoUrl(p.id) : p.path} mode='aspectFill' onClick={() => onChange(photos.filter((x) => x.path !== p.path))} />
        ))}
      </View>
      <Text className='staff-muted'>
        已上传 {uploaded} 张{waiting ? `，${waiting} 张暂存手机（发送时上传）` : ''}（点照片可删除）
      </Text>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {photos.length < MAX_PHOTOS ? (
        <Button size='small' loading={uploading} onClick={() => void add()}>
          拍照/选择照片
        </Button>
      ) : null}
    </View>
  );
}
