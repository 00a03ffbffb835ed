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

describe('parseCsv, on files as councils write them', () => {
  it('drops a byte-order mark before a quoted header', () => {
    expect(rows('\uFEFF"Contract reference",Supplier\r\nC-1,Acme\r\n')).toEqual([
      ['Contract reference', 'Supplier'],
      ['C-1', 'Acme'],
    ]);
  });

  it('reads a quoted field over several lines as one row', () => {
    expect(rows('Reference,Description,Value\nC-1,"Cleaning\nof two\nschools",100\nC-2,Grounds,50\n')).toEqual([
      ['Reference', 'Description', 'Value'],
      ['C-1', 'Cleaning\nof two\nschools', '100'],
      ['C-2', 'Grounds', '50'],
    ]);
  });

  it('reads CRLF line ends, including a blank line and CRLF inside quotes', () => {
    expect(rows('a,b\r\n\r\n"x\r\ny",z\r\n')).toEqual([['a', 'b'], [''], ['x\r\ny', 'z']]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(rows('Item,Size\nMonitor,27" screen\n')).toEqual([
      ['Item', 'Size'],
      ['Monitor', '27" screen'],
    ]);
  });

  it('refuses a quote that is never closed, rather than reading the rest of the file as one cell', () => {
    expect(() => rows('a,b\nc,"d\ne,f\n')).toThrow(expect.objectContaining({ code: 'unclosed-quote' }) as Error);
  });
});
