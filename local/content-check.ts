/**
 * The local runtime's content check (the ContentCheck port). Production uses WeChat msgSecCheck v2;
 * here a short word list rejects obviously abusive text so that the refusal path can be tried.
 * It is deliberately small: a demo aid, not a moderation system.
 */
import type { ContentCheck, ContentVerdict } from '../shared/ports/platform';

/** Insults and threats, matched after removing spaces and common separators. */
export const LOCAL_BANNED_WORDS: readonly string[] = [
  '傻逼',
  '傻b',
  'sb玩意',
  '操你',
  '草你妈',
  '你妈的',
  '他妈的',
  '王八蛋',
  '狗日的',
  '滚你',
  '去死',
  '弄死你',
  '杀了你',
  '贱人',
  '畜生',
];

/** Lower-cases and drops whitespace and punctuation people insert to dodge a word list ("傻 逼", "傻*逼"). */
export function normalizeForCheck(text: string): string {
  return text.toLowerCase().replace(/[\s*·.,，。_\-—~!！?？、|/\\]+/g, '');
}

export class LocalContentCheck implements ContentCheck {
  constructor(private readonly words: readonly string[] = LOCAL_BANNED_WORDS) {}

  async checkText(text: string, _openid: string | null): Promise<ContentVerdict> {
    const plain = normalizeForCheck(text);
    const hit = this.words.find((w) => plain.includes(normalizeForCheck(w)));
    return hit ? { ok: false, reason: '含有不文明用语，请修改后再提交' } : { ok: true };
  }
}
