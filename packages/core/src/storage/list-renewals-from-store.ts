import { deadlineRulesKey } from '../deadlines/deadline-rules-key.js';
import type { Contract } from '../register/contract.schema.js';
import { addDays } from '../shared/calendar.js';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewals/renewal-settings.js';
import { listRenewals, type RenewalListOptions, type RenewalRow } from '../renewals/upcoming-renewals.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { Store } from './store.js';

export interface StoreRenewalsOptions extends RenewalListOptions {
  /** Only contracts this person owns. */
  readonly ownerEmail?: string;
}

export interface StoreRenewals {
  readonly rows: RenewalRow[];
  /** The contracts the rows are about (and only those): what a digest card shows beside them. */
  readonly contracts: Contract[];
}

/**
 * listRenewals over the register in the store, reading the deadline index: only the contracts
 * with a key date in the window (from `overdueForDays` ago to `within` days ahead) are loaded,
 * and only their key dates are worked out and explained. The rows are the ones listRenewals
 * gives over the whole register. When the caller's renewal rules are not the ones the index
 * was computed with, it reads the whole register instead, so the answer stays right.
 *
 * @example await listRenewalsFromStore(store, '2026-11-26', { within: 90 })
 */
export async function listRenewalsFromStore(store: Store, today: IsoDate, options: StoreRenewalsOptions = {}): Promise<StoreRenewals> {
  const settings = options.settings ?? DEFAULT_RENEWAL_SETTINGS;
  const owner = options.ownerEmail === undefined ? {} : { ownerEmail: options.ownerEmail };
  let contracts: Contract[];
  if (deadlineRulesKey(settings) === deadlineRulesKey(store.deadlines.rules)) {
    const references = await store.deadlines.references({
      source: 'renewal',
      from: addDays(today, -settings.overdueForDays),
      ...(options.within === undefined ? {} : { to: addDays(today, options.within) }),
      openOnly: true,
      today,
      ...owner,
    });
    contracts = references.length === 0 ? [] : await store.contracts.getMany(references);
  } else {
    contracts = await store.contracts.list(owner);
  }
  const decisions = contracts.length === 0 ? [] : await store.renewals.listDecisions(contracts.map((c) => c.reference));
  const rows = listRenewals(contracts, decisions, today, options);
  const shown = new Set(rows.map((r) => r.reference));
  return { rows, contracts: contracts.filter((c) => shown.has(c.reference)) };
}
