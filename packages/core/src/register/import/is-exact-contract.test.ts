import { describe, expect, it } from 'vitest';
import { ContractSchema, type ContractInput } from '../contract.schema.js';
import { convertRow } from './convert-row.js';
import type { CellValue } from './cell-value.js';
import { isExactContract } from './is-exact-contract.js';
import { mapHeaders } from './map-headers.js';

const HEADERS = [
  'Reference', 'Title', 'Description', 'Department', 'Service area', 'Category', 'Supplier', 'Company number', 'Charity number',
  'Supplier postcode', 'SME', 'VCSE', 'Start date', 'End date', 'Review date', 'Extension options', 'Extensions taken',
  'Maximum end date', 'Auto renewal', 'Notice period', 'Contract value (£)', 'Annual value', 'Value basis', 'Procurement route',
  'Framework', 'Owner', 'Owner email', 'Escalation contact', 'Escalation email', 'System name', 'Hosting', 'Personal data',
];
const { columns } = mapHeaders(HEADERS);

/** Rows as councils write them, varied cell by cell so that every field is sometimes blank. */
function rowCells(i: number): CellValue[] {
  const pick = <T>(values: readonly T[]) => values[i % values.length] as T;
  const maybe = <T>(value: T, every: number): T | undefined => (i % every === 0 ? undefined : value);
  return [
    `CON-${i}`, ` Waste collection lot ${i} `, maybe('Kerbside &amp; bulky waste', 3), maybe('Place', 4), maybe('Environment', 5),
    maybe('Waste', 2), `Supplier ${i} Ltd  `, pick(['gb/2215767', 'sc257136', '4841343', '', 'NOT A NUMBER']), maybe('1012345', 7),
    maybe('NR1 2DH', 3), pick(['Y', 'No', '', 'TRUE']), pick(['x', '', 'N']), pick(['1/4/24', '2024-04-01', '', 45383]),
    pick(['31-Mar-2027', '31 March 2027', '', '2027-03-31T00:00:00Z']), maybe('01/10/2026', 2), pick(['2+1+1 years', '24+12 months', '', '1 year + 6 months']),
    pick(['0', '1', '']), pick(['', '31/03/2030', '31/03/2029']), pick(['', '', '', '1 year']), pick(['3 months', '90 days', '', '12 weeks']),
    pick(['£1,234.50', '155000.0', '£1.2m', '']), maybe('12000', 2), pick(['Fixed', 'Estimated', '']), pick(['Open', 'Call-off from framework', 'Waiver', 'RFQ', 'Something else', '']),
    maybe('ESPO 664', 3), maybe(' Asha Khan ', 2), pick(['A.Khan@Council.gov.uk ', '', 'j.smith@council.gov.uk']), maybe('Head of Waste', 3),
    pick(['', 'HEAD.WASTE@council.gov.uk']), maybe('Bartec', 4), pick(['On-premise', 'Cloud (SaaS)', 'Hybrid', '']), pick(['Yes', 'No', '']),
  ];
}

describe('isExactContract', () => {
  it('accepts only contracts that ContractSchema gives back unchanged, key for key', () => {
    let accepted = 0;
    for (let i = 1; i <= 500; i += 1) {
      const { contract } = convertRow({ sheet: 'Register', row: i + 1, cells: rowCells(i) }, columns);
      if (!contract) continue;
      accepted += 1;
      expect(isExactContract(contract)).toBe(true);
      expect(JSON.stringify(ContractSchema.parse(contract))).toBe(JSON.stringify(contract));
    }
    expect(accepted).toBeGreaterThan(400);
  });

  it('leaves to the schema any value it would change or refuse', () => {
    const valid: ContractInput = ContractSchema.parse({
      reference: 'CON-1',
      title: 'Waste collection',
      supplier: { name: 'Veolia', companyNumber: '02215767' },
      owner: { email: 'a.khan@council.gov.uk' },
      renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 },
    });
    expect(isExactContract(valid)).toBe(true);
    const variants: Record<string, unknown>[] = [
      { ...valid, title: ' Waste collection' },
      { ...valid, title: '' },
      { ...valid, reference: 'C'.repeat(201) },
      { ...valid, description: undefined },
      { ...valid, supplier: { name: 'Veolia', companyNumber: '2215767' } },
      { ...valid, supplier: { name: 'Veolia', extra: 1 } },
      { ...valid, owner: { email: 'A.Khan@council.gov.uk' } },
      { ...valid, owner: { email: 'not an email' } },
      { ...valid, startDate: '2025-02-30' },
      { ...valid, renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }] } },
      { ...valid, renewal: { type: 'extension-options', options: [], taken: 0 } },
      { ...valid, renewal: { type: 'auto-renewal', period: { amount: 1.5, unit: 'years' } } },
      { ...valid, noticePeriod: { amount: 3, unit: 'fortnights' } },
      { ...valid, value: { total: Number.POSITIVE_INFINITY } },
      { ...valid, procurement: { route: 'tender' } },
      { ...valid, itSystem: { hosting: 'mainframe' } },
      { ...valid, leadTimeDays: 90 },
      { ...valid, unknown: true },
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'value')),
    ];
    for (const variant of variants) {
      expect(isExactContract(variant), JSON.stringify(variant)).toBe(false);
    }
  });
});
