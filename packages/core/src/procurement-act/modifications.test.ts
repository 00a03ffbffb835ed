import { describe, expect, it } from 'vitest';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import type { ModificationRecord } from './modification-record.js';
import { checkModification, type ModificationProposal } from './modifications.js';

// A four-year services contract worth £1m including VAT, procured in 2026 (threshold £207,720).
const contract = (law: NonNullable<ContractInput['law']> = {}, input: Partial<ContractInput> = {}) =>
  ContractSchema.parse({
    reference: 'CON-1',
    title: 'Waste',
    supplier: { name: 'Veolia' },
    startDate: '2026-04-01',
    endDate: '2030-03-31',
    value: { total: 1_000_000 },
    ...input,
    law: { regime: 'PA2023', procurementStarted: '2026-01-05', enteredInto: '2026-03-20', contractType: 'services', vatIncluded: true, ...law },
  });
const check = (proposal: Partial<ModificationProposal>, previous: ModificationRecord[] = [], c = contract()) => {
  const result = checkModification(c, { date: '2027-01-01', valueChange: 0, ...proposal }, previous);
  if (!result.success) throw new Error(result.problems[0]?.message);
  return result.value;
};
const earlier = (valueChange: number, over: Partial<ModificationRecord> = {}): ModificationRecord => ({
  id: `M${valueChange}`, reference: 'CON-1', date: '2026-09-01', valueChange, termChangeDays: 0, ground: 'below-threshold',
  regime: 'PA2023', belowThreshold: true, noticeRequired: false, recordedBy: 'a', recordedAt: 'x', ...over,
});

