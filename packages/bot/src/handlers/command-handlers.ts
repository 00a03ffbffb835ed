import { daysBetween, listRenewals, listRenewalsFromStore, renewalsDigestFromStore, type Contract, type RenewalRow } from '@contract-steward/core';
import type { RenewalsCommand } from '../commands/command-table.js';
import { escapeMarkdown } from '../cards/card-kit.js';
import { contractCard } from '../cards/contract-card.js';
import { DIGEST_ROW_LIMIT, renewalsDigestCard, type DigestRow } from '../cards/renewals-digest-card.js';
import { welcomeCard } from '../cards/welcome-card.js';
import type { Command } from '../commands/command-table.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, mayListOverdue, maySeeContract, seesWholeRegister } from '../roles.js';
import type { BotServices } from '../services.js';
import type { OutgoingMessage } from '../turn.js';
import { loadContractExtras } from './contract-extras.js';
import type { Asker } from './who.js';

/** Whose contracts the asker may see: everyone's for the roles (undefined), otherwise their own, or nobody's. */
function visibleOwner(asker: Asker): string | undefined | null {
  if (seesWholeRegister(asker.roles)) return undefined;
  return asker.person.email ?? null;
}

function digestRows(rows: readonly RenewalRow[], contracts: readonly Contract[]): DigestRow[] {
  const byReference = new Map(contracts.map((c) => [c.reference, c]));
  const seen = new Set<string>();
  const result: DigestRow[] = [];
  // One row per contract: its most pressing deadline (rows come soonest first).
  for (const row of rows) {
    const contract = byReference.get(row.reference);
    if (!contract || seen.has(row.reference)) continue;
    seen.add(row.reference);
    result.push({ contract, deadline: row });
  }
  return result;
}

const scopeNote = (asker: Asker) => (seesWholeRegister(asker.roles) ? 'the whole register' : 'contracts you own');

/** The welcome card as help, saying what was not understood. */
export function answerHelp(command: Extract<Command, { name: 'help' }>, personName?: string): OutgoingMessage {
  return { card: welcomeCard({ scope: 'personal', isHelp: true, ...(command.unrecognised ? { unrecognised: command.unrecognised } : {}), ...(personName ? { personName } : {}) }), summary: 'What Contract Steward can do' };
}

/** True when `needle` (lower case) is among the words of `haystack`'s name, ignoring case. */
const names = (haystack: string | undefined, needle: string) => (haystack ?? '').toLowerCase().includes(needle);

/**
 * `renewals N` and questions such as "housing contracts ending in March": the deadlines in the
 * window the asker may see, under a heading that says what was understood, with buttons for
 * the other likely readings.
 */
export async function answerRenewals(command: RenewalsCommand, asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  const today = londonToday(services.now());
  if (command.mine && !asker.person.email) return { text: 'I could not tell your email address from Teams, so I cannot find the contracts you own. Ask an administrator to check your Teams account.' };
  const owner = command.mine ? asker.person.email : visibleOwner(asker);
  const { from, to } = command.window;
  const kinds = command.endsOnly ? ['end', 'renewal'] : undefined;
  let rows: DigestRow[];
  let total: { count: number; annual: number } | undefined;
  if (owner === null) {
    rows = [];
  } else if (command.supplier === undefined && command.serviceArea === undefined) {
    // The deadline index counts and totals the contracts in the window; only the ones shown are read.
    const digest = await renewalsDigestFromStore(services.store, today, { from, to, limit: DIGEST_ROW_LIMIT, settings: services.settings, ...(owner === undefined ? {} : { ownerEmail: owner }), ...(kinds ? { kinds } : {}) });
    rows = digestRows(digest.rows, digest.contracts).slice(0, DIGEST_ROW_LIMIT);
    total = { count: digest.count, annual: digest.annualTotal };
  } else {
    // A supplier or service area is in the contract, not the index: read the contracts in the
    // window, once per change to the index for the same question, keeping what the card shows.
    const question = JSON.stringify(['renewals by name', today, from, to, owner ?? null, command.supplier ?? null, command.serviceArea ?? null, command.endsOnly]);
    ({ rows, total } = await services.store.deadlines.remember(question, async () => {
      const { rows: all, contracts: loaded } = await listRenewalsFromStore(services.store, today, { within: daysBetween(today, to), settings: services.settings, ...(owner === undefined ? {} : { ownerEmail: owner }) });
      const contracts = loaded.filter(
        (c) => (command.supplier === undefined || names(c.supplier.name, command.supplier)) && (command.serviceArea === undefined || names(c.serviceArea, command.serviceArea)),
      );
      const included = new Set(contracts.map((c) => c.reference));
      const inWindow = all.filter(
        // "Ending" asks for the end of the current term: the end date, or the date a contract renews by itself.
        (r) => included.has(r.reference) && !r.overdue && r.date >= from && (!command.endsOnly || r.kind === 'end' || r.kind === 'renewal'),
      );
      const matched = digestRows(inWindow, contracts);
      return { rows: matched.slice(0, DIGEST_ROW_LIMIT), total: { count: matched.length, annual: matched.reduce((sum, row) => sum + (row.contract.value.annual ?? 0), 0) } };
    }));
  }
  const what = command.endsOnly ? 'ends' : 'has a deadline';
  return {
    card: renewalsDigestCard({
      title: `${command.understood}:`,
      subtitle: `${scopeNote(asker)[0]?.toUpperCase() ?? ''}${scopeNote(asker).slice(1)}, soonest first.`,
      today,
      rows,
      ...(total ? { total } : {}),
      emptyText: `Nothing ${what} ${command.window.words}${command.supplier !== undefined || command.serviceArea !== undefined ? ' among the contracts that match' : ''}.`,
      alternatives: command.alternatives,
    }),
    summary: command.understood,
  };
}

