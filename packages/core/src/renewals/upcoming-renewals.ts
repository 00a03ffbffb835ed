import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { daysBetween } from '../shared/calendar.js';
import { deadlineId } from './deadlines.js';
import type { RenewalDecision } from './decisions.js';
import { keyDateFacts, sortKeyDates, type KeyDate, type KeyDateFact } from './key-dates.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from './renewal-settings.js';
import { decisionIndex } from './warnings.js';

/** A remark on a row of the renewals list: `assumed-notice`, `snoozed`, or one another module adds. */
export interface RenewalFlag {
  readonly code: string;
  readonly message: string;
}

/** Extra remarks about a contract, shown on each of its rows (e.g. "no Appendix M data clauses"). */
export type RenewalFlagger = (contract: Contract) => readonly RenewalFlag[];

/** One key date in the renewals list. */
export interface RenewalRow extends KeyDate {
  readonly title: string;
  readonly ownerEmail?: string;
  /** Negative once passed. */
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly flags: readonly RenewalFlag[];
}

export interface RenewalListOptions {
  /** Only dates at most this many days ahead (overdue ones are always listed). */
  readonly within?: number;
  readonly settings?: RenewalSettings;
  /** Add remarks to rows; each flagger is asked once per contract. */
  readonly flaggers?: readonly RenewalFlagger[];
}

/**
 * The key dates still to act on, soonest first: those ahead of `today` (within `within` days if
 * given) and those passed in the last `overdueForDays` with no decision. Dates a decision has
 * settled are left out.
 */
export function listRenewals(
  contracts: Iterable<Contract>,
  decisions: readonly RenewalDecision[],
  today: IsoDate,
  options: RenewalListOptions = {},
): RenewalRow[] {
  const settings = options.settings ?? DEFAULT_RENEWAL_SETTINGS;
  const { settled, snoozedUntil } = decisionIndex(decisions);
  const rows: RenewalRow[] = [];
  for (const contract of contracts) {
    let contractFlags: RenewalFlag[] | undefined;
    for (const fact of keyDateFacts(contract, settings, today)) {
      const id = deadlineId(fact);
      if (settled.has(id)) continue;
      const daysLeft = daysBetween(today, fact.date);
      if (daysLeft < 0 ? -daysLeft > settings.overdueForDays : options.within !== undefined && daysLeft > options.within) continue;
      contractFlags ??= (options.flaggers ?? []).flatMap((flagger) => flagger(contract));
      const flags: RenewalFlag[] = [];
      if (fact.assumed) flags.push({ code: 'assumed-notice', message: 'no notice period recorded: the default is assumed' });
      const until = snoozedUntil.get(id);
      if (until !== undefined && until > today) flags.push({ code: 'snoozed', message: `warnings snoozed until ${until}` });
      rows.push(
        withRuleOnDemand(fact, {
          title: contract.title,
          ...(contract.owner?.email ? { ownerEmail: contract.owner.email } : {}),
          daysLeft,
          overdue: daysLeft < 0,
          flags: [...flags, ...contractFlags],
        }),
      );
    }
  }
  return sortKeyDates(rows);
}

/**
 * The row with its rule written out only when it is read: a digest of thousands of dates shows
 * 25, and writing every sentence cost more than the rest of the list. It reads (and compares,
 * and serialises) like a plain row.
 */
function withRuleOnDemand(fact: KeyDateFact, rest: Omit<RenewalRow, keyof KeyDate>): RenewalRow {
  let rule: string | undefined;
  const row = { reference: fact.reference, kind: fact.kind, date: fact.date, ...(fact.assumed ? { assumed: true as const } : {}), ...rest };
  Object.defineProperty(row, 'rule', { enumerable: true, get: () => (rule ??= fact.explain()) });
  return row as RenewalRow;
}
