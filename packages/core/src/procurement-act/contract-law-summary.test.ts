import { describe, expect, it } from 'vitest';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import type { ModificationRecord } from './modification-record.js';
import { summariseContractLaw } from './contract-law-summary.js';
import { checkModification } from './modifications.js';

// A four-year services contract worth £1m including VAT under the Act (threshold £207,720).
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
const earlier: ModificationRecord = {
  id: 'M1', reference: 'CON-1', date: '2026-09-01', valueChange: 60_000, termChangeDays: 0, ground: 'below-threshold',
  regime: 'PA2023', belowThreshold: true, noticeRequired: false, recordedBy: 'a', recordedAt: 'x',
};

describe('summariseContractLaw', () => {
  it('gives the regime with how it was found and the next statutory deadline not yet published', () => {
    const summary = summariseContractLaw(contract(), { today: '2026-04-10' });
    expect(summary).toMatchObject({ regime: 'PA2023', regimeName: 'Procurement Act 2023', regimeRule: 'Procurement Act 2023: recorded in the register.' });
    expect(summary.nextDeadline).toMatchObject({ obligation: 'UK7', due: '2026-04-18', status: 'due' });
  });

  it('skips a deadline already published', () => {
    const summary = summariseContractLaw(contract(), { today: '2026-04-10', publications: [{ reference: 'CON-1', key: 'UK7', obligation: 'UK7', publishedOn: '2026-04-01', recordedBy: 'a', recordedAt: 'x' }] });
    expect(summary.nextDeadline?.obligation).not.toBe('UK7');
  });

  it('gives the same headroom as checking a change of nothing, which is what steward modify --dry-run reports', () => {
    const summary = summariseContractLaw(contract(), { today: '2026-10-01', modifications: [earlier] });
    const check = checkModification(contract(), { date: '2026-10-01', valueChange: 0 }, [earlier]);
    if (!check.success) throw new Error('check failed');
    // 10% of the £940,000 on award (£94,000) is less than the £147,719.99 left under the £207,720 threshold.
    expect(summary.headroom).toMatchObject({ known: true, value: check.value.headroom.value, percent: check.value.headroom.percent, limitPercent: 10 });
    expect(summary.headroom.known && summary.headroom.value).toBe(94_000);
    expect(summary.headroom.rule).toContain('s.74(4)');
  });

  it('says why the headroom is unknown when the contract has no value', () => {
    const summary = summariseContractLaw(contract({}, { value: {} }), { today: '2026-10-01' });
    expect(summary.headroom).toMatchObject({ known: false });
    expect(summary.headroom.rule).toContain('Record its Total value');
  });

  it('explains why a Regulations contract has no statutory deadline', () => {
    const summary = summariseContractLaw(contract({ regime: 'PCR2015' }), { today: '2026-10-01' });
    expect(summary.nextDeadline).toBeUndefined();
    expect(summary.noDeadlineReason).toContain('Public Contracts Regulations 2015');
  });
});
