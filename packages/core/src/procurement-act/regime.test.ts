import { describe, expect, it } from 'vitest';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import { legalFacts, maximumTerm } from './regime.js';

const contract = (input: Partial<ContractInput>) => ContractSchema.parse({ reference: 'CON-1', title: 'Waste', supplier: { name: 'Veolia' }, ...input });

describe('legalFacts', () => {
  it('puts a procurement started on 24 February 2025 under the Act, and says it was derived', () => {
    const facts = legalFacts(contract({ law: { procurementStarted: '2025-02-24' } }));
    expect(facts).toMatchObject({ regime: 'PA2023', regimeDerived: true });
    expect(facts.regimeRule).toContain('derived from the procurement starting on Monday 24 February 2025');
  });

  it('puts a procurement started on 23 February 2025 under the Regulations', () => {
    expect(legalFacts(contract({ law: { procurementStarted: '2025-02-23' } })).regime).toBe('PCR2015');
  });

  it('keeps a recorded regime over the one the dates suggest', () => {
    expect(legalFacts(contract({ startDate: '2020-01-01', law: { regime: 'PA2023' } }))).toMatchObject({ regime: 'PA2023', regimeDerived: false });
  });

  it('says the regime is unknown for a contract starting after the Act with no procurement date', () => {
    expect(legalFacts(contract({ startDate: '2025-06-01' })).regime).toBe('unknown');
  });

  it('uses the start date for entry when none is recorded, and marks it assumed', () => {
    expect(legalFacts(contract({ startDate: '2025-06-01' }))).toMatchObject({ enteredInto: '2025-06-01', enteredIntoAssumed: true });
  });

  it('grosses a value recorded without VAT up by 20% for the threshold tests', () => {
    const facts = legalFacts(contract({ value: { total: 200_000 }, law: { regime: 'PA2023', procurementStarted: '2025-06-01', vatIncluded: false } }));
    expect(facts.valueIncVat).toBe(240_000);
    expect(facts.aboveThreshold).toBe(true);
    expect(facts.vatWords).toContain('recorded without VAT');
  });

  it('does not gross up a value recorded including VAT', () => {
    const facts = legalFacts(contract({ value: { total: 200_000 }, law: { regime: 'PA2023', procurementStarted: '2025-06-01', vatIncluded: true } }));
    expect(facts).toMatchObject({ valueIncVat: 200_000, aboveThreshold: false });
  });
});

describe('maximumTerm', () => {
  it('counts a four-year term as 1,461 days, first and last day included', () => {
    expect(maximumTerm(contract({ startDate: '2025-04-01', endDate: '2029-03-31' }))?.days).toBe(1461);
  });

  it('adds the options not yet taken', () => {
    const c = contract({ startDate: '2025-04-01', endDate: '2027-03-31', renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0 } });
    expect(maximumTerm(c)?.days).toBe(1461);
  });
});
