import { describe, expect, it } from 'vitest';
import { csvSafe, exactTextCriterion, isFormulaLike, xlsxSafe } from './spreadsheet-safety.js';

describe('spreadsheet safety', () => {
  it('recognises every character that starts a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(isFormulaLike(text)).toBe(true);
    for (const text of ['', 'IEG4 Ltd', '1-2-3', 'a=b']) expect(isFormulaLike(text)).toBe(false);
  });

  it('prefixes an apostrophe to formula-like CSV fields only', () => {
    expect(csvSafe('=HYPERLINK("http://x","click")')).toBe('\'=HYPERLINK("http://x","click")');
    expect(csvSafe('Housing repairs')).toBe('Housing repairs');
  });

  it('keeps hostile text as a plain string for xlsx and drops non-finite numbers', () => {
    expect(xlsxSafe('=HYPERLINK("http://x","click")')).toBe('=HYPERLINK("http://x","click")');
    expect(xlsxSafe(Number.NaN)).toBeNull();
    expect(xlsxSafe(undefined)).toBeNull();
  });

  it('builds a criterion that compares text exactly, with the wildcards escaped', () => {
    expect(exactTextCriterion('$A2')).toBe('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?")');
  });
});
