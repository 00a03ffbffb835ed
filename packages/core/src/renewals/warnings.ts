import type { Contract, Person } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { dayNumber } from '../shared/calendar.js';
import { deadlineId, type Deadline } from './deadlines.js';
import type { RenewalDecision } from './decisions.js';
import { compareText, KEY_DATE_KINDS, keyDateFacts, type KeyDateFact, type KeyDateKind } from './key-dates.js';
import { DEFAULT_RENEWAL_SETTINGS, type DutyKind, type RenewalSettings } from './renewal-settings.js';

/** What a warning is about: a renewal key date, or a statutory or performance duty. */
export type WarningKind = KeyDateKind | DutyKind;

/**
 * What a duty warning is about, so its card can offer the action that settles it: recording a
 * notice's publication, or entering a KPI result.
 */
export type WarningSubject =
  | { readonly type: 'obligation'; readonly occurrence: string }
  | { readonly type: 'kpi-result'; readonly kpi: string; readonly periodStart: IsoDate; readonly periodEnd: IsoDate }
  | { readonly type: 'review' }
  | { readonly type: 'review-action'; readonly meeting: string };

/**
 * A statutory or performance deadline, as the warning run takes it: `occurrence` names the one
 * deadline (`UK10:MOD-1`, `kpi-result:Availability:2026-01-01`), so each is warned once. It is
 * settled by the record it asks for (a publication, a result), not by a renewal decision.
 */
export interface DutyDeadline {
  readonly reference: string;
  readonly kind: DutyKind;
  readonly occurrence: string;
  readonly date: IsoDate;
  readonly rule: string;
  readonly subject: WarningSubject;
  readonly assumed?: true;
}

/** Where a warning is in its life: waiting to go, sent, failed (retried), or read and acknowledged. */
export const WARNING_STATES = ['queued', 'sent', 'failed', 'acknowledged'] as const;
export type WarningState = (typeof WARNING_STATES)[number];

/** Days before the deadline, or `overdue` once it has passed. */
export type WarningThreshold = number | 'overdue';

/** What the ledger remembers of a warning, as far as deciding what is due needs. */
export interface LedgerWarning {
  readonly key: string;
  readonly reference: string;
  readonly kind: WarningKind;
  readonly deadline: IsoDate;
  readonly threshold: WarningThreshold;
  readonly escalation: boolean;
  readonly state: WarningState;
}

/** Everything remembered about renewals: warnings already raised and decisions recorded. */
export interface RenewalLedger {
  readonly warnings: readonly LedgerWarning[];
  readonly decisions: readonly RenewalDecision[];
}

export const EMPTY_LEDGER: RenewalLedger = { warnings: [], decisions: [] };

/** A warning to send now. */
export interface DueWarning {
  /** Unique per contract, deadline kind, deadline date, threshold (and escalation): sent once. */
  readonly key: string;
  readonly reference: string;
  readonly title: string;
  readonly kind: WarningKind;
  readonly deadline: IsoDate;
  /** Negative once the deadline has passed. */
  readonly daysLeft: number;
  readonly threshold: WarningThreshold;
  readonly overdue: boolean;
  /** True for the copy sent to the escalation contact because earlier warnings went unacknowledged. */
  readonly escalation: boolean;
  /**
   * Who to warn: the owner, else the escalation contact; for an escalation, the escalation
   * contact. Undefined when the contract names nobody: the bot posts to the procurement channel.
   */
  readonly recipient: Person | undefined;
  readonly rule: string;
  readonly assumed?: true;
  /** Present on a duty warning: what settles it. */
  readonly subject?: WarningSubject;
}

/** True for a statutory or performance duty rather than a renewal key date. */
export function isDutyKind(kind: WarningKind): kind is DutyKind {
  return !(KEY_DATE_KINDS as readonly string[]).includes(kind);
}

/** The deadline a ledger key belongs to: the key without its threshold (and escalation). */
function deadlineOfKey(key: string): string {
  const bare = key.endsWith('|escalation') ? key.slice(0, -'|escalation'.length) : key;
  return bare.slice(0, bare.lastIndexOf('|'));
}

