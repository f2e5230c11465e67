/**
 * H5 (and jest): the place as a link to the Amap web map with a marker (miniprogram/staff/lib/place.ts
 * amapMarkerUrl); a browser has no map component of its own here. weapp: PlaceMap.weapp.tsx.
 */
import type { GeoPoint } from '../../../shared/domain/ticket';
import { amapMarkerUrl } from '../lib/place';
import '../../components/components.css';

export function PlaceMap({ point, name }: { point: GeoPoint; name: string; address?: string | null }) {
  return (
    <a className='link place-map__link' href={amapMarkerUrl(point, name)} target='_blank' rel='noopener noreferrer'>
      在地图上查看位置
    </a>
  );
}
