import { describe, expect, it } from 'vitest';
import { cleanText, decodeHtmlEntities } from './clean-text.js';

describe('cleanText', () => {
  it('decodes HTML entities that web systems leave in exported registers', () => {
    expect(cleanText('Roads &amp; Bridges')).toBe('Roads & Bridges');
    expect(cleanText('O&#39;Brien &lt;Ltd&gt; &pound;5')).toBe("O'Brien <Ltd> £5");
    expect(decodeHtmlEntities('&#x2013;')).toBe('–');
  });

  it('trims trailing spaces and non-breaking spaces', () => {
    expect(cleanText('  ACME LTD\u00a0  ')).toBe('ACME LTD');
  });

  it('leaves unknown entities as written', () => {
    expect(cleanText('a &bogus; b')).toBe('a &bogus; b');
  });

  it('gives undefined for a blank cell', () => {
    expect(cleanText('   ')).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
  });
});
