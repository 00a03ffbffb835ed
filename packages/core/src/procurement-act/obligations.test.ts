import { describe, expect, it } from 'vitest';
import { ContractSchema, type ContractInput } from '../register/contract.schema.js';
import type { ModificationRecord } from './modification-record.js';
import { computeObligations, noObligationsReason } from './obligations.js';
import { legalFacts } from './regime.js';

const act = (input: Partial<ContractInput> = {}, law: NonNullable<ContractInput['law']> = {}) =>
  ContractSchema.parse({
    reference: 'CON-1',
    title: 'Waste',
    supplier: { name: 'Veolia' },
    startDate: '2025-12-01',
    endDate: '2029-11-30',
    value: { total: 1_000_000 },
    ...input,
    law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true, ...law },
  });
const find = (list: ReturnType<typeof computeObligations>, code: string) => list.filter((o) => o.obligation === code);
const today = '2025-11-25';

describe('computeObligations: UK7 contract details notice (s.53(1))', () => {
  it('is due 29 days after entry, the day of entry being day 1: entered 20 November 2025, due 19 December 2025', () => {
    const [uk7] = find(computeObligations(act(), { today }), 'UK7');
    expect(uk7).toMatchObject({ due: '2025-12-19', status: 'due' });
    expect(uk7?.rule).toContain('s.53(1)');
  });

  it('gives a light touch contract 120 days: entered 20 November 2025, due 19 March 2026', () => {
    const [uk7] = find(computeObligations(act({ value: { total: 700_000 } }, { contractType: 'light-touch' }), { today }), 'UK7');
    expect(uk7?.due).toBe('2026-03-19');
  });

  it('is overdue the day after its last day, and done once its publication is recorded', () => {
    expect(find(computeObligations(act(), { today: '2025-12-19' }), 'UK7')[0]?.status).toBe('due');
    expect(find(computeObligations(act(), { today: '2025-12-20' }), 'UK7')[0]?.status).toBe('overdue');
    const publications = [{ reference: 'CON-1', obligation: 'UK7', key: 'UK7', publishedOn: '2025-12-01', noticeId: 'N-1', recordedBy: 'a', recordedAt: 'x' }];
    expect(find(computeObligations(act(), { today: '2025-12-20', publications }), 'UK7')[0]).toMatchObject({ status: 'done', noticeId: 'N-1' });
  });

  it('assumes entry on the start date when none is recorded, and says so', () => {
    const contract = act({}, {});
    const { enteredInto: _, ...law } = contract.law ?? {};
    const [uk7] = find(computeObligations({ ...contract, law }, { today }), 'UK7');
    expect(uk7).toMatchObject({ due: '2025-12-30', assumed: true });
    expect(uk7?.rule).toContain('assumed');
  });

  it('is not a duty for a contract below its threshold, which is told what applies instead', () => {
    const contract = act({ value: { total: 207_719 } }, { procurementStarted: '2026-01-01' });
    expect(computeObligations(contract, { today })).toEqual([]);
    expect(noObligationsReason(legalFacts(contract))).toContain('s.87');
  });

  it('uses the threshold in force when the procurement started: £210,000 is a public contract from 1 January 2026 only', () => {
    expect(find(computeObligations(act({ value: { total: 210_000 } }, { procurementStarted: '2026-01-01' }), { today }), 'UK7')).toHaveLength(1);
    expect(find(computeObligations(act({ value: { total: 210_000 } }, { procurementStarted: '2025-12-31' }), { today }), 'UK7')).toHaveLength(0);
  });
});

