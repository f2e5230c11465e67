/**
 * On-site check-in: the phone's position and its distance to the ticket's location (shared/geo).
 * Beyond CHECK_IN_RADIUS_METERS the form shows a warning and asks for a reason.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { GeoPoint } from '../../../shared/domain/ticket';
import { distanceMeters } from '../../../shared/geo';
import { CHECK_IN_RADIUS_METERS } from '../../../shared/lifecycle';
import { Button } from '../../ui';
import { checkIn } from '../lib/device';
import { formatMeters } from '../lib/format';

export interface CheckInValue {
  location: GeoPoint;
  /** Metres from the ticket's location; null when the ticket has none. */
  distance: number | null;
}

/** Whether a check-in is too far away to pass without a reason. */
export function isFar(value: CheckInValue | null, radius: number = CHECK_IN_RADIUS_METERS): boolean {
  return value !== null && value.distance !== null && value.distance > radius;
}

/**
 * `place` names what the distance is measured to: the ticket's position by default; a patrol without
 * a ticket (执法进小区) measures to the estate ('小区位置') within its own radius.
 */
export function CheckInField({
  target,
  value,
  onChange,
  place = '工单位置',
  radius = CHECK_IN_RADIUS_METERS,
}: {
  target: GeoPoint | null;
  value: CheckInValue | null;
  onChange: (v: CheckInValue) => void;
  place?: string;
  radius?: number;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function locate() {
    setBusy(true);
    setError(null);
    try {
      const location = await checkIn();
      onChange({ location, distance: target ? distanceMeters(target, location) : null });
    } catch (err) {
      setError(err instanceof Error ? err.message : '定位失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='check-in'>
      {value ? (
        <Text className='detail__line'>
          已打卡{value.distance !== null ? `，距${place}约 ${formatMeters(value.distance)}` : `（${place.replace(/位置$/, '')}未标注位置，无法核对距离）`}
        </Text>
      ) : (
        <Text className='staff-muted'>尚未定位打卡</Text>
      )}
      {isFar(value, radius) ? (
        <Text className='staff-warning'>
          打卡位置距{place}超过 {radius} 米，请确认是否在现场{place === '工单位置' ? '，并填写原因' : ''}
        </Text>
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <Button size='small' loading={busy} onClick={() => void locate()}>
        {value ? '重新定位' : '定位打卡'}
      </Button>
    </View>
  );
}
