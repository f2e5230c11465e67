/** Normalisation: width, case, digits, punctuation and emoji say nothing about the problem. */
import { normalize } from '../../../shared/classify/normalize';

describe('normalize', () => {
  it('turns full-width letters and digits half-width and lower case', () => {
    expect(normalize('ＡＢＣ１２３号楼')).toBe('abc0号楼');
  });

  it('collapses every digit run, Arabic or Chinese before a counter, to 0', () => {
    expect(normalize('3号楼12层')).toBe(normalize('三号楼十二层'));
    expect(normalize('3号楼12层')).toBe('0号楼0层');
  });

  it('replaces punctuation and emoji by a single space and trims', () => {
    expect(normalize('！！楼道，堆满了😡😡东西。。')).toBe('楼道 堆满了 东西');
  });

  it('rewrites typos and homophones to the word they stand for', () => {
    expect(normalize('飞线冲电')).toBe('飞线充电');
    expect(normalize('电屏车')).toBe('电瓶车');
    expect(normalize('小电驴')).toBe('电动车');
    expect(normalize('物叶不管拉圾')).toBe('物业不管垃圾');
  });

  it('is idempotent', () => {
    for (const t of ['飞线冲电', '电屏车进电T', '３号楼 WY 不管！']) expect(normalize(normalize(t))).toBe(normalize(t));
  });
});
