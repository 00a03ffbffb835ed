import { deadlineRulesKey } from '../deadlines/deadline-rules-key.js';
import type { Contract } from '../register/contract.schema.js';
import type { RenewalDecision } from '../renewals/decisions.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../renewals/renewal-settings.js';
import { listRenewals, type RenewalFlagger, type RenewalRow } from '../renewals/upcoming-renewals.js';
import { daysBetween } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { Store } from './store.js';

export interface RenewalsDigestOptions {
  /** Key dates on or after this day (today if earlier: a digest of what is ahead leaves out the overdue). */
  readonly from: IsoDate;
  /** Key dates on or before this day. */
  readonly to: IsoDate;
  /** How many contracts the digest shows. */
  readonly limit: number;
  /** Only contracts this person owns. */
  readonly ownerEmail?: string;
  /** Only these kinds of key date (for "ending": `end` and `renewal`). */
  readonly kinds?: readonly string[];
  readonly settings?: RenewalSettings;
  readonly flaggers?: readonly RenewalFlagger[];
}

export interface RenewalsDigest {
  /** Contracts with a key date to act on in the window. */
  readonly count: number;
  /** Their annual values added up, each contract once. */
  readonly annualTotal: number;
  /**
   * The key dates in the window of the contracts read, soonest first: among them, every key date
   * of the first `limit` contracts of the whole window (the first `limit` distinct references).
   */
  readonly rows: RenewalRow[];
  /** The contracts the rows are about. */
  readonly contracts: Contract[];
}

/**
 * The renewals a digest card shows: the count and annual total of every contract with a key
 * date in the window come from the deadline index, and only the first `limit` contracts are read
 * and explained, so the answer costs the same whatever the register holds. Contracts whose dates
 * roll with the day and were indexed on another day are read as well and worked out again. With
 * renewal rules other than the index's, it reads the whole register. The answer is the one
 * listRenewals gives over the whole register, narrowed to the window. It is remembered until
 * the index changes (see DeadlineIndexRepository.remember): callers must not change it.
 *
 * @example await renewalsDigestFromStore(store, '2026-11-26', { from: '2026-11-26', to: '2027-02-24', limit: 25 })
 */
export async function renewalsDigestFromStore(store: Store, today: IsoDate, options: RenewalsDigestOptions): Promise<RenewalsDigest> {
  const settings = options.settings ?? DEFAULT_RENEWAL_SETTINGS;
  const from = options.from < today ? today : options.from;
  const owner = options.ownerEmail === undefined ? {} : { ownerEmail: options.ownerEmail };
  const kinds = options.kinds === undefined ? undefined : new Set(options.kinds);
  const inWindow = (r: RenewalRow) => !r.overdue && r.date >= from && r.date <= options.to && (kinds === undefined || kinds.has(r.kind));
  const explain = (contracts: readonly Contract[], decisions: readonly RenewalDecision[]) => {
    const rows = listRenewals(contracts, decisions, today, { within: Math.max(0, daysBetween(today, options.to)), settings, ...(options.flaggers ? { flaggers: options.flaggers } : {}) }).filter(inWindow);
    const shown = new Set(rows.map((r) => r.reference));
    return { rows, contracts: contracts.filter((c) => shown.has(c.reference)) };
  };
  // The decisions are read beside the contracts, not after them: on PostgreSQL, one round trip fewer.
  const load = async (references: readonly string[]) =>
    references.length === 0 ? explain([], []) : explain(...(await Promise.all([store.contracts.getMany(references), store.renewals.listDecisions(references)])));
  if (deadlineRulesKey(settings) !== deadlineRulesKey(store.deadlines.rules)) {
    const everything = await store.contracts.list(owner);
    const all = explain(everything, everything.length === 0 ? [] : await store.renewals.listDecisions(everything.map((c) => c.reference)));
    return { count: all.contracts.length, annualTotal: sumAnnual(all.contracts), ...all };
  }
  if (from > options.to) return { count: 0, annualTotal: 0, rows: [], contracts: [] };
  const fromIndex = async (): Promise<RenewalsDigest> => {
    const window = await store.deadlines.window({ source: 'renewal', from, to: options.to, today, limit: options.limit, ...owner, ...(options.kinds ? { kinds: options.kinds } : {}) });
    const references = [...new Set([...window.first, ...window.moving])];
    const { rows, contracts } = await load(references);
    // The moving contracts are not in the index's count: add those with a key date in the window.
    const moving = new Set(window.moving);
    const movingShown = contracts.filter((c) => moving.has(c.reference));
    return { count: window.count + movingShown.length, annualTotal: window.annualTotal + sumAnnual(movingShown), rows, contracts };
  };
  // Flaggers are code, not data: an answer with them cannot be keyed, so it is worked out each time.
  if (options.flaggers !== undefined) return fromIndex();
  const key = JSON.stringify(['renewals digest', today, from, options.to, options.limit, options.ownerEmail?.trim().toLowerCase() ?? null, options.kinds ?? null]);
  return store.deadlines.remember(key, fromIndex);
}

function sumAnnual(contracts: readonly Contract[]): number {
  return contracts.reduce((sum, c) => sum + (c.value.annual ?? 0), 0);
}
