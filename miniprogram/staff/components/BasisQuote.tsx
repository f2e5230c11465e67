/**
 * One 依据 of the route: the list item and its quote in Simplified Chinese with full-width
 * punctuation (shared/jurisdictions/bundled/quotes.ts), and, where that reading differs from the
 * document's words, 查看原文 to show them as written (002 is quoted in Traditional characters).
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Basis } from '../../../shared/domain/ticket';
import { readableQuote } from '../../../shared/jurisdictions/bundled/quotes';
import '../../components/components.css';

export function BasisQuote({ basis }: { basis: Basis }) {
  const [original, setOriginal] = useState(false);
  const reading = readableQuote(basis.text);
  const differs = reading !== basis.text.trim();
  return (
    <View className='basis-quote'>
      <Text className='staff-muted'>
        依据：{basis.item} {reading}
      </Text>
      {differs ? (
        <Text className='link basis-quote__toggle' onClick={() => setOriginal(!original)}>
          {original ? '收起原文' : '查看原文'}
        </Text>
      ) : null}
      {differs && original ? <Text className='staff-muted basis-quote__original'>原文：{basis.text.trim()}</Text> : null}
    </View>
  );
}
