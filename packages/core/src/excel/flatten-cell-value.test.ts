import { describe, expect, it } from 'vitest';
import { flattenCellValue } from './flatten-cell-value.js';

describe('flattenCellValue', () => {
  it('joins rich text runs into the text the user sees', () => {
    expect(flattenCellValue({ richText: [{ text: 'Veolia ' }, { font: { bold: true }, text: 'ES' }] })).toBe('Veolia ES');
  });

  it('uses the cached result of a formula, never the formula', () => {
    expect(flattenCellValue({ formula: 'B2*12', result: 120000 })).toBe(120000);
    expect(flattenCellValue({ sharedFormula: 'A2', result: 'CON-1' })).toBe('CON-1');
  });

  it('uses the text of a hyperlink', () => {
    expect(flattenCellValue({ text: 'a.khan@council.gov.uk', hyperlink: 'mailto:a.khan@council.gov.uk' })).toBe('a.khan@council.gov.uk');
  });

  it('keeps an error value as its text so it is reported', () => {
    expect(flattenCellValue({ error: '#N/A' })).toBe('#N/A');
  });

  it('passes plain values through', () => {
    const date = new Date(Date.UTC(2025, 2, 31));
    expect([flattenCellValue('x'), flattenCellValue(3), flattenCellValue(true), flattenCellValue(date), flattenCellValue(null)]).toEqual(['x', 3, true, date, undefined]);
  });
});
