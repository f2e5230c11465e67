/**
 * weapp: WeChat's <map> (Taro `Map`) centred on the place with a marker and a 30 m circle, and a
 * button that opens it in WeChat's own map with navigation (Taro.openLocation). Both take GCJ-02, as
 * the app stores it (WeChat map component docs: the map uses GCJ-02; wx.openLocation: "gcj02").
 * The marker's iconPath names a file of the package ("项目目录下的图片路径", map component docs,
 * marker.iconPath): staff/assets/map-marker.png, copied into the build by config/index.ts.
 */
import { Map, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GeoPoint } from '../../../shared/domain/ticket';
import '../../components/components.css';

/** The marker icon, from the mini-program root (the staff subpackage's own asset). */
export const MARKER_ICON = '/staff/assets/map-marker.png';

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
        // The pin's point is its bottom centre (anchor y 1), on the place itself.
        markers={[{ id: 1, latitude: point.lat, longitude: point.lng, iconPath: MARKER_ICON, width: 24, height: 30, title: name, anchor: { x: 0.5, y: 1 } }]}
        circles={[{ latitude: point.lat, longitude: point.lng, radius: 30, color: '#0a6cceAA', fillColor: '#0a6cce33', strokeWidth: 2 }]}
        onClick={open}
        onMarkerTap={open}
        // A map that fails to load (no network) leaves the address and the button below.
        onError={() => undefined}
      />
      <Text className='link place-map__link' onClick={open}>
        导航到这里
      </Text>
    </View>
  );
}
