import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract, type ContractInput } from '../register/contract.schema.js';
import type { RenewalDecision } from './decisions.js';
import type { KeyDateKind } from './key-dates.js';
import { renewalSettings } from './renewal-settings.js';
import { dueWarnings, EMPTY_LEDGER, warningKey, type LedgerWarning, type RenewalLedger, type WarningState } from './warnings.js';

/**
 * Ends 31 March 2027 with 6 months' notice: notice by Wednesday 30 September 2026. A 452-day
 * lead time puts re-procurement at Friday 2 January 2026 (31 March 2027 minus 452 days is
 * Saturday 3 January), long past by the time the notice warnings start.
 */
function contract(overrides: Partial<ContractInput> = {}): Contract {
  return ContractSchema.parse({
    reference: 'CON-0042',
    title: 'Revenues and benefits e-forms',
    supplier: { name: 'IEG4 Ltd' },
    owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    escalationContact: { name: 'Procurement team', email: 'procurement@council.gov.uk' },
    endDate: '2027-03-31',
    noticePeriod: { amount: 6, unit: 'months' },
    procurement: { route: 'open' },
    leadTimeDays: 452,
    ...overrides,
  });
}

const NOTICE = { reference: 'CON-0042', kind: 'notice', date: '2026-09-30' } as const;

function sent(threshold: number | 'overdue', state: WarningState = 'sent', deadline: { reference: string; kind: KeyDateKind; date: string } = NOTICE): LedgerWarning {
  return { key: warningKey(deadline, threshold), reference: deadline.reference, kind: deadline.kind, deadline: deadline.date, threshold, escalation: false, state };
}

function ledger(warnings: LedgerWarning[], decisions: RenewalDecision[] = []): RenewalLedger {
  return { warnings, decisions };
}

const summary = (warnings: ReturnType<typeof dueWarnings>) => warnings.map((w) => `${w.kind} ${w.deadline} ${w.threshold}${w.escalation ? ' escalation' : ''}`);