/** `CON-0042|notice|2026-09-30|90`, `...|overdue`, `...|14|escalation`. */
export function warningKey(deadline: Deadline, threshold: WarningThreshold, escalation = false): string {
  return `${deadlineId(deadline)}|${threshold}${escalation ? '|escalation' : ''}`;
}

/**
 * The warnings due on `today`, soonest deadline first. For each deadline the one threshold most
 * recently crossed is due unless the ledger already has it, so:
 * - each warning is sent once (the ledger remembers its key across restarts);
 * - after days without a run, one warning catches up instead of a burst of the missed ones;
 * - when a date changes, the deadline is a new one and its warnings fire again;
 * - a deadline that has passed with no decision is reported once as overdue
 *   (for `overdueForDays` after it);
 * - a deadline settled by a decision, or snoozed until a later day, raises nothing;
 * - within `escalateWithinDays` of a deadline whose earlier warnings nobody acknowledged, a copy
 *   goes to the escalation contact (or, with none recorded, to the procurement channel).
 *
 * `duties` (statutory notices, KPI results, reviews: see dutyDeadlines) go through the same
 * thresholds, ledger, escalation and overdue reporting, with the thresholds of their kind
 * (`settings.dutyThresholds`); they are settled by the record they ask for, so renewal
 * decisions do not settle or snooze them.
 */
export function dueWarnings(
  contracts: Iterable<Contract>,
  ledger: RenewalLedger,
  today: IsoDate,
  settings: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
  duties: readonly DutyDeadline[] = [],
): DueWarning[] {
  const raised = new Set<string>();
  const history = new Map<string, LedgerWarning[]>();
  for (const warning of ledger.warnings) {
    raised.add(warning.key);
    const id = deadlineOfKey(warning.key);
    const list = history.get(id);
    if (list) list.push(warning);
    else history.set(id, [warning]);
  }
  const { settled, snoozedUntil } = decisionIndex(ledger.decisions);
  const defaultThresholds = descending(settings.warningThresholds);
  const todayNumber = dayNumber(today);
  const due: DueWarning[] = [];
  const byReference = new Map<string, Contract>();

  for (const contract of contracts) {
    byReference.set(contract.reference, contract);
    const keyDates = keyDateFacts(contract, settings, today);
    if (keyDates.length === 0) continue;
    const thresholds = contract.warningThresholds ? descending(contract.warningThresholds) : defaultThresholds;
    for (const keyDate of keyDates) {
      const daysLeft = dayNumber(keyDate.date) - todayNumber;
      const threshold = thresholdFor(daysLeft, thresholds, settings);
      if (threshold === undefined) continue;
      const id = deadlineId(keyDate);
      if (settled.has(id)) continue;
      const until = snoozedUntil.get(id);
      if (until !== undefined && until > today) continue;
      const key = warningKey(keyDate, threshold);
      if (!raised.has(key)) due.push(warningOf(contract, keyDate, daysLeft, threshold, false, key));
      if (shouldEscalate(contract, threshold, history.get(id), key, settings)) {
        const escalationKey = warningKey(keyDate, threshold, true);
        if (!raised.has(escalationKey)) due.push(warningOf(contract, keyDate, daysLeft, threshold, true, escalationKey));
      }
    }
  }

  for (const duty of duties) {
    const contract = byReference.get(duty.reference);
    if (!contract) continue;
    const daysLeft = dayNumber(duty.date) - todayNumber;
    const threshold = thresholdFor(daysLeft, descending(settings.dutyThresholds[duty.kind]), settings);
    if (threshold === undefined) continue;
    const id = `${duty.reference}|${duty.occurrence}|${duty.date}`;
    const key = `${id}|${threshold}`;
    if (!raised.has(key)) due.push(dutyWarningOf(contract, duty, daysLeft, threshold, false, key));
    if (shouldEscalate(contract, threshold, history.get(id), key, settings)) {
      const escalationKey = `${key}|escalation`;
      if (!raised.has(escalationKey)) due.push(dutyWarningOf(contract, duty, daysLeft, threshold, true, escalationKey));
    }
  }
  return due.sort(
    (a, b) =>
      compareText(a.deadline, b.deadline) ||
      compareText(a.reference, b.reference) ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      compareText(a.key, b.key) ||
      Number(a.escalation) - Number(b.escalation),
  );
}

