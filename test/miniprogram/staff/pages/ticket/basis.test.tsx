/**
 * Staff ticket page, 依据 in Simplified Chinese with the original one tap away (issue 18 §4), network
 * faked at fetch. A Yongning 飞线充电 ticket cites 002 二(二)1(6), quoted in the document's Traditional
 * characters with half-width commas; the page reads it in Simplified with full-width punctuation and
 * 查看原文 shows the document's words as written. A quote already in Simplified offers no 查看原文.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { REGISTRY } from '../../../../../shared/jurisdictions';
import type { Basis, Ticket } from '../../../../../shared/domain/ticket';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn, viewOf } from '../../support';

const DOC_002 = readFileSync(join(__dirname, '../../../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8');
const WRITTEN = '(6)整治地下車庫違規存放易燃易爆物品,防汛應急準備不足,消防設施損壞和居民飛線充電等問題。';

function bundledBasis(jurisdiction: string, category: Ticket['category']): Basis[] {
  const row = REGISTRY.list(jurisdiction)!.rows.find((r) => r.categories.includes(category))!;
  return row.basis.map((b) => ({ source: b.source, item: b.item, text: b.text }));
}

async function open(ticket: Ticket) {
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
  fakeNetwork({ 'ticket.detail': () => viewOf(ticket, []) });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
}

describe('依据 on the staff ticket page (fetch faked)', () => {
  it('reads 002 in Simplified with full-width punctuation; 查看原文 shows the document’s words as written', async () => {
    expect(DOC_002).toContain(WRITTEN);
    const basis = bundledBasis('yongning', 'fly-wire');
    expect(basis.map((b) => b.text.trim())).toContain(WRITTEN);
    const ticket = makeTicket({ route: { ...makeTicket().route, basis } });
    await open(ticket);
    const item = basis.find((b) => b.text.trim() === WRITTEN)!.item;
    expect(screen.getByText(`依据：${item} （6）整治地下车库违规存放易燃易爆物品，防汛应急准备不足，消防设施损坏和居民飞线充电等问题。`)).toBeTruthy();
    expect(document.body.textContent).not.toContain('飛線充電');

    await click('查看原文');
    expect(screen.getByText(`原文：${WRITTEN}`)).toBeTruthy();
    await click('收起原文');
    expect(screen.queryByText(`原文：${WRITTEN}`)).toBeNull();
  });

  it('a quote already in Simplified with full-width punctuation (银川 000 序号3) is shown as written, with no 查看原文', async () => {
    const basis = bundledBasis('yinchuan', 'illegal-fee');
    expect(basis.map((b) => b.item)).toEqual(['序号3']);
    expect(basis[0]!.text).toContain('以及擅自涨价、巧立名目乱收费');
    const ticket = makeTicket({ jurisdiction: 'yinchuan', category: 'illegal-fee', priority: 'normal', route: { ...makeTicket().route, basis } });
    await open(ticket);
    expect(screen.getByText(`依据：序号3 ${basis[0]!.text}`)).toBeTruthy();
    expect(screen.queryByText('查看原文')).toBeNull();
  });
});
