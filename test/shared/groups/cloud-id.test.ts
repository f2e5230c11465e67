import { openGIdFromResolvedCloudId } from '../../../shared/groups';

describe('openGIdFromResolvedCloudId', () => {
  it('reads getGroupEnterInfo’s opengid and getShareInfo’s openGId', () => {
    expect(openGIdFromResolvedCloudId({ cloudID: 'cid', data: { opengid: 'G-1' } })).toBe('G-1');
    expect(openGIdFromResolvedCloudId({ cloudID: 'cid', data: { openGId: 'G-2' } })).toBe('G-2');
  });

  it('null for anything else', () => {
    for (const v of ['cid', null, 3, { cloudID: 'cid' }, { data: null }, { data: { openGId: '' } }, { data: { opengid: 7 } }]) {
      expect(openGIdFromResolvedCloudId(v)).toBeNull();
    }
  });
});
