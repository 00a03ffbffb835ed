import { describe, expect, it } from 'vitest';
import { asOfOption } from './as-of-option.js';

describe('asOfOption', () => {
  it('prefers the date given, and refuses one that is not YYYY-MM-DD', () => {
    expect(asOfOption('2026-01-15', () => new Date('2030-01-01T00:00:00Z'))).toBe('2026-01-15');
    expect(asOfOption(undefined, () => new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(() => asOfOption('15/01/2026', undefined)).toThrow('--as-of "15/01/2026" is not a date');
  });
});
