import type { Kpi, KpiResult, ReviewMeeting } from '../performance/kpi.schema.js';
import { resultDeadlines } from '../performance/reporting-periods.js';
import { nextReview } from '../performance/review-schedule.js';
import type { ModificationRecord, PublicationRecord } from '../procurement-act/modification-record.js';
import { computeObligations } from '../procurement-act/obligations.js';
import type { Contract } from '../register/contract.schema.js';
import { deadlineId } from '../renewals/deadlines.js';
import type { RenewalDecision } from '../renewals/decisions.js';
import { keyDateFacts } from '../renewals/key-dates.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../renewals/renewal-settings.js';
import { decisionIndex } from '../renewals/warnings.js';
import type { IsoDate } from '../shared/iso-date.js';

/** Where a deadline comes from: a renewal key date, a Procurement Act duty, or contract performance. */
export const DEADLINE_SOURCES = ['renewal', 'procurement-act', 'performance'] as const;
export type DeadlineSource = (typeof DEADLINE_SOURCES)[number];

/** Open until a decision settles it (renewals), a publication is recorded, a result is in, or an action is done. */
export type DeadlineStatus = 'open' | 'settled';

/**
 * One deadline of one contract as the store indexes it, without its sentence: enough to find
 * the contracts a question is about by date or by owner, so only those are loaded and explained.
 */
export interface DeadlineIndexRow {
  readonly reference: string;
  readonly source: DeadlineSource;
  /** A renewal key date kind, an obligation code, or a performance deadline kind. */
  readonly kind: string;
  /** Unique within the contract and source: `notice|2026-09-30`, `UK9:2026-11-19`, `kpi-result:availability:2026-04-01`. */
  readonly key: string;
  readonly date: IsoDate;
  /**
   * The earliest this deadline can be on any day. A tacit renewal rolls forward as days pass, so
   * its dates only move later: `floorDate` is the date before any roll, `date` the one as of the
   * day the row was computed.
   */
  readonly floorDate: IsoDate;
  /** True when the date moves later as days pass (a tacitly renewing contract). */
  readonly moves: boolean;
  /** True when the contract's rows change as days pass, so the daily run recomputes them. */
  readonly daily: boolean;
  /** Lower-cased, as the register is searched. */
  readonly ownerEmail?: string;
  readonly escalationEmail?: string;
  /** The contract's estimated annual spend, so a digest totals a window without reading the contracts. */
  readonly annualValue?: number;
  readonly status: DeadlineStatus;
}

/** Everything a contract's deadlines depend on, besides the day and the council's rules. */
export interface ContractDeadlineInput {
  readonly contract: Contract;
  readonly decisions?: readonly RenewalDecision[];
  readonly modifications?: readonly ModificationRecord[];
  readonly publications?: readonly PublicationRecord[];
  readonly kpis?: readonly Kpi[];
  readonly kpiResults?: readonly KpiResult[];
  readonly reviewMeetings?: readonly ReviewMeeting[];
}

/**
 * The index rows of one contract on `today`: its renewal key dates (settled ones marked so),
 * its statutory obligations (settled once published), its KPI results due, its next review
 * and its open review actions. The store keeps these rows in step with the contract; a full
 * recomputation from the same input gives the same rows.
 *
 * @example deadlineIndexRows({ contract }, '2026-11-26').filter((r) => r.source === 'renewal')
 */
export function deadlineIndexRows(input: ContractDeadlineInput, today: IsoDate, settings: RenewalSettings = DEFAULT_RENEWAL_SETTINGS): DeadlineIndexRow[] {
  const { contract } = input;
  const reference = contract.reference;
  const people = {
    ...(contract.owner?.email ? { ownerEmail: contract.owner.email.trim().toLowerCase() } : {}),
    ...(contract.escalationContact?.email ? { escalationEmail: contract.escalationContact.email.trim().toLowerCase() } : {}),
    ...(contract.value.annual === undefined ? {} : { annualValue: contract.value.annual }),
  };
  const rows: DeadlineIndexRow[] = [];
  const rolls = contract.renewal.type === 'auto-renewal';
  const { settled } = decisionIndex((input.decisions ?? []).filter((d) => d.reference === reference));
  const floors = rolls ? new Map(keyDateFacts(contract, settings).map((f) => [f.kind, f.date])) : undefined;
  for (const fact of keyDateFacts(contract, settings, today)) {
    rows.push({
      reference,
      source: 'renewal',
      kind: fact.kind,
      key: `${fact.kind}|${fact.date}`,
      date: fact.date,
      floorDate: floors?.get(fact.kind) ?? fact.date,
      moves: rolls,
      daily: false,
      ...people,
      status: settled.has(deadlineId(fact)) ? 'settled' : 'open',
    });
  }

  const obligations = computeObligations(contract, { today, modifications: input.modifications ?? [], publications: input.publications ?? [] });
  // With no end date, UK9 periods are listed up to a year ahead of today: new ones appear as days pass.
  const obligationsDaily = contract.endDate === undefined && obligations.some((o) => o.obligation === 'UK9');
  for (const o of obligations) {
    rows.push({ reference, source: 'procurement-act', kind: o.obligation, key: o.key, date: o.due, floorDate: o.due, moves: false, daily: obligationsDaily, ...people, status: o.status === 'done' ? 'settled' : 'open' });
  }

  const results = input.kpiResults ?? [];
  const kpis = (input.kpis ?? []).filter((k) => k.contract === reference);
  for (const kpi of kpis) {
    for (const due of resultDeadlines(kpi, results, today)) {
      rows.push({ reference, source: 'performance', kind: due.kind, key: `${due.kind}:${kpi.name.trim().toLowerCase()}:${due.date}`, date: due.date, floorDate: due.date, moves: false, daily: true, ...people, status: 'open' });
    }
  }
  const meetings = (input.reviewMeetings ?? []).filter((m) => m.contract === reference);
  const review = nextReview(contract, meetings);
  if (review) rows.push({ reference, source: 'performance', kind: review.kind, key: review.kind, date: review.date, floorDate: review.date, moves: false, daily: false, ...people, status: 'open' });
  for (const meeting of meetings) {
    meeting.actions.forEach((action, i) => {
      rows.push({ reference, source: 'performance', kind: 'review-action', key: `review-action:${meeting.id}:${i + 1}`, date: action.due, floorDate: action.due, moves: false, daily: false, ...people, status: action.done ? 'settled' : 'open' });
    });
  }
  // Any daily row makes the whole contract a daily one: the refresh recomputes contracts, not rows.
  const daily = rows.some((r) => r.daily || r.moves);
  return rows.map((r) => (r.daily === daily ? r : { ...r, daily })).sort(compareRows);
}

/** Date, then reference, source and key: one order for the store and for a recomputation. */
export function compareRows(a: DeadlineIndexRow, b: DeadlineIndexRow): number {
  return cmp(a.date, b.date) || cmp(a.reference, b.reference) || cmp(a.source, b.source) || cmp(a.key, b.key);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