describe('computeObligations: the £5 million duties (s.52, s.53(3))', () => {
  it('does not ask for a copy of a contract worth exactly £5m, which is not "more than" £5m', () => {
    expect(find(computeObligations(act({ value: { total: 5_000_000 } }), { today }), 'contract-copy')).toEqual([]);
  });

  it('asks for a copy within 90 days of entry for a contract worth £5,000,000.01', () => {
    const [copy] = find(computeObligations(act({ value: { total: 5_000_000.01 } }), { today }), 'contract-copy');
    expect(copy?.due).toBe('2026-02-17');
  });

  it('grosses up a value recorded without VAT: £4.2m without VAT is £5.04m, so over £5m', () => {
    const list = computeObligations(act({ value: { total: 4_200_000 } }, { vatIncluded: false }), { today });
    expect(find(list, 'contract-copy')).toHaveLength(1);
    expect(find(list, 'contract-copy')[0]?.rule).toContain('£5,040,000 including VAT');
  });

  it('makes KPIs overdue from the day of entry while fewer than three are recorded, and done with three', () => {
    expect(find(computeObligations(act({ value: { total: 6_000_000 } }, { kpis: 2 }), { today }), 'kpis')[0]).toMatchObject({ due: '2025-11-19', status: 'overdue' });
    expect(find(computeObligations(act({ value: { total: 6_000_000 } }, { kpis: 3 }), { today }), 'kpis')[0]?.status).toBe('done');
  });

  it('asks for no KPIs when an exemption is recorded', () => {
    expect(find(computeObligations(act({ value: { total: 6_000_000 } }, { kpiExemption: 'one-off delivery' }), { today }), 'kpis')).toEqual([]);
  });
});

describe('computeObligations: UK9 contract performance notice (s.71)', () => {
  it('is due at the end of each 12 months from entry and on the day the contract ends', () => {
    const list = find(computeObligations(act({ value: { total: 6_000_000 }, endDate: '2027-12-31' }, { kpis: 3 }), { today }), 'UK9');
    expect(list.map((o) => o.due)).toEqual(['2026-11-19', '2027-11-19', '2027-12-31']);
  });

  it('is not due for a contract under £5m with no KPIs recorded', () => {
    expect(find(computeObligations(act(), { today }), 'UK9')).toEqual([]);
  });
});

describe('computeObligations: UK11 contract termination notice (s.80)', () => {
  it('is due 29 days after the contract ends, the day it ends being day 1', () => {
    expect(find(computeObligations(act({ endDate: '2026-03-31' }), { today }), 'UK11')[0]?.due).toBe('2026-04-29');
  });
});

describe('computeObligations: modifications', () => {
  const mod = (over: Partial<ModificationRecord>): ModificationRecord => ({
    id: 'MOD-1', reference: 'CON-1', date: '2026-06-01', valueChange: 160_000, termChangeDays: 0, ground: 'not-substantial', reason: 'r',
    regime: 'PA2023', belowThreshold: false, noticeRequired: true, recordedBy: 'a', recordedAt: 'x', ...over,
  });

  it('needs a UK10 before a modification that needs one, due on the day it takes effect', () => {
    expect(find(computeObligations(act(), { today, modifications: [mod({})] }), 'UK10')[0]).toMatchObject({ due: '2026-06-01', key: 'UK10:MOD-1' });
  });

  it('needs the modified contract published within 90 days when the contract is over £5m', () => {
    expect(find(computeObligations(act({ value: { total: 6_000_000 } }), { today, modifications: [mod({})] }), 'modified-contract-copy')[0]?.due).toBe('2026-08-29');
  });

  it('gives a Regulations contract no Act duties, only a notice for a regulation 72(1)(b) change', () => {
    const pcr = act({ value: { total: 6_000_000 } }, { regime: 'PCR2015' });
    expect(computeObligations(pcr, { today }).map((o) => o.obligation)).toEqual([]);
    const list = computeObligations(pcr, { today, modifications: [mod({ regime: 'PCR2015', ground: 'reg-72-1-b' })] });
    expect(list.map((o) => o.obligation)).toEqual(['PCR-72-notice']);
    expect(noObligationsReason(legalFacts(pcr))).toContain('do not apply');
  });
});
