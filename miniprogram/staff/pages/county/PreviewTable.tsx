/** Every category under the list routing today and under the draft, the changed ones highlighted. */
import { Text, View } from '@tarojs/components';
import type { PreviewRow } from '../../lib/county';

const units = (lead: string[], resp: string[]) => `牵头：${lead.join('、')}；责任：${resp.join('、') || '—'}`;

export function PreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  return (
    <View>
      <Text className='staff-muted'>{rows.filter((r) => r.changed).length} 个类别有变化（已标出）</Text>
      {rows.map((r) => (
        <View key={r.category} className={`county-row${r.changed ? ' county-row--changed' : ''}`} data-category={r.category} data-changed={r.changed ? 'yes' : 'no'}>
          <Text className='county-row__label'>
            {r.label}
            {r.changed ? <Text className='county-row__flag'>（有变化）</Text> : null}
          </Text>
          <Text className='county-row__line'>现行 {units(r.current.lead, r.current.responsible)}</Text>
          {r.changed ? <Text className='county-row__line'>新版 {units(r.draft.lead, r.draft.responsible)}</Text> : null}
          {r.changed ? <Text className='county-row__line staff-muted'>依据 {r.draft.basis.join('；')}</Text> : null}
        </View>
      ))}
    </View>
  );
}
