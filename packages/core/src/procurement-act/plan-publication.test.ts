import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { computeObligations } from './obligations.js';
import { planPublication } from './plan-publication.js';

const contract = ContractSchema.parse({
  reference: 'CON-1',
  title: 'Waste',
  supplier: { name: 'Veolia' },
  startDate: '2025-12-01',
  endDate: '2029-11-30',
  value: { total: 1_000_000 },
  law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
});
const obligations = computeObligations(contract, { today: '2025-12-05' });
const input = { publishedOn: '2025-12-01', noticeId: 'N-1', by: 'a.khan@council.gov.uk', at: '2025-12-05T09:00:00.000Z' };

describe('planPublication', () => {
  it('settles the UK7 by its code or its key, with the day and notice id', () => {
    const planned = planPublication(contract, obligations, 'UK7', input);
    expect(planned).toEqual({ success: true, value: { reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-01', noticeId: 'N-1', recordedBy: input.by, recordedAt: input.at } });
    expect(planPublication(contract, obligations, 'UK11:2029-11-30', input).success && 'UK11').toBe('UK11');
  });

  it('refuses a day before the contract was entered into (20 November 2025)', () => {
    const planned = planPublication(contract, obligations, 'UK7', { ...input, publishedOn: '2025-11-19' });
    expect(!planned.success && planned.problems[0]?.code).toBe('before-entry');
  });

  it('refuses an obligation already done, an unknown code and KPIs', () => {
    const done = computeObligations(contract, { today: '2025-12-05', publications: [{ reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-01', recordedBy: 'a', recordedAt: 'x' }] });
    expect(!planPublication(contract, done, 'UK7', input).success && 'refused').toBe('refused');
    const codes = ['UK7', 'UK99', 'kpis'].map((wanted) => {
      const planned = planPublication(contract, wanted === 'UK7' ? done : obligations, wanted, input);
      return planned.success ? 'ok' : planned.problems[0]?.code;
    });
    expect(codes).toEqual(['nothing-outstanding', 'not-an-obligation', 'kpis-not-published']);
  });
});
