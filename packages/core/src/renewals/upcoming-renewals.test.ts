import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract, type ContractInput } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { DecisionAction, RenewalDecision } from './decisions.js';
import type { KeyDateKind } from './key-dates.js';
import { listRenewals, type RenewalFlagger, type RenewalRow } from './upcoming-renewals.js';

// CON-0042 ends 31 March 2027 with 6 months' notice on an open procedure, so (key-dates.test.ts)
// re-procure by Friday 3 July 2026 (31 March 2027 minus the 270-day lead time is Saturday 4 July),
// give notice by 30 September 2026 in case it renews automatically, end 31 March 2027.
function contract(overrides: Partial<ContractInput> = {}): Contract {
  return ContractSchema.parse({
    reference: 'CON-0042',
    title: 'Revenues and benefits e-forms',
    supplier: { name: 'IEG4 Ltd' },
    owner: { email: 'a.khan@council.gov.uk' },
    endDate: '2027-03-31',
    noticePeriod: { amount: 6, unit: 'months' },
    procurement: { route: 'open' },
    ...overrides,
  });
}

function decision(action: DecisionAction, kind: KeyDateKind, date: IsoDate, snoozedUntil?: IsoDate): RenewalDecision {
  return {
    reference: 'CON-0042',
    action,
    decidedOn: '2026-01-10',
    by: 'a.khan@council.gov.uk',
    deadlines: [{ reference: 'CON-0042', kind, date }],
    ...(snoozedUntil ? { snoozedUntil } : {}),
    summary: `${action} ${kind}`,
  };
}

const rowsOf = (rows: RenewalRow[]) => rows.map((r) => [r.reference, r.kind, r.date, r.daysLeft, r.overdue]);

describe('listRenewals', () => {
  it('lists every key date soonest first, counting the days left from today (negative once passed)', () => {
    // 3 July to 2 August 2026 is 30 days; to 30 September 2026, 59; to 31 March 2027, 241.
    expect(rowsOf(listRenewals([contract()], [], '2026-08-02'))).toEqual([
      ['CON-0042', 'reprocure', '2026-07-03', -30, true],
      ['CON-0042', 'notice', '2026-09-30', 59, false],
      ['CON-0042', 'end', '2027-03-31', 241, false],
    ]);
  });

  it('carries the title, the owner and the rule of each date', () => {
    const [first] = listRenewals([contract()], [], '2026-08-02');
    expect(first).toMatchObject({ title: 'Revenues and benefits e-forms', ownerEmail: 'a.khan@council.gov.uk', flags: [] });
    expect(first?.rule).toMatch(/^Start re-procurement by Friday 3 July 2026: /);
    expect(listRenewals([contract({ owner: { name: 'Housing' } })], [], '2026-08-02')[0]).not.toHaveProperty('ownerEmail');
  });

  it('keeps only dates at most `within` days ahead, but always the overdue ones', () => {
    const kinds = (within: number) => listRenewals([contract()], [], '2026-08-02', { within }).map((r) => r.kind);
    expect(kinds(59)).toEqual(['reprocure', 'notice']);
    expect(kinds(58)).toEqual(['reprocure']);
    expect(kinds(0)).toEqual(['reprocure']);
  });

  it('reports a passed date as overdue for 60 days by default, then drops it', () => {
    // 3 July 2026 plus 60 days is 1 September 2026.
    expect(listRenewals([contract()], [], '2026-09-01')[0]).toMatchObject({ kind: 'reprocure', daysLeft: -60, overdue: true });
    expect(listRenewals([contract()], [], '2026-09-02').map((r) => r.kind)).toEqual(['notice', 'end']);
  });

  it('leaves out a date a decision settled, but not one it only acknowledged, nor an older date of the same kind', () => {
    const kinds = (decisions: RenewalDecision[]) => listRenewals([contract()], decisions, '2026-08-02').map((r) => r.kind);
    expect(kinds([decision('reprocure', 'reprocure', '2026-07-03')])).toEqual(['notice', 'end']);
    expect(kinds([decision('acknowledge', 'reprocure', '2026-07-03')])).toEqual(['reprocure', 'notice', 'end']);
    // A decision about the deadline before the dates changed does not settle the new one.
    expect(kinds([decision('reprocure', 'reprocure', '2026-07-01')])).toEqual(['reprocure', 'notice', 'end']);
  });

  it('flags a snoozed date until the snooze ends', () => {
    const snoozed = [decision('snooze', 'reprocure', '2026-07-03', '2026-08-15')];
    expect(listRenewals([contract()], snoozed, '2026-08-02')[0]?.flags).toEqual([{ code: 'snoozed', message: 'warnings snoozed until 2026-08-15' }]);
    expect(listRenewals([contract()], snoozed, '2026-08-15')[0]?.flags).toEqual([]);
  });

  it('flags the notice date when it rests on the default notice period, and not the re-procurement date, which no longer uses it', () => {
    const rows = listRenewals([contract({ noticePeriod: undefined })], [], '2026-08-02');
    const assumed = rows.filter((r) => r.flags.some((f) => f.code === 'assumed-notice')).map((r) => r.kind);
    expect(assumed).toEqual(['notice']);
    expect(rows.find((r) => r.kind === 'notice')?.date).toBe('2026-12-31');
  });

  it('asks each flagger once per listed contract and adds its remarks after its own', () => {
    const asked: string[] = [];
    const flagger: RenewalFlagger = (c) => {
      asked.push(c.reference);
      return [{ code: 'lacks-appendix-m', message: 'lacks Appendix M clauses' }];
    };
    const contracts = [contract(), contract({ reference: 'CON-0099', endDate: undefined })];
    const rows = listRenewals(contracts, [decision('snooze', 'reprocure', '2026-07-03', '2026-08-15')], '2026-08-02', { flaggers: [flagger] });
    expect(asked).toEqual(['CON-0042']);
    expect(rows[0]?.flags.map((f) => f.code)).toEqual(['snoozed', 'lacks-appendix-m']);
    expect(rows.every((r) => r.flags.at(-1)?.code === 'lacks-appendix-m')).toBe(true);
  });

  it('merges the dates of several contracts in date order, and lists nothing for a contract with no end date', () => {
    const later = contract({ reference: 'CON-0007', endDate: '2027-06-30', noticePeriod: { amount: 1, unit: 'months' } });
    const rows = listRenewals([contract(), later, contract({ reference: 'CON-0099', endDate: undefined })], [], '2026-08-02', { within: 365 });
    expect(rows.map((r) => [r.reference, r.kind, r.date])).toEqual([
      ['CON-0042', 'reprocure', '2026-07-03'],
      ['CON-0042', 'notice', '2026-09-30'],
      // 30 June 2027 minus 270 days is Saturday 3 October 2026, so Friday 2 October.
      ['CON-0007', 'reprocure', '2026-10-02'],
      ['CON-0042', 'end', '2027-03-31'],
      // 30 June 2027 minus 1 month is Sunday 30 May 2027, so the previous working day, Friday 28 May.
      ['CON-0007', 'notice', '2027-05-28'],
      ['CON-0007', 'end', '2027-06-30'],
    ]);
  });
});
