import { describe, expect, it } from 'vitest';
import { asOfOption, isoDateOption } from './as-of-option.js';

describe('asOfOption', () => {
  it('prefers the date given, and refuses one that is not YYYY-MM-DD', () => {
    expect(asOfOption('2026-01-15', () => new Date('2030-01-01T00:00:00Z'))).toBe('2026-01-15');
    expect(asOfOption(undefined, () => new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(() => asOfOption('15/01/2026', undefined)).toThrow('--as-of "15/01/2026" is not a date');
  });
});

describe('isoDateOption', () => {
  it('refuses 31 February, which a Date would roll over into March', () => {
    expect(() => isoDateOption('--end-date', '2026-02-31')).toThrow('--end-date "2026-02-31" is not a date');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(isoDateOption('--date', '2028-02-29')).toBe('2028-02-29');
    expect(() => isoDateOption('--date', '2027-02-29')).toThrow('is not a date');
  });
});
