/**
 * Chinese text takes full-width punctuation (GB/T 15834 标点符号用法). The documents' copies here
 * carry half-width commas and brackets ("整治住宅小區車輛亂停、亂放,占用消防車道"), which read as
 * English typing in the app. A mark is made full-width where it stands next to Chinese; digits and
 * Latin text keep theirs ("17." and "12345" stay). A garbled character in 002's copy is a `?` and
 * stays a `?`: it marks a character lost, not a question.
 */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、]/;
const MARKS: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '!': '！' };

/** Half-width , ; : ! next to Chinese, and ( … ) pairs touching or holding Chinese, made full-width. */
export function fullWidthPunctuation(text: string): string {
  const bracketed = text.replace(/\(([^()]*)\)/g, (match, inner: string, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + match.length] ?? '';
    return CJK.test(inner) || CJK.test(before) || CJK.test(after) ? `（${inner}）` : match;
  });
  return [...bracketed]
    .map((ch, i, all) => {
      const mark = MARKS[ch];
      if (!mark) return ch;
      return CJK.test(all[i - 1] ?? '') || CJK.test(all[i + 1] ?? '') ? mark : ch;
    })
    .join('');
}
