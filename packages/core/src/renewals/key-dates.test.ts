import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract, type ContractInput } from '../register/contract.schema.js';
import { computeKeyDates, type KeyDate, type KeyDateKind } from './key-dates.js';
import { DEFAULT_RENEWAL_SETTINGS, renewalSettings } from './renewal-settings.js';

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

function dateOf(dates: KeyDate[], kind: KeyDateKind): string | undefined {
  return dates.find((d) => d.kind === kind)?.date;
}

function keyDate(dates: KeyDate[], kind: KeyDateKind): KeyDate {
  const found = dates.find((d) => d.kind === kind);
  if (!found) throw new Error(`no ${kind} date in ${JSON.stringify(dates)}`);
  return found;
}

describe('computeKeyDates', () => {
  it('gives a contract whose register does not say how it renews its end, notice and re-procurement dates, soonest first', () => {
    const dates = computeKeyDates(contract());
    expect(dates.map((d) => [d.kind, d.date])).toEqual([
      // 31 March 2027 minus 270 days = Saturday 4 July 2026.
      ['reprocure', '2026-07-03'],
      ['notice', '2026-09-30'],
      ['end', '2027-03-31'],
    ]);
  });

  it('explains each date in words a contract manager can check', () => {
    const dates = computeKeyDates(contract());
    expect(keyDate(dates, 'notice').rule).toBe(
      'Last day to give notice in case it renews automatically (the register does not say whether it does): ' +
        'Wednesday 31 March 2027 minus the notice period of 6 months is Wednesday 30 September 2026.',
    );
    expect(keyDate(dates, 'reprocure').rule).toBe(
      'Start re-procurement by Friday 3 July 2026: the latest possible end, Wednesday 31 March 2027 (the end date), ' +
        'minus the 270-day lead time for an open procedure is Saturday 4 July 2026, which is a Saturday, so the previous working day, Friday 3 July 2026.',
    );
    expect(keyDate(dates, 'end').rule).toBe('The contract ends on Wednesday 31 March 2027, its current end date.');
  });

  it('clamps a notice date to the end of February, then moves it off the weekend', () => {
    // 31 August 2026 minus 6 months is Saturday 28 February 2026.
    const notice = keyDate(computeKeyDates(contract({ endDate: '2026-08-31' })), 'notice');
    expect(notice.date).toBe('2026-02-27');
    expect(notice.rule).toContain('is Saturday 28 February 2026, which is a Saturday, so the previous working day, Friday 27 February 2026');
  });

  it('clamps to 29 February in a leap year', () => {
    expect(dateOf(computeKeyDates(contract({ endDate: '2028-08-31' })), 'notice')).toBe('2028-02-29');
  });

  it('moves notice on a Saturday before a bank-holiday Monday back to the Friday, not on to the Tuesday', () => {
    // 29 November 2026 minus 3 months is Saturday 29 August 2026; Monday 31 August is the summer bank holiday.
    const dates = computeKeyDates(contract({ endDate: '2026-11-29', noticePeriod: { amount: 3, unit: 'months' } }));
    expect(dateOf(dates, 'notice')).toBe('2026-08-28');
  });

  it('moves notice that lands on the bank-holiday Monday itself back to the Friday', () => {
    const notice = keyDate(computeKeyDates(contract({ endDate: '2026-12-31', noticePeriod: { amount: 4, unit: 'months' } })), 'notice');
    expect(notice.date).toBe('2026-08-28');
    expect(notice.rule).toContain('which is a bank holiday (Summer bank holiday)');
  });

  it('moves notice over Christmas: Monday 28 December 2026 becomes Thursday 24 December', () => {
    const dates = computeKeyDates(contract({ endDate: '2027-03-28', noticePeriod: { amount: 3, unit: 'months' } }));
    expect(dateOf(dates, 'notice')).toBe('2026-12-24');
  });

  it('moves notice over both Christmas substitute days in 2027 to Friday 24 December', () => {
    const dates = computeKeyDates(contract({ endDate: '2028-06-28' }));
    expect(dateOf(dates, 'notice')).toBe('2027-12-24');
  });

  it('moves notice over Easter: Easter Monday 6 April 2026 becomes Thursday 2 April', () => {
    const dates = computeKeyDates(contract({ endDate: '2026-07-06', noticePeriod: { amount: 3, unit: 'months' } }));
    expect(dateOf(dates, 'notice')).toBe('2026-04-02');
  });

  it('skips the 2022 Platinum Jubilee and State Funeral and the 2023 Coronation', () => {
    const threeMonths = { amount: 3, unit: 'months' } as const;
    // 3 December 2022 minus 6 months is Friday 3 June 2022; 2 June was the moved spring holiday.
    expect(dateOf(computeKeyDates(contract({ endDate: '2022-12-03' })), 'notice')).toBe('2022-06-01');
    expect(dateOf(computeKeyDates(contract({ endDate: '2022-12-19', noticePeriod: threeMonths })), 'notice')).toBe('2022-09-16');
    expect(dateOf(computeKeyDates(contract({ endDate: '2023-08-08', noticePeriod: threeMonths })), 'notice')).toBe('2023-05-05');
    // VE day 2020: Friday 8 May was the holiday, Monday 4 May an ordinary day.
    expect(dateOf(computeKeyDates(contract({ endDate: '2020-08-08', noticePeriod: threeMonths })), 'notice')).toBe('2020-05-07');
    expect(dateOf(computeKeyDates(contract({ endDate: '2020-08-04', noticePeriod: threeMonths })), 'notice')).toBe('2020-05-04');
  });

  it('gives the next extension decision when a 2+1+1 contract has taken one option', () => {
    // Began 1 April 2023 for 2 years; the first 1-year option was taken, so it now ends 31 March 2026.
    const dates = computeKeyDates(
      contract({
        startDate: '2023-04-01',
        endDate: '2026-03-31',
        noticePeriod: { amount: 3, unit: 'months' },
        renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 1 },
      }),
    );
    const extension = keyDate(dates, 'extension');
    expect(extension.date).toBe('2025-12-31');
    expect(extension.rule).toContain('Decide on extension option 2 of 2 (1 year, to Wednesday 31 March 2027)');
    // An option is taken by notice, not given against renewal: no separate notice deadline.
    expect(dateOf(dates, 'notice')).toBeUndefined();
    // Final end 31 March 2027 minus 270 days is Saturday 4 July 2026.
    const reprocure = keyDate(dates, 'reprocure');
    expect(reprocure.date).toBe('2026-07-03');
    expect(reprocure.rule).toContain('Wednesday 31 March 2027 (the end date if the remaining option (1 year) is taken)');
    expect(dateOf(dates, 'end')).toBe('2026-03-31');
  });

  it('re-procures from the maximum end date recorded when there is one', () => {
    const dates = computeKeyDates(
      contract({
        endDate: '2026-03-31',
        renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 0, maximumEndDate: '2028-03-31' },
        procurement: { route: 'framework' },
      }),
    );
    // 31 March 2028 minus 180 days is Sunday 3 October 2027.
    expect(dateOf(dates, 'reprocure')).toBe('2027-10-01');
    expect(keyDate(dates, 'extension').rule).toContain('option 1 of 2');
  });

  it('has no extension decision once every option is taken', () => {
    const dates = computeKeyDates(
      contract({ renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 1 } }),
    );
    expect(dates.map((d) => d.kind)).toEqual(['reprocure', 'end']);
    expect(keyDate(dates, 'reprocure').rule).toContain('as every extension option has been taken');
  });

  it('rolls a tacit renewal forward twice when two renewal dates have passed', () => {
    const tacit = contract({
      endDate: '2024-06-30',
      noticePeriod: { amount: 3, unit: 'months' },
      renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } },
    });
    const dates = computeKeyDates(tacit, DEFAULT_RENEWAL_SETTINGS, '2026-01-15');
    const renewal = keyDate(dates, 'renewal');
    expect(renewal.date).toBe('2026-06-30');
    expect(renewal.rule).toBe(
      'Renews automatically for another 1 year at the end of the current term on Tuesday 30 June 2026 ' +
        '(the recorded end date, Sunday 30 June 2024, has passed, so it has been rolled forward twice by 1 year), unless notice is given.',
    );
    expect(dateOf(dates, 'notice')).toBe('2026-03-30');
    expect(dateOf(dates, 'end')).toBeUndefined();
  });

  it('keeps a monthly renewal on the last day of the month as it rolls', () => {
    const tacit = contract({ endDate: '2026-01-31', noticePeriod: { amount: 7, unit: 'days' }, renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'months' } } });
    expect(dateOf(computeKeyDates(tacit, DEFAULT_RENEWAL_SETTINGS, '2026-03-01'), 'renewal')).toBe('2026-03-31');
  });

  it('uses the default notice period when none is recorded and says the date is assumed', () => {
    const dates = computeKeyDates(contract({ noticePeriod: undefined }));
    const notice = keyDate(dates, 'notice');
    expect(notice.date).toBe('2026-12-31');
    expect(notice.assumed).toBe(true);
    expect(notice.rule).toContain('the default notice period of 3 months (assumed: the contract records none)');
    // Re-procurement no longer depends on the notice period.
    expect(keyDate(dates, 'reprocure').assumed).toBeUndefined();
    expect(keyDate(dates, 'end').assumed).toBeUndefined();
    expect(keyDate(computeKeyDates(contract()), 'notice').assumed).toBeUndefined();
  });

  it('takes the default notice period and lead times from the settings', () => {
    const settings = renewalSettings({ defaultNoticePeriod: { amount: 1, unit: 'months' }, leadTimeDays: { open: 30 } });
    const dates = computeKeyDates(contract({ noticePeriod: undefined }), settings);
    expect(dateOf(dates, 'notice')).toBe('2027-02-26');
    // 31 March 2027 minus 30 days is Monday 1 March 2027.
    expect(dateOf(dates, 'reprocure')).toBe('2027-03-01');
  });

  it('uses a lead time recorded on the contract before the one for its route', () => {
    // 31 March 2027 minus 100 days is Monday 21 December 2026.
    expect(dateOf(computeKeyDates(contract({ leadTimeDays: 100 })), 'reprocure')).toBe('2026-12-21');
  });

  it('assumes an open procedure when no route is recorded, and says so', () => {
    const reprocure = keyDate(computeKeyDates(contract({ procurement: {} })), 'reprocure');
    expect(reprocure.date).toBe('2026-07-03');
    expect(reprocure.rule).toContain('no procurement route is recorded, so that is assumed');
  });

  it('gives no dates for a contract with no end date', () => {
    expect(computeKeyDates(contract({ endDate: undefined }))).toEqual([]);
  });
});

