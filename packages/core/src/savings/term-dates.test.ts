import { describe, expect, it } from 'vitest';
import { addMonthsClamped, dayFromEpoch, epochDay } from './term-dates.js';

describe('term dates', () => {
  it('adds months like EDATE, clamping 31 January + 1 month to the last day of February', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-04-01', 36)).toBe('2027-04-01');
    expect(addMonthsClamped('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('counts calendar days across a leap day', () => {
    expect(epochDay('2024-03-01') - epochDay('2024-02-28')).toBe(2);
    expect(dayFromEpoch(epochDay('2024-02-29'))).toBe('2024-02-29');
  });
});
