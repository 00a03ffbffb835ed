import { describe, expect, it } from 'vitest';
import { parseDurationCell } from './parse-duration-cell.js';

describe('parseDurationCell', () => {
  it.each([
    ['3 months', 3, 'months'],
    ['90 days', 90, 'days'],
    ['12 weeks', 12, 'weeks'],
    ['1 year', 1, 'years'],
    ['6 mths', 6, 'months'],
    ['2yrs', 2, 'years'],
  ])('reads %s', (text, amount, unit) => {
    expect(parseDurationCell(text)).toEqual({ ok: true, value: { amount, unit } });
  });

  it('refuses a bare number, which could be days, weeks or months', () => {
    expect(parseDurationCell('3').ok).toBe(false);
    expect(parseDurationCell(3).ok).toBe(false);
  });

  it('treats blank as no notice period', () => {
    expect(parseDurationCell(' ')).toEqual({ ok: true, value: undefined });
  });
});
