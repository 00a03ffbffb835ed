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
  /**
   * Days of approval needed before a decision to extend, re-procure or let a contract end, by
   * contract value: the first band whose `below` the value is under applies (the last has none).
   */
  readonly governanceBands: readonly GovernanceBand[];
  /** Days before each kind of statutory or performance deadline at which to warn (DEFAULT_DUTY_THRESHOLDS). */
  readonly dutyThresholds: Readonly<Record<DutyKind, readonly number[]>>;
}

/**
 * The statutory and performance deadlines the warning run warns of, besides the renewal key
 * dates: the Procurement Act 2023 and Regulations 2015 publication duties (OBLIGATION_CODES in
 * procurement-act/obligations.ts), a KPI result, the next review meeting (`review-meeting`) and
 * an action agreed at a review (`review-action`, reported once overdue).
 */
export const DUTY_KINDS = ['UK7', 'contract-copy', 'kpis', 'UK9', 'UK10', 'modified-contract-copy', 'UK11', 'PCR-72-notice', 'kpi-result', 'review-meeting', 'review-action'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/** How each duty kind is named in a list or on a card. */
export const DUTY_KIND_WORDS: Readonly<Record<DutyKind, string>> = {
  UK7: 'contract details notice (UK7)',
  'contract-copy': 'copy of the contract',
  kpis: 'set KPIs (s.52)',
  UK9: 'contract performance notice (UK9)',
  UK10: 'contract change notice (UK10)',
  'modified-contract-copy': 'copy of the modified contract',
  UK11: 'contract termination notice (UK11)',
  'PCR-72-notice': 'modification notice (reg. 72)',
  'kpi-result': 'KPI result',
  'review-meeting': 'review meeting',
  'review-action': 'review action',
};

/*
 * Statutory notices have short windows (30 days for a UK7, 30 after the end for a UK11), so
 * their warnings start a month out; a UK9 comes once a year, so two months; a UK10 must be
 * published before the change takes effect, and a voluntary standstill of 8 working days may
 * follow (s.76), so three weeks. A KPI result is asked for a week before its period ends; a
 * review meeting a month before, to book it. Review actions are only reported once overdue.
 */
export const DEFAULT_DUTY_THRESHOLDS: Readonly<Record<DutyKind, readonly number[]>> = {
  UK7: [30, 14, 7, 1],
  'contract-copy': [30, 14, 7, 1],
  kpis: [30, 14, 7, 1],
  UK9: [60, 30, 14, 7, 1],
  UK10: [21, 14, 7, 1],
  'modified-contract-copy': [30, 14, 7, 1],
  UK11: [30, 14, 7, 1],
  'PCR-72-notice': [14, 7, 1],
  'kpi-result': [7, 1],
  'review-meeting': [30, 7],
  'review-action': [],
};

/** A value band and the days its decisions need for approval before they are taken. */
export interface GovernanceBand {
  /** The band holds contracts worth less than this many pounds; absent on the top band. */
  readonly below?: number;
  readonly days: number;
}

/*
 * A key decision may not be taken until a notice of it has been published at least 28 clear
 * days before (Local Authorities (Executive Arrangements) (Meetings and Access to Information)
 * (England) Regulations 2012, reg. 9), and a report has to be written and go through a
 * committee or cabinet cycle (about two weeks more) first. Under £100,000 an officer decides
 * under delegated powers: no lead time. Up to £500,000: 42 days (28 clear days' notice plus a
 * two-week report and sign-off). Above: 70 days (a full cabinet cycle as well). Councils set
 * their own key-decision threshold in their constitution, so these are settings.
 */
export const DEFAULT_GOVERNANCE_BANDS: readonly GovernanceBand[] = [
  { below: 100_000, days: 0 },
  { below: 500_000, days: 42 },
  { days: 70 },
];

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [180, 90, 60, 30, 14, 7, 1];

export const DEFAULT_RENEWAL_SETTINGS: RenewalSettings = {
  defaultNoticePeriod: { amount: 3, unit: 'months' },
  leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
  defaultRoute: 'open',
  warningThresholds: DEFAULT_WARNING_THRESHOLDS,
  escalateWithinDays: 14,
  overdueForDays: 60,
  bankHolidays: ENGLAND_AND_WALES,
  governanceBands: DEFAULT_GOVERNANCE_BANDS,
  dutyThresholds: DEFAULT_DUTY_THRESHOLDS,
};

/** Rules to replace in the defaults; lead times and duty thresholds can be given for some kinds only. */
export type RenewalSettingsOverrides = Partial<Omit<RenewalSettings, 'leadTimeDays' | 'dutyThresholds'>> & {
  readonly leadTimeDays?: Partial<Record<ProcurementRoute, number>>;
  readonly dutyThresholds?: Partial<Record<DutyKind, readonly number[]>>;
};

/** The defaults with some rules replaced. */
export function renewalSettings(overrides: RenewalSettingsOverrides = {}): RenewalSettings {
  return {
    ...DEFAULT_RENEWAL_SETTINGS,
    ...overrides,
    leadTimeDays: { ...DEFAULT_RENEWAL_SETTINGS.leadTimeDays, ...overrides.leadTimeDays },
    dutyThresholds: { ...DEFAULT_DUTY_THRESHOLDS, ...overrides.dutyThresholds },
  };
}

/** What duty thresholds look like as text, for messages that refuse a bad value. */
export const DUTY_THRESHOLDS_FORMAT = `kinds and days, such as UK7=14,7,1;kpi-result=3 (kinds: ${DUTY_KINDS.join(', ')}; days from 0 to 365)`;

/**
 * Duty thresholds from text, as the bot's configuration and the CLI take them:
 * `UK7=14,7,1;UK9=30` warns of a UK7 14, 7 and 1 days before, of a UK9 30 days before, and of
 * the other kinds at their defaults. Undefined when the text is not of that form.
 */
export function parseDutyThresholds(text: string): Partial<Record<DutyKind, readonly number[]>> | undefined {
  const out: Partial<Record<DutyKind, readonly number[]>> = {};
  const parts = text.split(';').map((part) => part.trim()).filter(Boolean);
  for (const part of parts) {
    const match = /^([A-Za-z0-9-]+)\s*=\s*([\d\s,]*)$/.exec(part);
    const kind = DUTY_KINDS.find((k) => k.toLowerCase() === match?.[1]?.toLowerCase());
    if (!match || !kind) return undefined;
    const days = (match[2] ?? '').split(',').map((d) => d.trim()).filter(Boolean).map(Number);
    if (days.some((d) => !Number.isInteger(d) || d > 365)) return undefined;
    out[kind] = days;
  }
  return parts.length > 0 ? out : undefined;
}

/** The band a contract worth `value` pounds falls in; undefined when the value is not known. */
export function governanceBandFor(value: number | undefined, bands: readonly GovernanceBand[]): GovernanceBand | undefined {
  if (value === undefined) return undefined;
  return bands.find((band) => band.below === undefined || value < band.below) ?? bands[bands.length - 1];
}

/** What governance bands look like as text, for messages that refuse a bad value. */
export const GOVERNANCE_BANDS_FORMAT =
  'value limits in pounds and days, such as 100000:0,500000:42,70 (0 days under £100,000, 42 under £500,000, 70 above): each limit higher than the one before, the last band days only, at most 365 days';

const MAX_GOVERNANCE_DAYS = 365;

/**
 * Governance bands from text, as the bot's configuration and the CLI take them:
 * `100000:0,500000:42,70` is 0 days under £100,000, 42 under £500,000, 70 above.
 * Undefined when the text is not of that form.
 */
export function parseGovernanceBands(text: string): GovernanceBand[] | undefined {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const bands: GovernanceBand[] = [];
  for (const [index, part] of parts.entries()) {
    const match = /^(?:(\d+)\s*:\s*)?(\d+)$/.exec(part.replace(/[£_]/g, ''));
    if (!match) return undefined;
    const [, below, days] = match;
    // More than a year of approval is a typing slip, and would move a date past any warning.
    if (Number(days) > MAX_GOVERNANCE_DAYS) return undefined;
    const last = index === parts.length - 1;
    if ((below === undefined) !== last) return undefined;
    const previous = bands[bands.length - 1]?.below;
    if (below !== undefined && previous !== undefined && Number(below) <= previous) return undefined;
    bands.push(below === undefined ? { days: Number(days) } : { below: Number(below), days: Number(days) });
  }
  return bands.length > 0 ? bands : undefined;
}
