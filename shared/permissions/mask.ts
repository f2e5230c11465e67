/**
 * Masks a person's name for records others read: keeps the first character (the surname in most
 * Chinese names), stars the rest. Idempotent, so already-masked input stays as it is.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812345678 → 138****5678; anything shorter than 7 characters is starred whole. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length < 7) return '*'.repeat(p.length);
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
}

/**
 * Personal numbers hidden from a public surface (issue 18: the share page of a closed ticket shows
 * the resident's description and the fix). A resident or an officer may have typed a phone number
 * or an ID number into the text; the handling chain sees it, a public page must not: the numbers
 * identify a person, as the reporter's own phone does (which no public surface carries).
 * - mainland mobile numbers (11 digits from 13–19) keep their first 3 and last 4 digits: 138****5678;
 * - landlines with an area code (0xx-xxxxxxxx, 0xxx-xxxxxxx) keep the area code: 0951-*******;
 * - 18-character resident ID numbers (17 digits and a digit or X) are hidden whole.
 * Digits glued to other digits are not split: a longer digit run is not a phone number.
 */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})([-－ ]?)(\d{7,8})(?!\d)/g;

export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => '*'.repeat(m.length))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (_m, area: string, sep: string, rest: string) => `${area}${sep}${'*'.repeat(rest.length)}`);
}
