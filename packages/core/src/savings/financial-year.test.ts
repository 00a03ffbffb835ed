import { describe, expect, it } from 'vitest';
import { financialYearOf, financialYearLabel, financialYearsBetween, parseFinancialYearLabel } from './financial-year.js';

describe('UK financial years', () => {
  it('starts a financial year on 1 April and ends it on 31 March', () => {
    expect(financialYearOf('2024-04-01')).toEqual({ startYear: 2024, label: '2024/25', first: '2024-04-01', last: '2025-03-31' });
    expect(financialYearOf('2025-03-31').label).toBe('2024/25');
    expect(financialYearOf('2025-04-01').label).toBe('2025/26');
  });

  it('writes the year across a century as 1999/00', () => {
    expect(financialYearLabel(1999)).toBe('1999/00');
    expect(parseFinancialYearLabel('1999/00')).toBe(1999);
  });

  it('reads a label back and refuses one whose years do not follow', () => {
    expect(parseFinancialYearLabel('2024/25')).toBe(2024);
    expect(parseFinancialYearLabel('2024/26')).toBeUndefined();
    expect(parseFinancialYearLabel('FY24')).toBeUndefined();
  });

  it('lists every financial year a period touches', () => {
    expect(financialYearsBetween('2025-10-01', '2027-09-30').map((y) => y.label)).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(financialYearsBetween('2024-04-01', '2025-03-31').map((y) => y.label)).toEqual(['2024/25']);
  });
});