describe('checkModification under the Procurement Act 2023', () => {
  it('treats a 10% price rise on services as below-threshold, with no UK10', () => {
    const r = check({ valueChange: 100_000 });
    expect(r).toMatchObject({ belowThreshold: true, permitted: true, noticeRequired: false, ground: 'below-threshold' });
  });

  it('treats a 10.01% rise as not below-threshold, refused without a ground, with the way forward', () => {
    const r = check({ valueChange: 100_100 });
    expect(r).toMatchObject({ belowThreshold: false, permitted: false, substantial: null });
    expect(r.reasons.join(' ')).toContain('--not-substantial');
  });

  it('allows 15% on works but not 15.01%', () => {
    const works = contract({ contractType: 'works' }, { value: { total: 1_000_000 } });
    expect(check({ valueChange: 150_000 }, [], works).belowThreshold).toBe(true);
    expect(check({ valueChange: 150_100 }, [], works).belowThreshold).toBe(false);
  });

  it('needs a UK10 for a 16% price rise with the term unchanged (s.75(2)(a) is engaged by value)', () => {
    const r = check({ valueChange: 160_000, ground: 'not-substantial', reason: 'price indexation' });
    expect(r).toMatchObject({ permitted: true, noticeRequired: true, substantial: false });
  });

  it('aggregates below-threshold modifications: the total must stay below the threshold amount', () => {
    // Earlier below-threshold changes of £100,000 and £100,000; threshold £207,720.
    const previous = [earlier(100_000), earlier(-100_000, { id: 'M2' })];
    expect(check({ valueChange: 7_719 }, previous)).toMatchObject({ belowThreshold: true, aggregateBelowThreshold: 207_719 });
    expect(check({ valueChange: 7_720 }, previous).belowThreshold).toBe(false);
  });

  it('grosses up values recorded without VAT for the aggregate test', () => {
    const exVat = contract({ vatIncluded: false }, { value: { total: 1_000_000 } });
    // £100,000 + £73,100 without VAT is £207,720 with VAT: not less than the threshold.
    expect(check({ valueChange: 73_100 }, [earlier(100_000)], exVat).belowThreshold).toBe(false);
    expect(check({ valueChange: 73_099 }, [earlier(100_000)], exVat).belowThreshold).toBe(true);
  });

  it('gives the headroom left before the next change stops being below-threshold', () => {
    const r = check({ valueChange: 50_000 });
    expect(r.headroom).toEqual({ value: 100_000, percent: 10 });
    const near = check({ valueChange: 90_000 }, [earlier(100_000)]);
    // The value on award is £900,000 (the earlier £100,000 is taken off the current £1m).
    expect(near.headroom).toEqual({ value: 17_719.99, percent: 1.97 });
  });

  it('treats a term change of exactly 10% of the maximum term as not substantial, and needs no UK10 for it', () => {
    // Maximum term 1,461 days is not a multiple of 10; use a recorded 1,000-day term.
    const c = contract({ maximumTermOnAward: { amount: 1000, unit: 'days' } }, { startDate: '2026-04-01', endDate: '2028-12-26' });
    const r = check({ newEndDate: '2029-04-05', valueChange: 100_000 }, [], c);
    expect(r).toMatchObject({ termChangeDays: 100, substantial: null, noticeRequired: false, permitted: true });
    const over = check({ newEndDate: '2029-04-06', valueChange: 100_100 }, [], c);
    expect(over).toMatchObject({ termChangeDays: 101, substantial: true, permitted: false, noticeRequired: true });
  });

  it('refuses adding two years to a four-year contract (50% of its term) without a Schedule 8 ground', () => {
    const r = check({ newEndDate: '2032-03-31' });
    expect(r).toMatchObject({ substantial: true, permitted: false, noticeRequired: true });
    expect(r.reasons.join(' ')).toContain('--ground schedule-8-para-N');
    expect(check({ newEndDate: '2032-03-31', ground: 'not-substantial', reason: 'x' }).permitted).toBe(false);
    expect(check({ newEndDate: '2032-03-31', ground: 'schedule-8-para-1' })).toMatchObject({ permitted: true, noticeRequired: true });
  });

  it('always needs a UK10 for a novation on corporate restructuring (Schedule 8 paragraph 9)', () => {
    expect(check({ valueChange: 0, ground: 'schedule-8-para-9' }).noticeRequired).toBe(true);
  });

  it('permits any change to a light touch contract and never needs a UK10', () => {
    const r = check({ valueChange: 400_000 }, [], contract({ contractType: 'light-touch' }, { value: { total: 1_000_000 } }));
    expect(r).toMatchObject({ permitted: true, noticeRequired: false, ground: 'light-touch' });
  });

  it('warns about s.75(4)-(5) when an exempt change follows an earlier one', () => {
    expect(check({ valueChange: 10_000 }, [earlier(50_000)]).warnings[0]).toContain('s.75(4)');
  });

  it('refuses bad input with a clear problem: ended, before entry, negative value, no reason', () => {
    const problem = (p: Partial<ModificationProposal>) => {
      const r = checkModification(contract(), { date: '2027-01-01', valueChange: 0, ...p }, []);
      return r.success ? undefined : r.problems[0]?.code;
    };
    expect(problem({ date: '2030-04-01' })).toBe('contract-ended');
    expect(problem({ date: '2026-03-19' })).toBe('before-entry');
    expect(problem({ valueChange: -1_000_001 })).toBe('negative-value');
    expect(problem({ ground: 'not-substantial' })).toBe('reason-needed');
  });
});

describe('checkModification under the Public Contracts Regulations 2015', () => {
  const pcr = contract({ regime: 'PCR2015', procurementStarted: '2024-03-01' }, { value: { total: 1_000_000 } });

  it('permits a de minimis change below 10% of the initial value and below the threshold', () => {
    expect(check({ valueChange: 99_999 }, [], pcr)).toMatchObject({ regime: 'PCR2015', belowThreshold: true, permitted: true, noticeRequired: false });
  });

  it('does not treat exactly 10% as de minimis (regulation 72(5) says "below")', () => {
    expect(check({ valueChange: 100_000 }, [], pcr)).toMatchObject({ belowThreshold: false, permitted: false });
  });

  it('caps a regulation 72(1)(b) change at 50% of the original value and needs a modification notice', () => {
    expect(check({ valueChange: 500_000, ground: 'reg-72-1-b' }, [], pcr)).toMatchObject({ permitted: true, noticeRequired: true });
    expect(check({ valueChange: 500_001, ground: 'reg-72-1-b' }, [], pcr).permitted).toBe(false);
  });
});
