import { describe, expect, it } from 'vitest';
import { cardTail, formatMoney, formatPhone, formatShanghai, moreText } from './format';

describe('formatMoney', () => {
  it('writes amounts the way the anti-fraud reports do: 万 and 亿 above ten thousand yuan', () => {
    expect(formatMoney('98000000')).toBe('98万');
    expect(formatMoney('37690000')).toBe('37.69万');
    expect(formatMoney('1400000000')).toBe('1,400万');
    expect(formatMoney('33800000000')).toBe('3.38亿');
    expect(formatMoney('350000')).toBe('3,500元');
    expect(formatMoney('1250')).toBe('12.5元');
    expect(formatMoney(0)).toBe('0元');
  });
  it('rounds half up to two decimals of the unit without losing precision beyond 2^53', () => {
    expect(formatMoney('1234567')).toBe('1.23万');
    expect(formatMoney('1235000')).toBe('1.24万');
    expect(formatMoney('900719925474099300')).toBe('90,071,992.55亿');
  });
  it('writes yuan with the sign and cents only when there are some, in English', () => {
    expect(formatMoney('98000000', 'en')).toBe('¥980,000');
    expect(formatMoney('1250', 'en')).toBe('¥12.50');
    expect(formatMoney('-305', 'en')).toBe('-¥3.05');
  });
  it('passes through what is not money', () => {
    expect(formatMoney('12.5')).toBe('12.5');
  });
});

describe('formatShanghai', () => {
  it('shows an instant in Shanghai time whatever offset it was written with', () => {
    expect(formatShanghai('2024-08-21T02:05:00.000Z')).toBe('2024-08-21 10:05');
    expect(formatShanghai('2024-08-21T10:05:07+08:00', true)).toBe('2024-08-21 10:05:07');
    expect(formatShanghai('2024-12-31T17:30:00Z')).toBe('2025-01-01 01:30');
  });
});

describe('identifiers', () => {
  it('groups mainland mobile numbers and leaves service and foreign numbers alone', () => {
    expect(formatPhone('+8613917730912')).toBe('+86 139 1773 0912');
    expect(formatPhone('95588')).toBe('95588');
    expect(formatPhone('+85597730730')).toBe('+85597730730');
  });
  it('shows only the last four digits of a card, masked or not', () => {
    expect(cardTail('6212261001730821007')).toBe('•••• 1007');
    expect(cardTail('***************1001')).toBe('•••• 1001');
  });
  it('counts what a truncated neighbourhood left out with the right noun', () => {
    expect(moreText('Phone', 132, 'en')).toBe('and 132 more phones');
    expect(moreText('Person', 1, 'en')).toBe('and 1 more person');
    expect(moreText('Phone', 132, 'zh-CN')).toBe('还有 132 个电话号码');
    expect(moreText('BankCard', 1200, 'zh-CN')).toBe('还有 1,200 张银行卡');
    expect(moreText('Case', 3, 'zh-CN')).toBe('还有 3 起案件');
  });
});
