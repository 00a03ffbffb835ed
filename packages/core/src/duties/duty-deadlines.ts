import { computeObligations, type Obligation } from '../procurement-act/obligations.js';
import type { ModificationRecord, PublicationRecord } from '../procurement-act/modification-record.js';
import type { Kpi, KpiResult, ReviewMeeting } from '../performance/kpi.schema.js';
import { resultDeadlines } from '../performance/reporting-periods.js';
import { nextReview, overdueReviewActions } from '../performance/review-schedule.js';
import type { Contract } from '../register/contract.schema.js';
import { dueWarnings, type DueWarning, type DutyDeadline, type RenewalLedger } from '../renewals/warnings.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../renewals/renewal-settings.js';
import type { IsoDate } from '../shared/iso-date.js';

/** What the statutory and performance deadlines are worked out from, for the whole register. */
export interface DutyRecords {
  readonly modifications: readonly ModificationRecord[];
  readonly publications: readonly PublicationRecord[];
  readonly kpis: readonly Kpi[];
  readonly results: readonly KpiResult[];
  readonly reviews: readonly ReviewMeeting[];
}

export const NO_DUTY_RECORDS: DutyRecords = { modifications: [], publications: [], kpis: [], results: [], reviews: [] };

/**
 * The statutory and performance deadlines still open on `today`, for the warning run:
 * - each statutory obligation not yet done (computeObligations: UK7, UK9, UK10, UK11 …), one
 *   deadline per occurrence (`UK10:MOD-1`);
 * - each KPI result not recorded, for a period that has ended or is running (resultDeadlines);
 * - the next review meeting of a contract that is performance-managed (it has KPIs or review
 *   meetings recorded), so the whole register is not asked to meet twice a year at once;
 * - each action agreed at a review that is overdue (overdueReviewActions).
 */
export function dutyDeadlines(contracts: Iterable<Contract>, records: DutyRecords, today: IsoDate): DutyDeadline[] {
  const group = <T>(items: readonly T[], referenceOf: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(referenceOf(item), [...(map.get(referenceOf(item)) ?? []), item]);
    return map;
  };
  const modifications = group(records.modifications, (m) => m.reference);
  const publications = group(records.publications, (p) => p.reference);
  const kpis = group(records.kpis, (k) => k.contract);
  const results = group(records.results, (r) => r.contract);
  const reviews = group(records.reviews, (r) => r.contract);
  const out: DutyDeadline[] = [];
  for (const contract of contracts) {
    const ref = contract.reference;
    const obligations = computeObligations(contract, { today, modifications: modifications.get(ref) ?? [], publications: publications.get(ref) ?? [] });
    for (const o of obligations) if (o.status !== 'done') out.push(obligationDeadline(o));
    for (const kpi of kpis.get(ref) ?? []) {
      for (const due of resultDeadlines(kpi, results.get(ref) ?? [], today)) {
        const { start: periodStart, end: periodEnd } = due.period;
        out.push({ reference: ref, kind: 'kpi-result', occurrence: `kpi-result:${kpi.name}:${periodStart}`, date: due.date, rule: due.rule, subject: { type: 'kpi-result', kpi: kpi.name, periodStart, periodEnd } });
      }
    }
    const meetings = reviews.get(ref) ?? [];
    if ((kpis.get(ref) ?? []).length > 0 || meetings.length > 0) {
      const next = nextReview(contract, meetings);
      if (next) out.push({ reference: ref, kind: 'review-meeting', occurrence: 'review-meeting', date: next.date, rule: next.rule, subject: { type: 'review' } });
    }
    for (const action of overdueReviewActions(meetings, today)) {
      const n = meetings.find((m) => m.id === action.meeting)?.actions.findIndex((a) => a.description === action.description && a.due === action.due) ?? 0;
      out.push({ reference: ref, kind: 'review-action', occurrence: `review-action:${action.meeting}:${n + 1}`, date: action.due, rule: action.deadline.rule, subject: { type: 'review-action', meeting: action.meeting } });
    }
  }
  return out;
}

function obligationDeadline(o: Obligation): DutyDeadline {
  return { reference: o.reference, kind: o.obligation, occurrence: o.key, date: o.due, rule: o.rule, subject: { type: 'obligation', occurrence: o.key }, ...(o.assumed ? { assumed: true as const } : {}) };
}

/**
 * The warnings due on `today` for renewals, statutory obligations and performance together:
 * dueWarnings with the duties of dutyDeadlines, so they share thresholds, ledger, escalation
 * and overdue reporting.
 *
 * @example dueDutyWarnings(contracts, ledger, '2025-12-05', settings, records) // the UK7 of a contract entered 2025-11-20, 14 days before
 */
export function dueDutyWarnings(contracts: readonly Contract[], ledger: RenewalLedger, today: IsoDate, settings: RenewalSettings = DEFAULT_RENEWAL_SETTINGS, records: DutyRecords = NO_DUTY_RECORDS): DueWarning[] {
  return dueWarnings(contracts, ledger, today, settings, dutyDeadlines(contracts, records, today));
}
