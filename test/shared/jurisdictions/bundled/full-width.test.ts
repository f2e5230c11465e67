/** Full-width punctuation next to Chinese (GB/T 15834), half-width kept beside digits and Latin text. */
import { fullWidthPunctuation } from '../../../../shared/jurisdictions/bundled/full-width';

describe('fullWidthPunctuation', () => {
  it.each([
    ['整治住宅小區車輛亂停、亂放,占用消防車道', '整治住宅小區車輛亂停、亂放，占用消防車道'],
    ['(1)整治住宅小區私搭亂建問題。', '（1）整治住宅小區私搭亂建問題。'],
    ['強化街道(鄉鎮)屬地管理職責', '強化街道（鄉鎮）屬地管理職責'],
    ['牽頭部門:縣住建局;責任部門:縣公安局', '牽頭部門：縣住建局；責任部門：縣公安局'],
    ['“遛狗不拴繩”,以及', '“遛狗不拴繩”，以及'],
  ])('%s → %s', (text, expected) => {
    expect(fullWidthPunctuation(text)).toBe(expected);
  });

  it.each([
    ['17.开展联合执法', '17.开展联合执法'],
    ['12345 hotline (24h), 8:00', '12345 hotline (24h), 8:00'],
    // A character lost in 002's copy is a `?`: not a question mark to convert.
    ['物業?務', '物業?務'],
  ])('leaves %s as it is', (text, expected) => {
    expect(fullWidthPunctuation(text)).toBe(expected);
  });
});
