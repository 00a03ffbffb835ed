import type { Contract } from '../register/contract.schema.js';
import { addDays } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { ModificationRecord, PublicationRecord } from './modification-record.js';
import { computeObligations, type Obligation } from './obligations.js';

/**
 * The statutory obligations of the whole register, soonest first; with `within`, only those not
 * done and due within that many days of `today` (overdue ones included). One list for
 * `steward obligations --within` and the bot's `obligations` command.
 *
 * @example registerObligations(contracts, { today: '2026-11-26', modifications, publications, within: 90 })
 */
export function registerObligations(
  contracts: Iterable<Contract>,
  context: { readonly today: IsoDate; readonly modifications: readonly ModificationRecord[]; readonly publications: readonly PublicationRecord[]; readonly within?: number },
): Obligation[] {
  const mods = new Map<string, ModificationRecord[]>();
  for (const m of context.modifications) mods.set(m.reference, [...(mods.get(m.reference) ?? []), m]);
  const pubs = new Map<string, PublicationRecord[]>();
  for (const p of context.publications) pubs.set(p.reference, [...(pubs.get(p.reference) ?? []), p]);
  const limit = context.within === undefined ? undefined : addDays(context.today, context.within);
  const all: Obligation[] = [];
  for (const c of contracts) all.push(...computeObligations(c, { today: context.today, modifications: mods.get(c.reference) ?? [], publications: pubs.get(c.reference) ?? [] }));
  return (limit === undefined ? all : all.filter((o) => o.status !== 'done' && o.due <= limit)).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}
