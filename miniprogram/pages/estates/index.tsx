/**
 * 选择小区: when the resident came without a noticeboard QR code. Nearest estates first when the
 * phone shares its location (report.estates with `near`), otherwise by name; a search box filters by
 * name or address. Picking one remembers it and opens the report page for it.
 */
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { friendlyMessage } from '../../components/errors';
import { rememberEstate } from '../../components/estate-choice';
import { distanceText } from '../../components/distance';
import { currentPosition, type Position } from '../../components/location';
import { go, PAGES, replace } from '../../components/nav';
import { residentApi, type EstateListItem } from '../../components/resident-api';
import { Button, TextField } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

function EstatesPage() {
  const [items, setItems] = useState<EstateListItem[]>([]);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'locating' | 'loading' | 'ready' | 'error'>('locating');
  const [error, setError] = useState<string | null>(null);
  const [located, setLocated] = useState(false);
  const near = useRef<Position | null>(null);

  const search = async (text: string) => {
    setStatus('loading');
    try {
      const q = text.trim();
      const page = await residentApi.estates({ near: near.current, limit: 30, ...(q ? { query: q } : {}) });
      setItems(page.items);
      setStatus('ready');
      setError(null);
    } catch (err) {
      setStatus('error');
      setError(friendlyMessage(err));
    }
  };

  useLoad(() => {
    void (async () => {
      near.current = await currentPosition();
      setLocated(near.current !== null);
      await search('');
    })();
  });

  const pick = (estate: EstateListItem) => {
    const { distanceMeters: _distance, ...info } = estate;
    rememberEstate(info);
    void replace(PAGES.report, { estate: estate.sceneCode });
  };

  return (
    <View className='estates'>
      <View className='card'>
        <TextField label='搜索小区' name='query' value={query} placeholder='输入小区名称或地址' maxlength={50} onChange={setQuery} />
        <Button type='primary' block onClick={() => void search(query)}>
          搜索
        </Button>
        <Text className='muted estates__hint'>
          {status === 'locating' ? '正在获取您的位置…' : located ? '已按离您的距离由近到远排列' : '未获取到位置，按小区名称排列'}
        </Text>
      </View>

      {status === 'error' && error ? (
        <View className='banner banner--error'>
          <Text>{error}</Text>
          <Text className='link' onClick={() => void search(query)}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {status === 'loading' ? <Text className='muted'>正在加载…</Text> : null}
      {status === 'ready' && items.length === 0 ? <Text className='muted'>没有找到符合条件的小区</Text> : null}

      {items.map((estate) => (
        <View key={estate.id} className='list-item estates__item' data-estate={estate.id} onClick={() => pick(estate)}>
          <View className='row row--between'>
            <Text className='list-item__title'>{estate.name}</Text>
            {distanceText(estate.distanceMeters) ? <Text className='muted'>{distanceText(estate.distanceMeters)}</Text> : null}
          </View>
          <Text className='list-item__meta'>{estate.address}</Text>
          <Text
            className='link estates__board'
            onClick={(event) => {
              event.stopPropagation();
              void go(PAGES.noticeboard, { estate: estate.id });
            }}
          >
            查看小区公告栏
          </Text>
        </View>
      ))}
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(EstatesPage);
