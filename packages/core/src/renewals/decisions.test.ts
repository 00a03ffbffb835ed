import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract, type ContractInput } from '../register/contract.schema.js';
import { decide, type DecisionOutcome, type DecisionRequest } from './decisions.js';
import { computeKeyDates } from './key-dates.js';
import { listRenewals } from './upcoming-renewals.js';
import { dueWarnings } from './warnings.js';

function contract(overrides: Partial<ContractInput> = {}): Contract {
  return ContractSchema.parse({
    reference: 'CON-0042',
    title: 'Revenues and benefits e-forms',
    supplier: { name: 'IEG4 Ltd' },
    owner: { email: 'a.khan@council.gov.uk' },
    endDate: '2026-03-31',
    noticePeriod: { amount: 3, unit: 'months' },
    procurement: { route: 'open' },
    renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 1 },
    ...overrides,
  });
}

const by = 'a.khan@council.gov.uk';

function decided(c: Contract, request: DecisionRequest, today = '2025-12-01'): DecisionOutcome {
  const result = decide(c, request, { today, by });
  if (!result.success) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.value;
}

describe('decide', () => {
  it('extends by taking the next option, which moves the end date and what is due next', () => {
    const { contract: extended, decision, contractChanged } = decided(contract(), { action: 'extend' });
    expect(contractChanged).toBe(true);
    expect(extended.endDate).toBe('2027-03-31');
    expect(extended.renewal).toMatchObject({ type: 'extension-options', taken: 2 });
    expect(decision).toMatchObject({ action: 'extend', by, decidedOn: '2025-12-01' });
    expect(decision.summary).toBe(`${by} took extension option 2 of 2 (1 year) for CON-0042: it now ends on Wednesday 31 March 2027.`);
    // Every option is now taken: no extension decision and no notice (it simply expires);
    // re-procure by 31 March 2027 minus 270 days, Saturday 4 July 2026, so Friday 3 July.
    const after = computeKeyDates(extended);
    expect(after.map((d) => [d.kind, d.date])).toEqual([
      ['reprocure', '2026-07-03'],
      ['end', '2027-03-31'],
    ]);
    // Both more than 180 days away on 1 December 2025.
    expect(dueWarnings([extended], { warnings: [], decisions: [decision] }, '2025-12-01')).toEqual([]);
  });

  it('refuses to extend when no option is left, or the contract has none', () => {
    const allTaken = decide(contract({ renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 1 } }), { action: 'extend' }, { today: '2025-12-01', by });
    expect(allTaken).toMatchObject({ success: false, problems: [{ code: 'no-option-left' }] });
    const fixed = decide(contract({ renewal: { type: 'fixed' } }), { action: 'extend' }, { today: '2025-12-01', by });
    expect(fixed).toMatchObject({ success: false, problems: [{ code: 'not-extendable' }] });
  });

  it('records re-procurement, which settles the re-procurement and extension deadlines but not the end', () => {
    const { decision, contractChanged } = decided(contract(), { action: 'reprocure' });
    expect(contractChanged).toBe(false);
    // 31 March 2026 minus 270 days is Friday 4 July 2025; 31 March 2027 minus 270 days is Saturday 4 July 2026, so Friday 3 July.
    expect(decision.deadlines).toEqual([
      { reference: 'CON-0042', kind: 'reprocure-if-not-extended', date: '2025-07-04' },
      { reference: 'CON-0042', kind: 'extension', date: '2025-12-31' },
      { reference: 'CON-0042', kind: 'reprocure', date: '2026-07-03' },
    ]);
    const rows = listRenewals([contract()], [decision], '2025-12-01');
    expect(rows.map((r) => r.kind)).toEqual(['end']);
  });

  it('terminates a tacitly renewing contract at the end of its current term, leaving nothing more to warn about', () => {
    const tacit = contract({ endDate: '2024-06-30', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } } });
    const { contract: ending, decision } = decided(tacit, { action: 'terminate' }, '2026-01-15');
    expect(ending.renewal).toEqual({ type: 'fixed' });
    expect(ending.endDate).toBe('2026-06-30');
    expect(decision.summary).toBe(`${by} recorded that the council is terminating CON-0042, ending Tuesday 30 June 2026.`);
    expect(dueWarnings([ending], { warnings: [], decisions: [decision] }, '2026-03-20')).toEqual([]);
    expect(dueWarnings([ending], { warnings: [], decisions: [] }, '2026-03-20').length).toBeGreaterThan(0);
  });

  it('lets a contract expire, which settles all its current deadlines', () => {
    const { decision } = decided(contract({ renewal: { type: 'fixed' } }), { action: 'let-expire' });
    expect(decision.deadlines.map((d) => d.kind).sort()).toEqual(['end', 'notice', 'reprocure']);
    expect(listRenewals([contract({ renewal: { type: 'fixed' } })], [decision], '2025-12-01')).toEqual([]);
  });

  it('records a renegotiation with a new end date, whose new deadlines are due', () => {
    const { contract: renegotiated, decision } = decided(contract({ renewal: { type: 'fixed' } }), { action: 'renegotiated', newEndDate: '2029-03-31', savingId: 'SAV-7' });
    expect(renegotiated.endDate).toBe('2029-03-31');
    expect(decision).toMatchObject({ action: 'renegotiated', savingId: 'SAV-7' });
    const rows = listRenewals([renegotiated], [decision], '2025-12-01');
    // 31 March 2029 minus 3 months is Sunday 31 December 2028, so Friday 29 December.
    expect(rows.find((r) => r.kind === 'notice')?.date).toBe('2028-12-29');
  });

  it('keeps the end date and re-procurement of a contract renegotiated without a new end date: it still ends', () => {
    const fixed = contract({ renewal: { type: 'fixed' }, endDate: '2026-02-14' });
    const { contract: renegotiated, decision } = decided(fixed, { action: 'renegotiated', savingId: 'SAV-8' });
    expect(renegotiated.endDate).toBe('2026-02-14');
    const kinds = listRenewals([renegotiated], [decision], '2025-12-01').map((r) => r.kind);
    expect(kinds).toContain('end');
    // The notice decision is made: the price was agreed.
    expect(kinds).not.toContain('notice');
  });

  it('snoozes for a number of days, then the warnings come back', () => {
    const { decision } = decided(contract(), { action: 'snooze', days: 7 }, '2025-12-01');
    expect(decision.snoozedUntil).toBe('2025-12-08');
    const ledger = { warnings: [], decisions: [decision] };
    expect(dueWarnings([contract()], ledger, '2025-12-07')).toEqual([]);
    expect(dueWarnings([contract()], ledger, '2025-12-08').map((w) => w.kind)).toEqual(['extension', 'end']);
    expect(decide(contract(), { action: 'snooze', days: 0 }, { today: '2025-12-01', by })).toMatchObject({ success: false, problems: [{ code: 'invalid-snooze' }] });
  });

  it('refuses a renegotiation ending on a day that does not exist, such as 31 February', () => {
    expect(decide(contract(), { action: 'renegotiated', newEndDate: '2028-02-31' }, { today: '2025-12-01', by })).toMatchObject({ success: false, problems: [{ code: 'invalid-end-date' }] });
  });

  it('records an acknowledgement without settling anything', () => {
    const { decision } = decided(contract(), { action: 'acknowledge', note: 'Seen, discussing with IT' });
    expect(decision).toMatchObject({ action: 'acknowledge', note: 'Seen, discussing with IT' });
    expect(dueWarnings([contract()], { warnings: [], decisions: [decision] }, '2025-12-01')).toHaveLength(2);
  });
});
