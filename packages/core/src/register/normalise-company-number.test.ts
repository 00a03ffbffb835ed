import { describe, expect, it } from 'vitest';
import { normaliseCompanyNumber } from './normalise-company-number.js';

describe('normaliseCompanyNumber', () => {
  it('treats 4841343, 04841343 and gb/04841343 as one company', () => {
    expect(normaliseCompanyNumber('4841343')).toBe('04841343');
    expect(normaliseCompanyNumber('04841343')).toBe('04841343');
    expect(normaliseCompanyNumber('gb/04841343')).toBe('04841343');
    expect(normaliseCompanyNumber('GB-COH-4841343')).toBe('04841343');
  });

  it('keeps the Scottish prefix and upper-cases it', () => {
    expect(normaliseCompanyNumber('SC257136')).toBe('SC257136');
    expect(normaliseCompanyNumber(' sc257136 ')).toBe('SC257136');
    expect(normaliseCompanyNumber('SC57136')).toBe('SC057136');
  });

  it('rejects text that is not a company number', () => {
    expect(normaliseCompanyNumber('')).toBeUndefined();
    expect(normaliseCompanyNumber('N/A')).toBeUndefined();
    expect(normaliseCompanyNumber('123456789')).toBeUndefined();
    expect(normaliseCompanyNumber('00000000')).toBeUndefined();
  });
});
