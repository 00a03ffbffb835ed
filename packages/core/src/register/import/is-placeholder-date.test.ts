import { describe, expect, it } from 'vitest';
import { isPlaceholderDate } from './is-placeholder-date.js';

describe('isPlaceholderDate', () => {
  it('flags the dates registers write for "unknown"', () => {
    expect(['1900-01-01', '2000-01-01', '1899-12-30', '9999-12-31'].every(isPlaceholderDate)).toBe(true);
  });

  it('accepts ordinary contract dates', () => {
    expect(isPlaceholderDate('2013-04-01')).toBe(false);
    expect(isPlaceholderDate('2000-01-02')).toBe(false);
  });
});
