import { describe, expect, it } from 'vitest';
import { isSpdyParserDeprecation } from './quiet-spdy-deprecation.js';

describe('isSpdyParserDeprecation', () => {
  it("drops DEP0111 for process.binding('http_parser'), as Node raises it", () => {
    expect(isSpdyParserDeprecation("Access to process.binding('http_parser') is deprecated.", 'DeprecationWarning', 'DEP0111')).toBe(true);
  });

  it('drops it when raised with an options object', () => {
    expect(isSpdyParserDeprecation("Access to process.binding('http_parser') is deprecated.", { type: 'DeprecationWarning', code: 'DEP0111' })).toBe(true);
  });

  it('keeps DEP0111 for any other binding', () => {
    expect(isSpdyParserDeprecation("Access to process.binding('fs') is deprecated.", 'DeprecationWarning', 'DEP0111')).toBe(false);
  });

  it('keeps every other warning', () => {
    expect(isSpdyParserDeprecation('url.parse() behavior is not standardized', 'DeprecationWarning', 'DEP0169')).toBe(false);
    expect(isSpdyParserDeprecation(new Error("process.binding('http_parser')"))).toBe(false);
  });
});
