import { describe, expect, it } from 'vitest';
import { columnLetter, describeDuration, describeDurations, formatMoney, formatNumber, formatPounds } from './format.js';

describe('describeDuration', () => {
  it('writes 1 month, not 1 months', () => {
    expect(describeDuration({ amount: 1, unit: 'months' })).toBe('1 month');
    expect(describeDuration({ amount: 1, unit: 'years' })).toBe('1 year');
  });

  it('writes 2 months and 90 days in the plural', () => {
    expect(describeDuration({ amount: 2, unit: 'months' })).toBe('2 months');
    expect(describeDuration({ amount: 90, unit: 'days' })).toBe('90 days');
  });

  it('joins extension options with a plus: 1 year + 1 year', () => {
    expect(describeDurations([{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }])).toBe('1 year + 1 year');
    expect(describeDurations([{ amount: 12, unit: 'months' }, { amount: 6, unit: 'months' }])).toBe('12 months + 6 months');
  });
});

describe('money', () => {
  it('writes whole pounds with thousands separators, rounding the pence away', () => {
    expect(formatPounds(1234)).toBe('£1,234');
    expect(formatPounds(1234.56)).toBe('£1,235');
    expect(formatPounds(1_500_000)).toBe('£1,500,000');
    expect(formatPounds(999)).toBe('£999');
    expect(formatPounds(100_000)).toBe('£100,000');
    expect(formatPounds(123_456_789_012)).toBe('£123,456,789,012');
  });

  it('puts a minus sign before the pound sign, and never writes minus nothing', () => {
    expect(formatPounds(-1234)).toBe('−£1,234');
    expect(formatPounds(-0.4)).toBe('£0');
    expect(formatMoney(-12.5)).toBe('−£12.50');
  });

  it('writes pounds and pence as £1,234.56 and £1,234.50, and £100,000 when there are no pence', () => {
    expect(formatMoney(1234.56)).toBe('£1,234.56');
    expect(formatMoney(1234.5)).toBe('£1,234.50');
    expect(formatMoney(100_000)).toBe('£100,000');
    expect(formatMoney(0.1 + 0.2)).toBe('£0.30');
  });

  it('writes a score to at most two decimal places', () => {
    expect(formatNumber(76.333)).toBe('76.33');
    expect(formatNumber(69)).toBe('69');
  });
});

describe('columnLetter', () => {
  it('counts from 1 as Excel numbers its columns: 1 is A, 26 is Z, 27 is AA', () => {
    expect([1, 6, 26, 27, 39, 702, 703].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AM', 'ZZ', 'AAA']);
  });

  it('names the last column Excel has, 16384, XFD', () => {
    expect(columnLetter(16_384)).toBe('XFD');
  });
});
