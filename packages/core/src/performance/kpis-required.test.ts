import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { decideKpisRequired } from './kpis-required.js';

const contract = (value: { total?: number }, law: Record<string, unknown> = { procurementStarted: '2025-04-01', vatIncluded: true }) =>
  ContractSchema.parse({
    reference: 'CON-0100',
    title: 'Waste collection',
    supplier: { name: 'Binco Ltd' },
    owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    startDate: '2025-10-01',
    endDate: '2032-03-31',
    value,
    law,
  });

describe('decideKpisRequired', () => {
  it('requires KPIs for a contract worth more than £5m including VAT whose procurement started under the Act', () => {
    const decision = decideKpisRequired(contract({ total: 6_000_000 }));
    expect(decision.required).toBe(true);
    expect(decision.rule).toBe('CON-0100 is worth £6,000,000 including VAT (recorded including VAT), more than the £5m of Procurement Act 2023 s.52(1), so at least three KPIs are required and a contract performance notice (UK9) is due under s.71');
  });

  it('does not require them at exactly £5m, since s.52(1) says more than £5m', () => {
    expect(decideKpisRequired(contract({ total: 5_000_000 })).required).toBe(false);
  });

  it('grosses up a value recorded without VAT: £4.2m without VAT is £5.04m with it, so KPIs are required', () => {
    const decision = decideKpisRequired(contract({ total: 4_200_000 }, { procurementStarted: '2025-04-01', vatIncluded: false }));
    expect(decision.required).toBe(true);
    expect(decision.rule).toContain('£5,040,000 including VAT');
  });

  it('does not require them for a procurement started before 24 February 2025, under the 2015 Regulations', () => {
    expect(decideKpisRequired(contract({ total: 6_000_000 }, { procurementStarted: '2025-02-23', vatIncluded: true })).rule).toContain('Public Contracts Regulations 2015 contract');
  });

  it('does not require them for a light touch contract or one with a recorded exemption', () => {
    expect(decideKpisRequired(contract({ total: 6_000_000 }, { procurementStarted: '2025-04-01', vatIncluded: true, contractType: 'light-touch' })).required).toBe(false);
    expect(decideKpisRequired(contract({ total: 6_000_000 }, { procurementStarted: '2025-04-01', vatIncluded: true, kpiExemption: 'one-off delivery of goods' })).rule).toContain('one-off delivery of goods');
  });

  it('says what to record when the value is missing', () => {
    expect(decideKpisRequired(contract({})).rule).toContain('record its total value');
  });
});
