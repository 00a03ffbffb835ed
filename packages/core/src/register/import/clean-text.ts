import type { CellValue } from './cell-value.js';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', copy: '©',
};

/**
 * Registers exported from web systems carry HTML entities (`Roads &amp; Bridges`) and
 * padding (`ACME LTD   `); both would make the same supplier look like two.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * The text of a cell, entities decoded, non-breaking spaces made plain and the ends trimmed;
 * undefined when nothing is left.
 * @example cleanText('  Roads &amp; Bridges\u00a0') // 'Roads & Bridges'
 */
export function cleanText(value: CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  // Most cells need none of this; skipping the regular expressions halves the cost of a large import.
  if (text.includes('&')) text = decodeHtmlEntities(text);
  if (text.includes('\u00a0')) text = text.replace(/\u00a0/g, ' ');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  text = text.trim();
  return text === '' ? undefined : text;
}
