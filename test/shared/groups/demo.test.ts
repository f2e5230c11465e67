import { demoGroupsOf, parseDemoGroupId } from '../../../shared/groups';

describe('demo owner groups', () => {
  it('each estate has the same two groups, named after it', () => {
    expect(demoGroupsOf({ id: 'yn-jinxiu', name: '锦绣花园' })).toEqual([
      { demoGroupId: 'demo.yn-jinxiu.1', estateId: 'yn-jinxiu', name: '锦绣花园业主群', openGId: 'demo:demo.yn-jinxiu.1' },
      { demoGroupId: 'demo.yn-jinxiu.2', estateId: 'yn-jinxiu', name: '锦绣花园业主二群', openGId: 'demo:demo.yn-jinxiu.2' },
    ]);
  });

  it('parses the fixed shapes only', () => {
    expect(parseDemoGroupId('demo.yn-jinxiu.2')).toEqual({ estateId: 'yn-jinxiu', n: 2 });
    expect(parseDemoGroupId('demo.yinchuan.e.1.1')).toEqual({ estateId: 'yinchuan.e.1', n: 1 });
    expect(parseDemoGroupId('demo.yn-jinxiu.3')).toBeNull();
    expect(parseDemoGroupId('demo.yn-jinxiu.0')).toBeNull();
    expect(parseDemoGroupId('yn-jinxiu.1')).toBeNull();
    expect(parseDemoGroupId('demo..1')).toBeNull();
  });
});
