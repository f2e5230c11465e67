/** Input hygiene: what an attacker pastes into a description (issue 14 "Low"). */
import { cleanStrings, cleanText } from '../../../shared/text/clean';

it.each([
  ['NUL', '飞线\u0000充电', '飞线充电'],
  ['an ANSI colour sequence (its ESC)', '\u001b[31m飞线充电', '[31m飞线充电'],
  ['a right-to-left override', '\u202E电充线飞', '电充线飞'],
  ['bidi isolates and marks', '\u2066a\u2069\u200Fb\u200E', 'ab'],
  ['zero-width spaces and the BOM', '\uFEFF飞\u200B线\u2060充电', '飞线充电'],
  ['C1 controls and DEL', 'a\u0085b\u009Bc\u007F', 'abc'],
])('removes %s', (_what, input, expected) => {
  expect(cleanText(input)).toBe(expected);
});

it('keeps line feeds, tabs, emoji joiners and Chinese punctuation; CRLF becomes LF', () => {
  expect(cleanText('第一行\r\n第二行\r第三行\t完')).toBe('第一行\n第二行\n第三行\t完');
  const family = '👨\u200D👩\u200D👧';
  expect(cleanText(family)).toBe(family);
  expect(cleanText('“楼道”，（3号楼）！')).toBe('“楼道”，（3号楼）！');
});

it('cleans every string inside a request body, and drops a __proto__ key', () => {
  const body = JSON.parse('{"a":"x\\u0000y","b":[{"c":"\\u200bz"}],"n":3,"t":true,"__proto__":{"polluted":"yes"}}');
  const out = cleanStrings(body) as Record<string, unknown>;
  expect(out).toEqual({ a: 'xy', b: [{ c: 'z' }], n: 3, t: true });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
});
