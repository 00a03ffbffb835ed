import { ContractSchema, type Contract, type ContractInput } from '@contract-steward/core';

/** A valid contract with sensible defaults; override what the test is about. */
export function makeContract(overrides: Partial<ContractInput> = {}): Contract {
  return ContractSchema.parse({
    reference: 'CON-0042',
    title: 'Revenues and benefits e-forms',
    supplier: { name: 'IEG4 Ltd', companyNumber: '4841343', sme: true },
    serviceArea: 'Customer Services',
    owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    startDate: '2024-04-01',
    endDate: '2027-03-31',
    noticePeriod: { amount: 6, unit: 'months' },
    value: { annual: 100000, total: 300000, basis: 'fixed' },
    ...overrides,
  });
}

/**
 * A value under the lowest governance band (£100,000 by default): an officer decides under
 * delegated powers, so no approval lead time moves the contract's deadlines. For tests about
 * something other than governance.
 */
export const DELEGATED_VALUE = { annual: 30_000, total: 90_000, basis: 'fixed' } as const;
