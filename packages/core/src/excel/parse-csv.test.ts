import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';

const rows = (text: string) => [...parseCsv(text)];

describe('parseCsv', () => {
  it('splits rows and fields, with CRLF or LF line ends', () => {
    expect(rows('a,b\r\nc,d\ne,f')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('drops a byte-order mark so the first header is not "\\uFEFFReference"', () => {
    expect(rows('\uFEFFReference,Title\n')).toEqual([['Reference', 'Title']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(rows('"Osprey House, Exeter","He said ""no""","line one\r\nline two"\n')).toEqual([
      ['Osprey House, Exeter', 'He said "no"', 'line one\r\nline two'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reads a last row without a line end', () => {
    expect(rows('a,b\nc,"d"')).toEqual([['a', 'b'], ['c', 'd']]);
  });
});
