import { METRIC_DEFINITIONS, RATE_KEYS } from '../../../shared/metrics/definitions';

describe('METRIC_DEFINITIONS', () => {
  it('labels the rates as the dashboards name them', () => {
    expect(RATE_KEYS.map((k) => METRIC_DEFINITIONS[k].label)).toEqual(['响应率', '解决率', '满意率', '按时办结率']);
    expect(RATE_KEYS.every((k) => METRIC_DEFINITIONS[k].kind === 'rate')).toBe(true);
  });

  it.each(Object.entries(METRIC_DEFINITIONS))('%s has a one-sentence Chinese definition', (_key, def) => {
    expect(def.definition).toMatch(/[\u4e00-\u9fff]/);
    // One sentence: a single full stop, at the end.
    expect(def.definition.split('。')).toHaveLength(2);
    expect(def.definition.endsWith('。')).toBe(true);
  });

  it('says what counts for 满意率 and that a reopen is "not fixed"', () => {
    expect(METRIC_DEFINITIONS.satisfactionRate.definition).toContain('基本满意');
    expect(METRIC_DEFINITIONS.resolutionRate.definition).toContain('重办');
  });
});
