import { maskPersonalNumbers } from '../../../shared/permissions/mask';

describe('maskPersonalNumbers', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPersonalNumbers('有事打我电话13812345678，谢谢')).toBe('有事打我电话138****5678，谢谢');
    expect(maskPersonalNumbers('19912345678')).toBe('199****5678');
  });

  it('hides a landline after its area code, with or without the dash', () => {
    expect(maskPersonalNumbers('物业电话0951-5012345')).toBe('物业电话0951-*******');
    expect(maskPersonalNumbers('电话 010-12345678 找张师傅')).toBe('电话 010-******** 找张师傅');
    // Without a dash the area code's length is unknown: at most four digits stay.
    expect(maskPersonalNumbers('电话01012345678')).toBe('电话0101*******');
  });

  it('hides an 18-character ID number whole, X included', () => {
    expect(maskPersonalNumbers('身份证64012119800101123X')).toBe(`身份证${'*'.repeat(18)}`);
    expect(maskPersonalNumbers('640121198001011234')).toBe('*'.repeat(18));
  });

  it('leaves the words, addresses, dates and short numbers of a report alone', () => {
    const text = '5号楼2单元302室门口，2026年12月6日晚上8点，停了3辆电动车，收费120元';
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('does not cut a number out of a longer run of digits', () => {
    expect(maskPersonalNumbers('编号1381234567890')).toBe('编号1381234567890');
  });
});
