import { ReportInputs as I } from '../../../shared/actions/report';
import { action, createFunction } from '../router';
import { ownerGroupsForResident, shareToGroup } from '../usecases/groups';
import { redeemInvitation } from '../usecases/invitations';
import { reservePhotoUpload } from '../usecases/photos';
import * as uc from '../usecases/report';
import { requireIdentity } from '../usecases/support';
import { suggestCategory } from '../usecases/suggest';

/** `report`: the resident's actions, plus the public estate lookups used before signing in. */
export const report = createFunction('report', {
  submit: action({ input: I.submit, auth: 'user', run: (d, id, x) => uc.submitReport(d, requireIdentity(id), x) }),
  listMine: action({ input: I.listMine, auth: 'user', run: (d, id, x) => uc.listMine(d, requireIdentity(id), x) }),
  detail: action({ input: I.detail, auth: 'user', run: (d, id, x) => uc.detail(d, requireIdentity(id), x) }),
  confirm: action({ input: I.confirm, auth: 'user', run: (d, id, x) => uc.confirm(d, requireIdentity(id), x) }),
  reopen: action({ input: I.reopen, auth: 'user', run: (d, id, x) => uc.reopen(d, requireIdentity(id), x) }),
  appeal: action({ input: I.appeal, auth: 'user', run: (d, id, x) => uc.appeal(d, requireIdentity(id), x) }),
  rate: action({ input: I.rate, auth: 'user', run: (d, id, x) => uc.rate(d, requireIdentity(id), x) }),
  meToo: action({ input: I.meToo, auth: 'user', run: (d, id, x) => uc.meToo(d, requireIdentity(id), x) }),
  nearby: action({ input: I.nearby, auth: 'public', run: (d, id, x) => uc.nearby(d, id, x) }),
  estateByScene: action({ input: I.estateByScene, auth: 'public', run: (d, _id, x) => uc.estateByScene(d, x) }),
  estates: action({ input: I.estates, auth: 'public', run: (d, _id, x) => uc.estates(d, x) }),
  noticeboard: action({ input: I.noticeboard, auth: 'public', run: (d, _id, x) => uc.noticeboard(d, x) }),
  publicView: action({ input: I.publicView, auth: 'public', run: (d, _id, x) => uc.publicTicket(d, x) }),
  shareToGroup: action({ input: I.shareToGroup, auth: 'user', run: (d, id, x) => shareToGroup(d, requireIdentity(id), x) }),
  ownerGroups: action({ input: I.ownerGroups, auth: 'user', run: (d, _id, x) => ownerGroupsForResident(d, x) }),
  me: action({
    input: I.me,
    auth: 'public',
    run: async (_d, id) => (id ? { signedIn: true, userId: id.userId, name: id.name ?? null, roles: [...new Set(id.grants.map((g) => g.role))] } : { signedIn: false }),
  }),
  // Any signed-in user, before each photo it uploads straight to storage (residents and staff alike).
  photoSlot: action({ input: I.photoSlot, auth: 'user', run: (d, id) => reservePhotoUpload(d, requireIdentity(id).userId) }),
  // Any signed-in WeChat user: binds the caller's own openid (platform context) to a staff record.
  redeemInvitation: action({ input: I.redeemInvitation, auth: 'user', run: (d, id, x) => redeemInvitation(d, requireIdentity(id), x) }),
  // Anyone, signed in or not: a pure function of the text, nothing stored.
  suggestCategory: action({ input: I.suggestCategory, auth: 'public', run: async (_d, _id, x) => suggestCategory(x) }),
  inbox: action({ input: I.inbox, auth: 'user', run: async (d, id, x) => ({ items: await d.store.listInbox(requireIdentity(id).userId, x) }) }),
  markRead: action({
    input: I.markRead,
    auth: 'user',
    run: async (d, id, x) => {
      await d.store.markRead(requireIdentity(id).userId, x.ids, d.clock.now());
      return { read: x.ids.length };
    },
  }),
});
