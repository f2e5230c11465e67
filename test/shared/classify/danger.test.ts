/**
 * Issue 16 §5: "Suggesting 119/110 for danger to life keeps working from the text: fire, gas smell,
 * someone trapped." The three sentences of the brief, and the everyday ways of saying them.
 */
import { dangerHint } from '../../../shared/classify/danger';

describe('dangerHint: 119/110 from the resident\'s words', () => {
  it.each(['楼道里着火了', '闻到很大煤气味', '电梯里困人了'])('"%s" → 119 (fire, gas smell, someone trapped)', (text) => {
    expect(dangerHint(text)).toBe('119');
  });

  it.each(['3号楼地下室冒烟了，好大的味道', '厨房那边天然气泄漏了！！', '我家孩子被关在电梯里出不来', '电瓶车烧起来了快来人', '楼上燃汽味特别重'])('"%s" → 119', (text) => {
    expect(dangerHint(text)).toBe('119');
  });

  it.each(['楼下有人打架，拿刀了', '有人正在偷电动车', '小区门口两个人打起来了'])('"%s" → 110 (violence, theft in progress)', (text) => {
    expect(dangerHint(text)).toBe('110');
  });

  it.each(['楼道堆了很多纸箱子', '物业乱收停车费', '小区搞消防演练着火演习太吵了', '电梯经常停运'])('"%s" → no emergency call', (text) => {
    expect(dangerHint(text)).toBeNull();
  });
});
