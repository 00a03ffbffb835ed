import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { decideKpisRequired } from './kpis-required.js';

const contract = (value: { total?: number }, startDate?: string) =>
  ContractSchema.parse({
    reference: 'CON-0100',
    title: 'Waste collection',
    supplier: { name: 'Binco Ltd' },
    owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    ...(startDate ? { startDate } : {}),
    endDate: '2032-03-31',
    value,
  });

describe('decideKpisRequired', () => {
  it('requires KPIs for a contract worth more than £5m that started under the Procurement Act 2023', () => {
    expect(decideKpisRequired(contract({ total: 6_000_000 }, '2025-04-01'))).toEqual({
      required: true,
      rule: 'CON-0100 is worth £6,000,000, more than the £5m of Procurement Act 2023 s.52(1), and started on or after 24 February 2025, so KPIs are required and a contract performance notice is due under s.71(2)',
    });
  });

  it('does not require them at exactly £5m, since s.52(1) says more than £5m', () => {
    expect(decideKpisRequired(contract({ total: 5_000_000 }, '2025-04-01')).required).toBe(false);
  });

  it('does not require them for a contract that started before 24 February 2025, under the 2015 Regulations', () => {
    expect(decideKpisRequired(contract({ total: 6_000_000 }, '2025-02-23')).rule).toContain('under the Public Contracts Regulations 2015');
  });

  it('says what to record when the value or the start date is missing', () => {
    expect(decideKpisRequired(contract({}, '2025-04-01')).rule).toContain('record its total value');
    expect(decideKpisRequired(contract({ total: 6_000_000 })).rule).toContain('record its start date');
  });
});
