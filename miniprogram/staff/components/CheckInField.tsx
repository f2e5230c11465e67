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
export function isFar(value: CheckInValue | null): boolean {
  return value !== null && value.distance !== null && value.distance > CHECK_IN_RADIUS_METERS;
}

export function CheckInField({ target, value, onChange }: { target: GeoPoint | null; value: CheckInValue | null; onChange: (v: CheckInValue) => void }) {
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
          已打卡{value.distance !== null ? `，距工单位置约 ${formatMeters(value.distance)}` : '（工单未标注位置，无法核对距离）'}
        </Text>
      ) : (
        <Text className='staff-muted'>尚未定位打卡</Text>
      )}
      {isFar(value) ? (
        <Text className='staff-warning'>打卡位置距工单位置超过 {CHECK_IN_RADIUS_METERS} 米，请确认是否在现场，并填写原因</Text>
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <Button size='small' loading={busy} onClick={() => void locate()}>
        {value ? '重新定位' : '定位打卡'}
      </Button>
    </View>
  );
}
