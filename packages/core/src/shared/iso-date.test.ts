import { describe, expect, it } from 'vitest';
import { isIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it('accepts 29 February in leap years only', () => {
    expect(['2024-02-29', '2000-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2100-02-29'].map(isIsoDate)).toEqual([false, false]);
  });

  it('refuses days a month does not have, and months past 12', () => {
    expect(['2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00'].some(isIsoDate)).toBe(false);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });

  it('refuses other layouts', () => {
    expect(['31/03/2025', '2025-3-31', '2025-03-31T00:00:00Z', ''].some(isIsoDate)).toBe(false);
  });
});
