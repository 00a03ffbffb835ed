import { addDays } from '../shared/calendar.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';

const cache = new WeakMap<RenewalSettings, string>();

/** Settings that decide when to warn or what to list, never where a date falls. */
const NOT_DATES: ReadonlySet<string> = new Set(['warningThresholds', 'escalateWithinDays', 'overdueForDays', 'bankHolidays']);

/**
 * The renewal rules that can move a key date, as text: two settings with the same key give the
 * same dates. Every setting counts except the few that only decide warnings and listing, so a
 * rule added later is counted without anyone remembering to. The bank holiday calendar is a
 * function, so it is keyed by the holidays it gives from 2000 to 2060.
 */
export function deadlineRulesKey(settings: RenewalSettings): string {
  const known = cache.get(settings);
  if (known !== undefined) return known;
  const holidays: string[] = [];
  for (let day = '2000-01-01'; day < '2061-01-01'; day = addDays(day, 1)) {
    if (settings.bankHolidays.holidayOn(day) !== undefined) holidays.push(day);
  }
  const rules = Object.entries(settings)
    .filter(([name]) => !NOT_DATES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => [name, sortedJson(value)]);
  const key = JSON.stringify({ rules, holidays });
  cache.set(settings, key);
  return key;
}

/** JSON with object keys in order, so `{ open: 1, direct: 2 }` and `{ direct: 2, open: 1 }` match. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