/** `mine`: the asker's own contracts, next deadline first. */
export async function answerMine(asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  const today = londonToday(services.now());
  if (!asker.person.email) return { text: 'I could not tell your email address from Teams, so I cannot find the contracts you own. Ask an administrator to check your Teams account.' };
  const [owned, { rows, contracts }] = await Promise.all([
    services.store.contracts.count({ ownerEmail: asker.person.email }),
    listRenewalsFromStore(services.store, today, { settings: services.settings, ownerEmail: asker.person.email }),
  ]);
  return {
    card: renewalsDigestCard({
      title: 'Your contracts',
      subtitle: `${owned} contract${owned === 1 ? '' : 's'} owned by ${escapeMarkdown(asker.person.email)}, next deadline first.`,
      today,
      rows: digestRows(rows, contracts),
      emptyText: `No contract in the register names ${escapeMarkdown(asker.person.email)} as its owner. If that is wrong, ask an administrator to update the register.`,
    }),
    summary: 'Your contracts',
  };
}

/** `contract REF`: one contract and its key dates, to those who may see it. */
export async function answerContract(command: Extract<Command, { name: 'contract' }>, asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  const today = londonToday(services.now());
  const contract = await services.store.contracts.get(command.reference);
  if (!contract) return { text: `There is no contract ${escapeMarkdown(command.reference)} in the register. Check the reference, or type \`mine\` to see yours.` };
  if (!maySeeContract(asker.person, asker.roles, contract)) {
    // Says nothing about who owns it: the owner's name is register data, and could be Markdown.
    return { text: `You are not the owner of ${escapeMarkdown(contract.reference)} or its escalation contact, so I cannot show it to you; ask ${describeWhoCan(['procurement', 'finance', 'administrator'], services.roles)} if you need it.` };
  }
  const keyDates = listRenewals([contract], await services.store.renewals.listDecisions(contract.reference), today, { settings: services.settings });
  const extras = await loadContractExtras(services.store, contract, today, services.utilisationFloor);
  return { card: contractCard(contract, keyDates, today, extras), summary: `${contract.reference}: ${contract.title}` };
}

/** `overdue`: deadlines passed with no decision, for procurement and administrators. */
export async function answerOverdue(asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  const today = londonToday(services.now());
  if (!mayListOverdue(asker.roles)) {
    return { text: `Sorry, the council-wide overdue list is for ${describeWhoCan(['procurement', 'administrator'], services.roles)}. Type \`mine\` to see your own contracts and their deadlines.` };
  }
  // The whole register's overdue list is the same for everyone who may ask: worked out once per
  // change to the deadline index, keeping only what the card shows.
  const { rows, total } = await services.store.deadlines.remember(JSON.stringify(['overdue card', today, services.settings.overdueForDays]), async () => {
    const { rows: all, contracts } = await listRenewalsFromStore(services.store, today, { within: 0, settings: services.settings });
    const overdue = digestRows(
      all.filter((r) => r.overdue),
      contracts,
    );
    return { rows: overdue.slice(0, DIGEST_ROW_LIMIT), total: { count: overdue.length, annual: overdue.reduce((sum, row) => sum + (row.contract.value.annual ?? 0), 0) } };
  });
  return {
    card: renewalsDigestCard({
      title: 'Overdue deadlines',
      subtitle: `Passed in the last ${services.settings.overdueForDays} days with no decision recorded.`,
      today,
      rows,
      total,
      emptyText: 'No deadline has passed without a decision. Well done.',
    }),
    summary: 'Overdue deadlines',
  };
}
