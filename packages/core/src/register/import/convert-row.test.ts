import { describe, expect, it } from 'vitest';
import { convertRow } from './convert-row.js';
import type { CellValue } from './cell-value.js';
import { mapHeaders } from './map-headers.js';

const HEADERS = ['Reference', 'Title', 'Supplier', 'Company number', 'Start date', 'End date', 'Contract value (£)', 'SME', 'Notice period', 'Extension options', 'Owner email'];
const { columns } = mapHeaders(HEADERS);
const row = (cells: CellValue[], number = 12) => convertRow({ sheet: 'Register', row: number, cells }, columns);
const good: CellValue[] = ['CON-1', 'Waste collection', 'Veolia ES (UK) Ltd  ', 'gb/2215767', '1/4/24', '31-Mar-2027', '£1,234.50', 'Y', '3 months', '2+1+1 years', 'A.Khan@Council.gov.uk'];

describe('convertRow', () => {
  it('turns a council-written row into a contract', () => {
    const { contract, problems } = row(good);
    expect(problems).toEqual([]);
    expect(contract).toMatchObject({
      reference: 'CON-1',
      supplier: { name: 'Veolia ES (UK) Ltd', companyNumber: '02215767', sme: true },
      startDate: '2024-04-01',
      endDate: '2027-03-31',
      value: { total: 1234.5 },
      noticePeriod: { amount: 3, unit: 'months' },
      renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 },
      owner: { email: 'a.khan@council.gov.uk' },
    });
  });

  it('reads a Term column such as 3 years as the initial term: it ends the day before start + term', () => {
    // 1 April 2024 + 3 years is 1 April 2027, so the last day is 31 March 2027; no extension options.
    const { columns: termColumns } = mapHeaders(['Reference', 'Title', 'Supplier', 'Start date', 'Term']);
    const { contract, problems } = convertRow({ sheet: 'Register', row: 4, cells: ['CON-9', 'Cleaning', 'Acme Ltd', '01/04/2024', '3 years'] }, termColumns);
    expect(contract).toMatchObject({ startDate: '2024-04-01', endDate: '2027-03-31', renewal: { type: 'fixed' } });
    expect(problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['end-from-term', 'warning', 'Register!E4: no end date, so the contract is taken to end on 2027-03-31, the day before its start plus its 3 years term — add the end date if it differs'],
    ]);
  });

  it('keeps a given end date over one worked out from the term', () => {
    const { columns: termColumns } = mapHeaders(['Reference', 'Title', 'Supplier', 'Start date', 'End date', 'Contract term']);
    const { contract, problems } = convertRow({ sheet: 'Register', row: 5, cells: ['CON-9', 'Cleaning', 'Acme Ltd', '01/04/2024', '30/06/2027', '3 years'] }, termColumns);
    expect([contract?.endDate, problems]).toEqual(['2027-06-30', []]);
  });

  it('rejects an unreadable date with the cell address and a way to fix it', () => {
    const cells = [...good];
    cells[5] = 'TBC';
    const { contract, problems } = row(cells);
    expect(contract).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual(['Register!F12: "TBC" is not a date — write it as 31/03/2026 or leave it blank']);
    expect(problems[0]).toMatchObject({ code: 'not-a-date', column: 'F', value: 'TBC', row: 12 });
  });

  it('keeps a row with no reference under a provisional reference made from its supplier, title and start date, with a warning', () => {
    const cells = [...good];
    cells[0] = '';
    const { contract, problems } = row(cells, 30);
    // FNV-1a of "veolia es uk ltd|waste collection|2024 04 01" (worked independently): B245A0E8.
    expect(contract?.reference).toBe('NOREF-B245A0E8');
    expect(problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['provisional-reference', 'warning', 'Register!A30: no reference, so the contract was given the provisional reference NOREF-B245A0E8, made from its supplier, title and start date — write the real reference here and import again: the contract is renamed, not added twice'],
    ]);
    // The same contract written differently gets the same reference; another start date does not.
    const again = [...cells];
    again[2] = 'VEOLIA ES (UK) LTD';
    again[4] = '01/04/2024';
    expect(row(again).contract?.reference).toBe('NOREF-B245A0E8');
    const later = [...cells];
    later[4] = '01/04/2025';
    expect(row(later).contract?.reference).not.toBe('NOREF-B245A0E8');
  });

  it('rejects a row without a reference, title or supplier, naming each', () => {
    const { contract, problems } = row(['', ' ', '', '', '', '', '', '', '', '', '']);
    expect(contract).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['missing-reference', 'missing-title', 'missing-supplier']);
  });

  it('rejects a contract that ends before it starts', () => {
    const cells = [...good];
    cells[4] = '01/04/2027';
    cells[5] = '31/03/2027';
    expect(row(cells).problems.map((p) => p.code)).toEqual(['end-before-start']);
  });

  it('keeps the row but leaves out a placeholder date, with a warning', () => {
    const cells = [...good];
    cells[4] = '01-Jan-2000';
    const { contract, problems } = row(cells);
    expect(contract?.startDate).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'placeholder-date', severity: 'warning', column: 'E' }]);
  });

  it('keeps the row but leaves out a number that is not a Companies House number', () => {
    const cells = [...good];
    cells[3] = 'IP22981R';
    const { contract, problems } = row(cells);
    expect(contract?.supplier.companyNumber).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'not-a-company-number', severity: 'warning' }]);
  });

  it('reports every bad cell in a row, not only the first', () => {
    const cells = [...good];
    cells[6] = 'about 5k';
    cells[7] = 'maybe';
    cells[10] = 'not an email';
    expect(row(cells).problems.map((p) => `${p.column}:${p.code}`)).toEqual(['G:not-money', 'H:not-a-flag', 'K:not-an-email']);
  });
});

describe('convertRow: renewal settings and Appendix M clauses', () => {
  const { columns: extra } = mapHeaders([...HEADERS, 'Appendix M clauses', 'Warning days', 'Lead time (days)']);
  const rowWith = (cells: CellValue[]) => convertRow({ sheet: 'Register', row: 7, cells: [...good, ...cells] }, extra);

  it('reads the clauses a contract contains, its warning days and its lead time', () => {
    const { contract, problems } = rowWith(['de-1, DE-1.1; api-2', '120, 30', '200']);
    expect(problems).toEqual([]);
    expect(contract).toMatchObject({ appendixMClauses: ['DE-1', 'DE-1.1', 'API-2'], warningThresholds: [120, 30], leadTimeDays: 200 });
  });

  it('names a clause id the library does not know, and unreadable day counts', () => {
    const { contract, problems } = rowWith(['DE-1, DE-9', 'soon', 'six months']);
    expect(contract).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['not-a-clause', 'not-a-number', 'not-a-number']);
    expect(problems[0]?.message).toBe('Register!L7: "DE-9" is not an Appendix M clause — write ids such as DE-1, DE-1.1, API-2, separated by commas (steward tender-pack --list shows them)');
  });
});