/** Key dates first, in their order, then duties. */
function kindOrder(kind: WarningKind): number {
  const index = (KEY_DATE_KINDS as readonly string[]).indexOf(kind);
  return index >= 0 ? index : KEY_DATE_KINDS.length;
}

function dutyWarningOf(contract: Contract, duty: DutyDeadline, daysLeft: number, threshold: WarningThreshold, escalation: boolean, key: string): DueWarning {
  return {
    key,
    reference: contract.reference,
    title: contract.title,
    kind: duty.kind,
    deadline: duty.date,
    daysLeft,
    threshold,
    overdue: daysLeft < 0,
    escalation,
    recipient: escalation ? contract.escalationContact : (contract.owner ?? contract.escalationContact),
    rule: duty.rule,
    ...(duty.assumed ? { assumed: true as const } : {}),
    subject: duty.subject,
  };
}

/** The smallest threshold at or above `daysLeft`, `overdue` when passed, or undefined when nothing is due yet. */
function thresholdFor(daysLeft: number, thresholds: readonly number[], settings: RenewalSettings): WarningThreshold | undefined {
  if (daysLeft < 0) return -daysLeft <= settings.overdueForDays ? 'overdue' : undefined;
  let crossed: number | undefined;
  for (const t of thresholds) if (t >= daysLeft) crossed = t;
  return crossed;
}

function shouldEscalate(
  contract: Contract,
  threshold: WarningThreshold,
  earlier: readonly LedgerWarning[] | undefined,
  key: string,
  settings: RenewalSettings,
): boolean {
  // With no owner the warnings already go to the escalation contact (or the channel): nobody to escalate to.
  if (!contract.owner?.email && !contract.owner?.name) return false;
  if (threshold !== 'overdue' && threshold > settings.escalateWithinDays) return false;
  const toOwner = (earlier ?? []).filter((w) => !w.escalation && w.key !== key);
  if (toOwner.some((w) => w.state === 'acknowledged')) return false;
  return toOwner.some((w) => w.state === 'sent' || w.state === 'failed');
}

function warningOf(contract: Contract, keyDate: KeyDateFact, daysLeft: number, threshold: WarningThreshold, escalation: boolean, key: string): DueWarning {
  const recipient = escalation ? contract.escalationContact : (contract.owner ?? contract.escalationContact);
  return {
    key,
    reference: contract.reference,
    title: contract.title,
    kind: keyDate.kind,
    deadline: keyDate.date,
    daysLeft,
    threshold,
    overdue: daysLeft < 0,
    escalation,
    recipient,
    rule: keyDate.explain(),
    ...(keyDate.assumed ? { assumed: true as const } : {}),
  };
}

function descending(thresholds: readonly number[]): number[] {
  return [...new Set(thresholds)].sort((a, b) => b - a);
}

/** Deadlines settled by a decision, and how long snoozed ones sleep (the latest snooze wins). */
export function decisionIndex(decisions: readonly RenewalDecision[]): { settled: Set<string>; snoozedUntil: Map<string, IsoDate> } {
  const settled = new Set<string>();
  const snoozedUntil = new Map<string, IsoDate>();
  for (const decision of decisions) {
    for (const deadline of decision.deadlines) {
      const id = deadlineId(deadline);
      if (decision.action === 'snooze') {
        const until = decision.snoozedUntil;
        const current = snoozedUntil.get(id);
        if (until !== undefined && (current === undefined || until > current)) snoozedUntil.set(id, until);
      } else if (decision.action !== 'acknowledge') {
        settled.add(id);
      }
    }
  }
  return { settled, snoozedUntil };
}
