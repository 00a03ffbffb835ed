import { describe, expect, it } from 'vitest';
import { parseDateCell } from './parse-date-cell.js';

const read = (value: Parameters<typeof parseDateCell>[0]) => {
  const reading = parseDateCell(value);
  return reading.ok ? reading.value : 'not a date';
};

describe('parseDateCell', () => {
  it.each([
    ['31/03/2025', '2025-03-31'],
    ['1/4/25', '2025-04-01'],
    ['31-Mar-2025', '2025-03-31'],
    ['01-Apr-2013', '2013-04-01'],
    ['31 March 2025', '2025-03-31'],
    ['1st April 2025', '2025-04-01'],
    ['2025-03-31', '2025-03-31'],
    ['2025-03-31T00:00:00Z', '2025-03-31'],
    ['2025-03-31 00:00:00', '2025-03-31'],
    ['2026-01-05T23:59:59+01:00', '2026-01-05'],
    ['  31/03/2025 ', '2025-03-31'],
  ])('reads the council-written date %s as %s, day first', (text, iso) => {
    expect(read(text)).toBe(iso);
  });

  it('reads 04/09/2014 as 4 September, never 9 April', () => {
    expect(read('04/09/2014')).toBe('2014-09-04');
  });

  it('reads a real Excel date cell as its calendar day', () => {
    expect(read(new Date(Date.UTC(2026, 2, 31)))).toBe('2026-03-31');
  });

  it('reads an Excel serial number, as the streaming reader gives dates whose style it has not seen', () => {
    expect(read(45747)).toBe('2025-03-31');
    expect(read('45747')).toBe('2025-03-31');
  });

  it('ignores the time part of a serial number', () => {
    expect(read(45747.75)).toBe('2025-03-31');
  });

  it('takes 1/4/70 as 1970 and 1/4/69 as 2069, as Excel does', () => {
    expect(read('1/4/70')).toBe('1970-04-01');
    expect(read('1/4/69')).toBe('2069-04-01');
  });

  it('treats a blank cell as no date rather than a problem', () => {
    expect(parseDateCell('  ')).toEqual({ ok: true, value: undefined });
    expect(parseDateCell(undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each(['TBC', '31/02/2025', '13/13/2025', 'ongoing', '2025', 'true'])('does not understand %s', (text) => {
    expect(parseDateCell(text).ok).toBe(false);
  });

  it('does not understand a boolean or a negative serial', () => {
    expect(parseDateCell(true).ok).toBe(false);
    expect(parseDateCell(-3).ok).toBe(false);
  });
});
