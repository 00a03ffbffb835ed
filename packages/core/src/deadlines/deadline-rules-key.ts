import { addDays } from '../renewals/calendar-date.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';

const cache = new WeakMap<RenewalSettings, string>();

/**
 * The renewal rules that move a key date, as text: two settings with the same key give the
 * same dates. Warning thresholds and escalation do not move a date, so they are left out. The
 * bank holiday calendar is a function, so it is keyed by the holidays it gives from 2000 to 2060.
 */
export function deadlineRulesKey(settings: RenewalSettings): string {
  const known = cache.get(settings);
  if (known !== undefined) return known;
  const holidays: string[] = [];
  for (let day = '2000-01-01'; day < '2061-01-01'; day = addDays(day, 1)) {
    if (settings.bankHolidays.holidayOn(day) !== undefined) holidays.push(day);
  }
  const leadTimes = Object.entries(settings.leadTimeDays).sort(([a], [b]) => (a < b ? -1 : 1));
  const key = JSON.stringify({ notice: settings.defaultNoticePeriod, route: settings.defaultRoute, leadTimes, holidays });
  cache.set(settings, key);
  return key;
}
