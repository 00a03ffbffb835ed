import type { Duration, ProcurementRoute } from '../register/contract.schema.js';
import { ENGLAND_AND_WALES, type BankHolidayCalendar } from './bank-holidays.js';
import { DEFAULT_LEAD_TIME_DAYS } from './lead-times.js';

/** The council's renewal rules. Every field has a documented default (DEFAULT_RENEWAL_SETTINGS). */
export interface RenewalSettings {
  /** Used, and flagged as assumed, when a contract records no notice period. */
  readonly defaultNoticePeriod: Duration;
  /** Days to re-procure, by procurement route. */
  readonly leadTimeDays: Readonly<Record<ProcurementRoute, number>>;
  /** The route assumed when a contract records none. */
  readonly defaultRoute: ProcurementRoute;
  /** Days before a deadline at which to warn, for contracts that set none of their own. */
  readonly warningThresholds: readonly number[];
  /**
   * When a deadline is this many days away or fewer and an earlier warning about it has not been
   * acknowledged, the warning also goes to the escalation contact.
   */
  readonly escalateWithinDays: number;
  /** Deadlines passed with no decision are reported as overdue for this many days after. */
  readonly overdueForDays: number;
  /** Bank holidays that move a deadline to the previous working day. */
  readonly bankHolidays: BankHolidayCalendar;
}

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [180, 90, 60, 30, 14, 7, 1];

export const DEFAULT_RENEWAL_SETTINGS: RenewalSettings = {
  defaultNoticePeriod: { amount: 3, unit: 'months' },
  leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
  defaultRoute: 'open',
  warningThresholds: DEFAULT_WARNING_THRESHOLDS,
  escalateWithinDays: 14,
  overdueForDays: 60,
  bankHolidays: ENGLAND_AND_WALES,
};

/** Rules to replace in the defaults; lead times can be given for some routes only. */
export type RenewalSettingsOverrides = Partial<Omit<RenewalSettings, 'leadTimeDays'>> & {
  readonly leadTimeDays?: Partial<Record<ProcurementRoute, number>>;
};

/** The defaults with some rules replaced. */
export function renewalSettings(overrides: RenewalSettingsOverrides = {}): RenewalSettings {
  return {
    ...DEFAULT_RENEWAL_SETTINGS,
    ...overrides,
    leadTimeDays: { ...DEFAULT_RENEWAL_SETTINGS.leadTimeDays, ...overrides.leadTimeDays },
  };
}
