import { describe, expect, it } from 'vitest';
import { parseFlagCell } from './parse-flag-cell.js';

describe('parseFlagCell', () => {
  it.each(['Yes', 'Y', 'TRUE', 'x', 'X', 'yes ', '✓'])('reads %s as yes', (text) => {
    expect(parseFlagCell(text)).toEqual({ ok: true, value: true });
  });

  it.each(['No', 'N', 'FALSE', 'no'])('reads %s as no', (text) => {
    expect(parseFlagCell(text)).toEqual({ ok: true, value: false });
  });

  it('reads a checkbox cell and 1/0 numbers', () => {
    expect(parseFlagCell(true)).toEqual({ ok: true, value: true });
    expect(parseFlagCell(0)).toEqual({ ok: true, value: false });
  });

  it('treats blank as not recorded, not as no', () => {
    expect(parseFlagCell('')).toEqual({ ok: true, value: undefined });
  });

  it('does not guess at "maybe" or "2"', () => {
    expect(parseFlagCell('maybe').ok).toBe(false);
    expect(parseFlagCell(2).ok).toBe(false);
  });
});