describe('dueWarnings', () => {
  it('warns the owner 90 days before the notice deadline, with a key that names the deadline and threshold', () => {
    // 2 July 2026 to 30 September 2026 is 90 days.
    const [warning, ...rest] = dueWarnings([contract()], EMPTY_LEDGER, '2026-07-02');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      key: 'CON-0042|notice|2026-09-30|90',
      kind: 'notice',
      deadline: '2026-09-30',
      daysLeft: 90,
      threshold: 90,
      overdue: false,
      escalation: false,
      recipient: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
    });
    expect(warning?.rule).toContain('minus the notice period of 6 months is Wednesday 30 September 2026');
  });

  it('sends each warning once: the ledger remembers it', () => {
    const remembered = ledger([sent(90)]);
    expect(dueWarnings([contract()], remembered, '2026-07-02')).toEqual([]);
    expect(dueWarnings([contract()], remembered, '2026-07-03')).toEqual([]);
    expect(dueWarnings([contract()], ledger([sent(90, 'failed')]), '2026-07-02')).toEqual([]);
  });

  it('catches up a gap of several days with one warning, not a burst', () => {
    // Last run warned at 90 days; the next run is on 2 September 2026, 28 days before: 60 and 30 were both crossed.
    const warnings = dueWarnings([contract()], ledger([sent(90)]), '2026-09-02');
    expect(summary(warnings)).toEqual(['notice 2026-09-30 30']);
  });

  it('gives a contract first seen 10 days before its deadline one warning at the 14-day threshold', () => {
    expect(summary(dueWarnings([contract()], EMPTY_LEDGER, '2026-09-20'))).toEqual(['notice 2026-09-30 14']);
  });

  it('warns on the deadline day itself at the 1-day threshold', () => {
    expect(summary(dueWarnings([contract()], ledger([sent(7, 'acknowledged')]), '2026-09-30'))).toEqual(['notice 2026-09-30 1']);
  });

  it('reports a deadline already passed with no decision as overdue, once', () => {
    // On 5 October 2026 the end, 31 March 2027, is also 177 days away: its 180-day warning is due too.
    const warnings = dueWarnings([contract()], ledger([sent(1, 'acknowledged')]), '2026-10-05');
    expect(summary(warnings)).toEqual(['notice 2026-09-30 overdue', 'end 2027-03-31 180']);
    expect(warnings[0]).toMatchObject({ key: 'CON-0042|notice|2026-09-30|overdue', overdue: true, daysLeft: -5, threshold: 'overdue' });
    const later = dueWarnings([contract()], ledger([sent(1, 'acknowledged'), sent('overdue')]), '2026-10-06');
    expect(summary(later)).toEqual(['end 2027-03-31 180']);
  });

  it('stops reporting an overdue deadline 60 days after it passed', () => {
    // The re-procurement date, Friday 2 January 2026, passed 181 days before 2 July 2026.
    expect(summary(dueWarnings([contract()], EMPTY_LEDGER, '2026-03-03'))).toEqual(['reprocure 2026-01-02 overdue']);
    expect(summary(dueWarnings([contract()], EMPTY_LEDGER, '2026-03-04'))).toEqual([]);
  });

  it('fires again when the date changes after a warning was sent', () => {
    // The end moves to 30 April 2027, so notice is due by Friday 30 October 2026: 120 days after 2 July.
    const moved = contract({ endDate: '2027-04-30' });
    const warnings = dueWarnings([moved], ledger([sent(90)]), '2026-07-02');
    expect(summary(warnings)).toEqual(['notice 2026-10-30 180']);
    expect(warnings[0]?.key).toBe('CON-0042|notice|2026-10-30|180');
  });

  it('escalates to the escalation contact when earlier warnings went unacknowledged near the deadline', () => {
    const warnings = dueWarnings([contract()], ledger([sent(30)]), '2026-09-20');
    expect(summary(warnings)).toEqual(['notice 2026-09-30 14', 'notice 2026-09-30 14 escalation']);
    expect(warnings[1]).toMatchObject({
      key: 'CON-0042|notice|2026-09-30|14|escalation',
      recipient: { email: 'procurement@council.gov.uk' },
    });
  });

  it('does not escalate once a warning about the deadline is acknowledged, nor further from it', () => {
    expect(summary(dueWarnings([contract()], ledger([sent(60), sent(30, 'acknowledged')]), '2026-09-20'))).toEqual(['notice 2026-09-30 14']);
    expect(summary(dueWarnings([contract()], ledger([sent(60)]), '2026-09-05'))).toEqual(['notice 2026-09-30 30']);
    expect(summary(dueWarnings([contract()], ledger([sent(30, 'queued')]), '2026-09-20'))).toEqual(['notice 2026-09-30 14']);
  });

  it('escalates to the procurement channel when no escalation contact is recorded, but not when there is no owner', () => {
    const [, escalation] = dueWarnings([contract({ escalationContact: undefined })], ledger([sent(30)]), '2026-09-20');
    expect(escalation).toMatchObject({ escalation: true, recipient: undefined });
    const ownerless = dueWarnings([contract({ owner: undefined })], ledger([sent(30)]), '2026-09-20');
    expect(ownerless.map((w) => [w.escalation, w.recipient?.email])).toEqual([[false, 'procurement@council.gov.uk']]);
  });

  it('escalates at a threshold the settings choose', () => {
    const settings = renewalSettings({ escalateWithinDays: 30 });
    expect(summary(dueWarnings([contract()], ledger([sent(60)]), '2026-09-05', settings))).toEqual([
      'notice 2026-09-30 30',
      'notice 2026-09-30 30 escalation',
    ]);
  });

  it('uses thresholds set on the contract, and globally in the settings', () => {
    // 16 August 2026 is 45 days before 30 September.
    expect(summary(dueWarnings([contract({ warningThresholds: [45, 10] })], EMPTY_LEDGER, '2026-08-16'))).toEqual(['notice 2026-09-30 45']);
    expect(summary(dueWarnings([contract()], EMPTY_LEDGER, '2026-08-16', renewalSettings({ warningThresholds: [50, 5] })))).toEqual(['notice 2026-09-30 50']);
    expect(summary(dueWarnings([contract({ warningThresholds: [10] })], EMPTY_LEDGER, '2026-08-16'))).toEqual([]);
  });

  it('stays quiet while snoozed, then catches up with the warning due', () => {
    const snooze: RenewalDecision = {
      reference: 'CON-0042',
      action: 'snooze',
      decidedOn: '2026-07-02',
      by: 'a.khan@council.gov.uk',
      deadlines: [NOTICE],
      snoozedUntil: '2026-07-09',
      summary: 'snoozed',
    };
    expect(dueWarnings([contract()], ledger([], [snooze]), '2026-07-08')).toEqual([]);
    expect(summary(dueWarnings([contract()], ledger([], [snooze]), '2026-07-09'))).toEqual(['notice 2026-09-30 90']);
  });

  it('raises nothing for a deadline a decision has settled, even when it has passed', () => {
    const decided: RenewalDecision = {
      reference: 'CON-0042',
      action: 'terminate',
      decidedOn: '2026-07-02',
      by: 'a.khan@council.gov.uk',
      deadlines: [NOTICE],
      summary: 'terminating',
    };
    expect(dueWarnings([contract()], ledger([], [decided]), '2026-07-02')).toEqual([]);
    expect(summary(dueWarnings([contract()], ledger([], [decided]), '2026-10-05'))).toEqual(['end 2027-03-31 180']);
  });

  it('warns a contract with options about the extension decision, with no separate notice deadline', () => {
    const optioned = contract({
      endDate: '2026-03-31',
      noticePeriod: { amount: 3, unit: 'months' },
      leadTimeDays: undefined,
      renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 1 },
    });
    // Extension decision by Wednesday 31 December 2025; 1 December is 30 days before; the end
    // (31 March 2026) is 120 days away. Re-procuring if not extended (31 March 2026 minus 270
    // days, 4 July 2025) passed more than 60 days ago; re-procurement for the last option
    // (31 March 2027 minus 270 days, Friday 3 July 2026) is 214 days away.
    expect(summary(dueWarnings([optioned], EMPTY_LEDGER, '2025-12-01'))).toEqual(['extension 2025-12-31 30', 'end 2026-03-31 180']);
  });

  it('warns about a tacit renewal rolled forward twice on its next renewal date', () => {
    const tacit = contract({
      endDate: '2024-06-30',
      noticePeriod: { amount: 3, unit: 'months' },
      renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } },
    });
    // Renews 30 June 2026, notice by Monday 30 March 2026; 15 March is 15 and 107 days before them.
    expect(summary(dueWarnings([tacit], EMPTY_LEDGER, '2026-03-15'))).toEqual(['notice 2026-03-30 30', 'renewal 2026-06-30 180']);
  });

  it('warns about a review date of Tuesday 15 September 2026 at the 14-day threshold on 1 September', () => {
    const reviewed = contract({ endDate: undefined, reviewDate: '2026-09-15' });
    expect(summary(dueWarnings([reviewed], EMPTY_LEDGER, '2026-09-01'))).toEqual(['review 2026-09-15 14']);
  });

  it('addresses the escalation contact when there is no owner, and nobody when neither is recorded', () => {
    const [toEscalation] = dueWarnings([contract({ owner: undefined })], EMPTY_LEDGER, '2026-07-02');
    expect(toEscalation?.recipient).toEqual({ name: 'Procurement team', email: 'procurement@council.gov.uk' });
    const [toNobody] = dueWarnings([contract({ owner: undefined, escalationContact: undefined })], EMPTY_LEDGER, '2026-07-02');
    expect(toNobody?.recipient).toBeUndefined();
  });

  it('says when the notice period is assumed', () => {
    // With the default 3 months, notice is due Thursday 31 December 2026; 2 October is 90 days before.
    const [warning] = dueWarnings([contract({ noticePeriod: undefined })], EMPTY_LEDGER, '2026-10-02');
    expect(warning).toMatchObject({ kind: 'notice', deadline: '2026-12-31', threshold: 90, assumed: true });
  });
});
