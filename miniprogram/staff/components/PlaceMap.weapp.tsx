/**
 * weapp: WeChat's <map> (Taro `Map`) centred on the place with a 30 m circle, and a button that opens
 * it in WeChat's own map with navigation (Taro.openLocation). Both take GCJ-02, as the app stores it
 * (WeChat map component docs: the map uses GCJ-02; wx.openLocation: "gcj02"). A circle rather than a
 * marker: a marker needs an icon image file that this package does not carry.
 */
import { Map, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GeoPoint } from '../../../shared/domain/ticket';
import '../../components/components.css';

export function PlaceMap({ point, name, address }: { point: GeoPoint; name: string; address?: string | null }) {
  const open = () =>
    void Promise.resolve(Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, address: address ?? '', scale: 17 })).catch(() => undefined);
  return (
    <View className='place-map'>
      <Map
        className='place-map__map'
        latitude={point.lat}
        longitude={point.lng}
        scale={16}
        circles={[{ latitude: point.lat, longitude: point.lng, radius: 30, color: '#0a6cceAA', fillColor: '#0a6cce33', strokeWidth: 2 }]}
        onClick={open}
        // A map that fails to load (no network) leaves the address and the button below.
        onError={() => undefined}
      />
      <Text className='link place-map__link' onClick={open}>
        导航到这里
      </Text>
    </View>
  );
}
