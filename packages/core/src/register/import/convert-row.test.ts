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
    cells[3] = 'VAT 123';
    const { contract, problems } = row(cells);
    expect(contract?.supplier.companyNumber).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'not-a-company-number', severity: 'warning' }]);
  });

  it('keeps a Mutuals Public Register number in the company number column as the VCSE registration number', () => {
    const cells = [...good];
    cells[3] = 'IP22981R';
    const { contract, problems } = row(cells);
    expect(contract?.supplier).toMatchObject({ vcseNumber: 'IP22981R' });
    expect(contract?.supplier.companyNumber).toBeUndefined();
    expect(problems).toEqual([]);
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

  it('reads a renewal type, an extension notice period and a framework expiry', () => {
    const mapped = mapHeaders(['Reference', 'Title', 'Supplier', 'Renewal type', 'Extension notice period', 'Framework expiry']).columns;
    const { contract, problems } = convertRow({ sheet: 'Register', row: 2, cells: ['CON-2', 'Care', 'Carers Ltd', 'Automatic', '6 months', '30/06/2027'] }, mapped);
    expect(problems).toEqual([]);
    expect(contract).toMatchObject({ renewalType: 'automatic', extensionNoticePeriod: { amount: 6, unit: 'months' }, procurement: { frameworkExpiry: '2027-06-30' } });
    const wrong = convertRow({ sheet: 'Register', row: 3, cells: ['CON-3', 'Care', 'Carers Ltd', 'Sometimes', '', ''] }, mapped);
    expect(wrong.problems.map((p) => p.message)).toEqual(['Register!D3: "Sometimes" is not a renewal type — write Fixed, Automatic, Options or Unknown']);
  });

  it('warns, naming the row, when the renewal type contradicts the options or renewal period recorded beside it', () => {
    const mapped = mapHeaders(['Reference', 'Title', 'Supplier', 'Renewal type', 'Extension options', 'Auto-renewal period']).columns;
    const row = (n: number, cells: string[]) => convertRow({ sheet: 'Register', row: n, cells: [`CON-${n}`, 'Care', 'Carers Ltd', ...cells] }, mapped);
    const fixed = row(4, ['Fixed', '2+1+1 years', '']);
    expect(fixed.contract).toMatchObject({ renewalType: 'fixed', renewal: { type: 'extension-options' } });
    expect(fixed.problems).toMatchObject([{ code: 'renewal-type-contradicts-terms', severity: 'warning', row: 4, column: 'D' }]);
    expect(fixed.problems[0]?.message).toBe(
      'Register!D4: "Fixed" says the contract cannot be extended, but the row records extension options (1 year + 1 year): the key dates follow the options — correct the renewal type or the options',
    );
    expect(row(5, ['Automatic', '2+1', '']).problems[0]?.message).toContain('Register!D5: "Automatic" says the contract renews automatically, but the row records extension options');
    expect(row(6, ['Options', '', '12 months']).problems[0]?.message).toContain('Register!D6: "Options" says the contract has extension options, but the row records an automatic renewal period of 12 months');
    expect(row(7, ['Fixed', '', '1 year']).problems.map((p) => p.code)).toEqual(['renewal-type-contradicts-terms']);
    // Agreeing, or saying nothing about the terms, is no contradiction.
    expect(row(8, ['Options', '2+1+1 years', '']).problems).toEqual([]);
    expect(row(9, ['Automatic', '', '']).problems).toEqual([]);
    expect(row(10, ['Options', '', '']).problems).toEqual([]);
  });

  it('reads "Open framework" as a framework, not an open procedure, and each PCR 2015 and Procurement Act route as its own', () => {
    const mapped = mapHeaders(['Reference', 'Title', 'Supplier', 'Procurement route']).columns;
    const routeOf = (route: string) => convertRow({ sheet: 'Register', row: 2, cells: ['CON-2', 'T', 'S', route] }, mapped).contract?.procurement.route;
    expect(routeOf('Open framework')).toBe('framework');
    expect(routeOf('Open procedure')).toBe('open');
    expect(routeOf('Restricted procedure')).toBe('restricted');
    expect(routeOf('Competitive dialogue')).toBe('competitive-dialogue');
    expect(routeOf('Competitive procedure with negotiation')).toBe('competitive-negotiation');
    expect(routeOf('Light touch regime')).toBe('light-touch');
    expect(routeOf('Dynamic purchasing system')).toBe('dynamic-market');
    expect(routeOf('Dynamic market')).toBe('dynamic-market');
    expect(routeOf('Below threshold')).toBe('quotation');
    expect(routeOf('Negotiated procedure without prior publication')).toBe('direct-award');
  });
});
