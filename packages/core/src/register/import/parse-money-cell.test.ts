import { describe, expect, it } from 'vitest';
import { parseMoneyCell } from './parse-money-cell.js';

const read = (value: Parameters<typeof parseMoneyCell>[0]) => {
  const reading = parseMoneyCell(value);
  return reading.ok ? reading.value : 'not money';
};

describe('parseMoneyCell', () => {
  it.each([
    ['£1,234.50', 1234.5],
    ['1234.5', 1234.5],
    ['155000.0', 155000],
    ['£1.2m', 1200000],
    ['£250k', 250000],
    ['1,000,000', 1000000],
    ['£ 5,000', 5000],
    ['25000.0 GBP', 25000],
    ['-500', -500],
    ['(1,500.00)', -1500],
  ])('reads %s as £%d', (text, amount) => {
    expect(read(text)).toBe(amount);
  });

  it('keeps pence exact when scaling £1.15m', () => {
    expect(read('£1.15m')).toBe(1150000);
  });

  it('takes a number cell as it is', () => {
    expect(read(135145.26)).toBe(135145.26);
  });

  it('treats a blank cell as no value', () => {
    expect(parseMoneyCell('')).toEqual({ ok: true, value: undefined });
  });

  it.each(['TBC', 'about 5k', '1,23', '£', 'N/A'])('does not understand %s', (text) => {
    expect(parseMoneyCell(text).ok).toBe(false);
  });
});
