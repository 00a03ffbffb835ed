import { describe, expect, it } from 'vitest';
import { addDuration, subtractDuration } from './subtract-duration.js';

describe('subtractDuration', () => {
  it('clamps 31 August minus six months to 28 February in an ordinary year', () => {
    expect(subtractDuration('2026-08-31', { amount: 6, unit: 'months' })).toBe('2026-02-28');
  });

  it('clamps 31 August minus six months to 29 February in a leap year', () => {
    expect(subtractDuration('2028-08-31', { amount: 6, unit: 'months' })).toBe('2028-02-29');
  });

  it('clamps 29 February 2028 minus one year to 28 February 2027', () => {
    expect(subtractDuration('2028-02-29', { amount: 1, unit: 'years' })).toBe('2027-02-28');
  });

  it('takes days and weeks across a month and a year boundary', () => {
    expect(subtractDuration('2027-01-10', { amount: 90, unit: 'days' })).toBe('2026-10-12');
    expect(subtractDuration('2027-01-05', { amount: 2, unit: 'weeks' })).toBe('2026-12-22');
  });

  it('adds a year to 31 March', () => {
    expect(addDuration('2026-03-31', { amount: 1, unit: 'years' })).toBe('2027-03-31');
  });
});
