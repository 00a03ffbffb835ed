import { describe, expect, it } from 'vitest';
import { ContractSchema } from './contract.schema.js';

const minimal = { reference: 'CON-0042', title: 'Benefits portal', supplier: { name: 'IEG4 Ltd' } };

describe('ContractSchema', () => {
  it('fills the defaults of a minimal contract', () => {
    const contract = ContractSchema.parse(minimal);
    expect(contract.renewal).toEqual({ type: 'fixed' });
    expect(contract.value).toEqual({});
  });

  it('normalises the supplier company number', () => {
    const contract = ContractSchema.parse({ ...minimal, supplier: { name: 'IEG4', companyNumber: 'gb/4841343' } });
    expect(contract.supplier.companyNumber).toBe('04841343');
  });

  it('rejects a 31 February end date and an impossible company number', () => {
    const result = ContractSchema.safeParse({
      ...minimal,
      endDate: '2026-02-31',
      supplier: { name: 'X', companyNumber: 'not a number' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['endDate', 'supplier.companyNumber']));
  });

  it('carries 2+1+1 extension options with the number taken', () => {
    const contract = ContractSchema.parse({
      ...minimal,
      renewal: {
        type: 'extension-options',
        options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }],
        taken: 1,
        maximumEndDate: '2028-03-31',
      },
    });
    expect(contract.renewal).toMatchObject({ type: 'extension-options', taken: 1 });
  });

  it('lower-cases owner emails so the bot can match people', () => {
    const contract = ContractSchema.parse({ ...minimal, owner: { email: 'A.Khan@Council.gov.uk' } });
    expect(contract.owner?.email).toBe('a.khan@council.gov.uk');
  });
});
