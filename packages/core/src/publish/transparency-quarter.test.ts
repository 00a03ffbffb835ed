import { describe, expect, it } from 'vitest';
import { makeContract } from '../../../../tests/support/contracts.js';
import { parseQuarter, transparencyStanding, type Quarter } from './transparency-quarter.js';

const parsed = parseQuarter('2026Q3');
const q3 = (parsed.success ? parsed.value : undefined) as Quarter;

describe('transparencyStanding', () => {
  it.each([
    ['listed: in force and worth more than £5,000', { startDate: '2026-01-01', endDate: '2026-07-01', value: { total: 5000.01 } }, 'listed'],
    ['listed and marked: no value recorded', { startDate: '2026-01-01', endDate: '2027-01-01', value: {} }, 'no-value'],
    ['left out: exactly £5,000 is not over the threshold', { startDate: '2026-01-01', endDate: '2027-01-01', value: { total: 5000 } }, 'not-over-threshold'],
    ['left out: ended the day before the quarter', { startDate: '2025-01-01', endDate: '2026-06-30', value: { total: 90000 } }, 'ended-before'],
    ['left out: starts the day after the quarter', { startDate: '2026-10-01', endDate: '2027-09-30', value: { total: 90000 } }, 'starts-after'],
  ] as const)('%s', (_, contract, standing) => {
    expect(transparencyStanding(makeContract({ reference: 'CON-1', ...contract }), q3)).toBe(standing);
  });
});
