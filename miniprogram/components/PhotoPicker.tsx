/**
 * Up to 9 photos: camera or album through Taro.chooseImage (compressed by the platform before upload),
 * a progress bar while each uploads, × to remove. Choosing and uploading are the page's business
 * (onChoose gets the local paths); this shows them.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { photoUrl } from '../api';
import type { DraftPhoto } from '../drafts/draft';
import { Progress } from '../ui';
import './components.css';

export const MAX_PHOTOS = 9;

export interface PhotoPickerProps {
  photos: DraftPhoto[];
  /** Upload progress by local path (0–100) for photos being uploaded now. */
  progress: Readonly<Record<string, number>>;
  disabled?: boolean;
  onChoose: (paths: string[]) => void;
  onRemove: (path: string) => void;
}

export function photoSrc(photo: DraftPhoto): string {
  return photo.id ? photoUrl(photo.id) : photo.path;
}

export function PhotoPicker({ photos, progress, disabled, onChoose, onRemove }: PhotoPickerProps) {
  const room = MAX_PHOTOS - photos.length;

  const choose = async () => {
    if (disabled || room <= 0) return;
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
      const paths = (res.tempFilePaths ?? []).slice(0, room);
      if (paths.length) onChoose(paths);
    } catch {
      // Cancelled by the resident.
    }
  };

  return (
    <View className='photos'>
      {photos.map((photo) => {
        const percent = progress[photo.path];
        return (
          <View key={photo.path} className='photo'>
            <Image className='photo__image' src={photoSrc(photo)} mode='aspectFill' />
            {!disabled ? (
              <Text className='photo__remove' aria-label='删除照片' onClick={() => onRemove(photo.path)}>
                ×
              </Text>
            ) : null}
            {percent !== undefined ? (
              <View className='photo__status'>
                <Progress percent={percent} />
              </View>
            ) : !photo.id ? (
              <Text className='photo__status'>待上传</Text>
            ) : null}
          </View>
        );
      })}
      {disabled && photos.length === 0 ? <Text className='photos__none'>未添加照片</Text> : null}
      {room > 0 && !disabled ? (
        <View className='photo photo--add' onClick={() => void choose()}>
          <Text className='photo--add__plus'>＋</Text>
          <Text>
            拍照/相册 {photos.length}/{MAX_PHOTOS}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