describe('computeKeyDates: re-procurement, renewal type, governance and reviews', () => {
  const oneOptionLeft = (overrides: Partial<ContractInput> = {}) =>
    contract({
      noticePeriod: { amount: 3, unit: 'months' },
      procurement: { route: 'framework' },
      renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 },
      ...overrides,
    });

  it('ending 31 March 2027 with one option left: re-procure if not extended by Friday 2 October 2026, before the extension decision on 31 December 2026, so the extension is forced', () => {
    const dates = computeKeyDates(oneOptionLeft());
    expect(dates.map((d) => [d.kind, d.date])).toEqual([
      // 31 March 2027 minus 180 days is Friday 2 October 2026.
      ['reprocure-if-not-extended', '2026-10-02'],
      // 31 March 2027 minus 3 months is Thursday 31 December 2026.
      ['extension', '2026-12-31'],
      ['end', '2027-03-31'],
      // 31 March 2028 minus 180 days is Sunday 3 October 2027.
      ['reprocure', '2027-10-01'],
    ]);
    const ifNot = keyDate(dates, 'reprocure-if-not-extended');
    expect(ifNot.rule).toContain('If the contract is not extended, start re-procurement by Friday 2 October 2026: the current end date, Wednesday 31 March 2027, minus the 180-day lead time for a call-off under a framework');
    expect(ifNot.rule).toContain('before the extension decision on Thursday 31 December 2026');
    expect(ifNot.rule).toContain('the extension is forced');
  });

  it('does not call the extension forced when re-procuring takes 60 days and starts on 30 January 2027, after the decision', () => {
    // 31 March 2027 minus 60 days is Saturday 30 January 2027, so Friday 29 January.
    const ifNot = keyDate(computeKeyDates(oneOptionLeft({ leadTimeDays: 60 })), 'reprocure-if-not-extended');
    expect(ifNot.date).toBe('2027-01-29');
    expect(ifNot.rule).not.toContain('forced');
  });

  it('takes an option by its own notice: 6 months before 31 March 2027 is 30 September 2026, though termination notice is 1 month', () => {
    const extension = keyDate(computeKeyDates(oneOptionLeft({ noticePeriod: { amount: 1, unit: 'months' }, extensionNoticePeriod: { amount: 6, unit: 'months' } })), 'extension');
    expect(extension.date).toBe('2026-09-30');
    expect(extension.rule).toContain('minus the extension notice period of 6 months is Wednesday 30 September 2026');
  });

  it('gives a fixed-term contract ending 31 March 2027 no notice deadline and no assumed warning', () => {
    const dates = computeKeyDates(contract({ renewalType: 'fixed', noticePeriod: undefined }));
    expect(dates.map((d) => [d.kind, d.date])).toEqual([
      ['reprocure', '2026-07-03'],
      ['end', '2027-03-31'],
    ]);
    expect(dates.some((d) => d.assumed)).toBe(false);
  });

  it('gives a contract recorded as renewing automatically, period unknown, notice by 30 September 2026 so that it does not renew', () => {
    const notice = keyDate(computeKeyDates(contract({ renewalType: 'automatic' })), 'notice');
    expect(notice.date).toBe('2026-09-30');
    expect(notice.rule).toMatch(/^Last day to give notice so that it does not renew: /);
  });

  it('moves the extension decision on a £250,000 contract 42 days earlier, from 31 December 2026 to Thursday 19 November 2026, and says why', () => {
    const extension = keyDate(computeKeyDates(oneOptionLeft({ value: { total: 250_000 } })), 'extension');
    expect(extension.date).toBe('2026-11-19');
    expect(extension.rule).toContain('by Thursday 19 November 2026: Wednesday 31 March 2027 minus the notice period of 3 months is Thursday 31 December 2026, the last day to take the option');
    expect(extension.rule).toContain('worth £250,000 needs approval before it is taken: 42 days');
    expect(extension.rule).toContain('(England) Regulations 2012, reg. 9');
  });

  it('gives a £600,000 contract 70 days, to Thursday 22 October 2026, and a £99,999 one none', () => {
    expect(dateOf(computeKeyDates(oneOptionLeft({ value: { total: 600_000 } })), 'extension')).toBe('2026-10-22');
    expect(dateOf(computeKeyDates(oneOptionLeft({ value: { total: 99_999 } })), 'extension')).toBe('2026-12-31');
  });

  it('takes governance bands from the settings: 14 days for everything moves 31 December 2026 to Thursday 17 December', () => {
    const settings = renewalSettings({ governanceBands: [{ days: 14 }] });
    expect(dateOf(computeKeyDates(oneOptionLeft({ value: { total: 1 } }), settings), 'extension')).toBe('2026-12-17');
  });

  it('warns when the framework expires on 30 June 2027, before re-procurement by call-off starts on Friday 1 October 2027', () => {
    const dates = computeKeyDates(oneOptionLeft({ procurement: { route: 'framework', framework: 'RM6259', frameworkExpiry: '2027-06-30' } }));
    expect(keyDate(dates, 'reprocure').rule).toContain('The framework (RM6259) expires on Wednesday 30 June 2027, before re-procurement starts');
    // Re-procuring if not extended (2 October 2026) comes before expiry: no warning there.
    expect(keyDate(dates, 'reprocure-if-not-extended').rule).not.toContain('expires');
  });

  it('gives the review date recorded, Tuesday 15 September 2026, as a review key date, even with no end date', () => {
    const dates = computeKeyDates(contract({ endDate: undefined, reviewDate: '2026-09-15' }));
    expect(dates).toEqual([
      { reference: 'CON-0042', kind: 'review', date: '2026-09-15', rule: 'Review the contract by Tuesday 15 September 2026, the review date recorded in the register.' },
    ]);
  });
});
