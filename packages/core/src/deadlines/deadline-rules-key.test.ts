import { describe, expect, it } from 'vitest';
import { createBankHolidayCalendar } from '../renewals/bank-holidays.js';
import { DEFAULT_RENEWAL_SETTINGS, renewalSettings } from '../renewals/renewal-settings.js';
import { deadlineRulesKey } from './deadline-rules-key.js';

describe('deadlineRulesKey', () => {
  it('is the same for rules that give the same dates, whatever the warning settings', () => {
    expect(deadlineRulesKey(renewalSettings({ escalateWithinDays: 7, overdueForDays: 30, warningThresholds: [30] }))).toBe(deadlineRulesKey(DEFAULT_RENEWAL_SETTINGS));
  });

  it('differs when a notice period, a lead time, a governance lead time or a bank holiday differs', () => {
    const base = deadlineRulesKey(DEFAULT_RENEWAL_SETTINGS);
    expect(deadlineRulesKey(renewalSettings({ defaultNoticePeriod: { amount: 6, unit: 'months' } }))).not.toBe(base);
    expect(deadlineRulesKey(renewalSettings({ leadTimeDays: { open: 100 } }))).not.toBe(base);
    // Approval time moves decisions earlier, so GOVERNANCE_LEAD_TIMES changes the dates.
    expect(deadlineRulesKey(renewalSettings({ governanceBands: [{ below: 100_000, days: 0 }, { below: 500_000, days: 42 }, { days: 90 }] }))).not.toBe(base);
    expect(deadlineRulesKey(renewalSettings({ bankHolidays: createBankHolidayCalendar([{ date: '2027-06-04', name: 'Jubilee' }]) }))).not.toBe(base);
  });

  it('counts a rule it does not know by name, so a new setting that moves dates is not missed', () => {
    const withNew = { ...DEFAULT_RENEWAL_SETTINGS, governanceLeadTimes: [{ fromValue: 500_000, days: 42 }] };
    expect(deadlineRulesKey(withNew)).not.toBe(deadlineRulesKey(DEFAULT_RENEWAL_SETTINGS));
  });
});
