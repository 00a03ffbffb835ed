import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { contractToCells, EXPORT_FIELDS } from '../register/import/contract-to-cells.js';
import { convertRow } from '../register/import/convert-row.js';
import { IMPORT_FIELDS } from '../register/import/import-field.js';
import { mapHeaders } from '../register/import/map-headers.js';

const HEADERS = ['Reference', 'Title', 'Supplier', 'Procurement regime', 'Procurement start date', 'Date signed', 'Type of contract', 'Includes VAT', 'Maximum term', 'Number of KPIs', 'KPI exemption reason'];
const { columns } = mapHeaders(HEADERS);
const row = (cells: (string | number)[]) => convertRow({ sheet: 'Register', row: 2, cells }, columns);

describe('the procurement law columns', () => {
  it('are recognised by their synonyms', () => {
    expect(columns.map((c) => c.field).slice(3)).toEqual(['regime', 'procurementStarted', 'enteredInto', 'contractType', 'vatIncluded', 'maximumTermOnAward', 'kpis', 'kpiExemption']);
  });

  it('read a row into the contract law facts', () => {
    const { contract, problems } = row(['CON-1', 'Waste', 'Veolia', 'PA 2023', '01/03/2025', '20/11/2025', 'Mixed (mainly works)', 'No', '4 years', '3', '']);
    expect(problems).toEqual([]);
    expect(contract?.law).toEqual({
      regime: 'PA2023',
      procurementStarted: '2025-03-01',
      enteredInto: '2025-11-20',
      contractType: 'works',
      vatIncluded: false,
      maximumTermOnAward: { amount: 4, unit: 'years' },
      kpis: 3,
    });
  });

  it('refuse an unknown regime', () => {
    const { contract, problems } = row(['CON-1', 'Waste', 'Veolia', 'EU', '', '', '', '', '', '', '']);
    expect(contract).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['not-a-choice']);
  });

  it('leave out, with a warning, a mixed contract type that does not say its main part', () => {
    const { contract, problems } = row(['CON-1', 'Waste', 'Veolia', '', '', '', 'Mixed', '', '', '', '']);
    expect(contract?.law).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'not-a-choice', severity: 'warning' }]);
    expect(problems[0]?.message).toContain('Mixed (mainly works)');
  });

  it('export and import back unchanged', () => {
    const contract = ContractSchema.parse({
      reference: 'CON-2',
      title: 'Care at home',
      supplier: { name: 'Carers Ltd' },
      law: { regime: 'PCR2015', procurementStarted: '2024-05-01', enteredInto: '2024-09-01', contractType: 'light-touch', vatIncluded: true, maximumTermOnAward: { amount: 5, unit: 'years' }, kpis: 0, kpiExemption: 'Light touch contract' },
    });
    const cells = contractToCells(contract);
    const { columns: all } = mapHeaders(EXPORT_FIELDS.map((field) => IMPORT_FIELDS[field]));
    const back = convertRow({ sheet: 'Register', row: 2, cells: EXPORT_FIELDS.map((field) => cells[field] ?? '') }, all);
    expect(back.problems).toEqual([]);
    expect(back.contract).toEqual(contract);
  });
});
