import { daysBetween, nextWindow, understandQuestion, type IsoDate } from '@contract-steward/core';
import { COMMAND_TABLE, type Command } from './command-table.js';

export type { Command, RenewalsCommand } from './command-table.js';

export const DEFAULT_RENEWAL_DAYS = 90;
/** Longer windows are refused by clamping: a digest of two years ahead is not a warning any more. */
export const MAX_RENEWAL_DAYS = 730;

/**
 * The longest message the bot reads, in UTF-8 bytes: Teams itself caps messages at about 28 KB,
 * so anything longer did not come from a person typing, and is answered without being parsed.
 */
export const MAX_MESSAGE_BYTES = 28 * 1024;

/** The answer to a message over MAX_MESSAGE_BYTES: what happened and what to type instead. */
export function tooLongMessage(bytes: number): string {
  return `Your message is too long for me to read (${Math.ceil(bytes / 1024)} KB; I read up to ${MAX_MESSAGE_BYTES / 1024} KB). Type a short command instead, such as \`renewals 90\`, \`mine\` or \`help\`.`;
}

/**
 * The message as the parser reads it: without the `<at>` mention Teams puts before a channel
 * message and other tags, lower case, single-spaced, without closing punctuation.
 *
 * `<[^<>]*>` and the loop rather than `<[^>]*>` and `[.!?]+$`: both of those rescan the rest of
 * the text from every `<` or `.`, which is quadratic on a long message of them.
 */
function normalise(raw: string): string {
  const text = raw.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/<[^<>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/[’']/g, "'").trim().toLowerCase();
  let end = text.length;
  while (end > 0 && '.!?'.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end).replace(/\s+/g, ' ').trim();
}

/**
 * Reads a message as a command: the only place a message's text is read. Anything over
 * MAX_MESSAGE_BYTES is `tooLong` and not read at all. The mention is removed first; then each
 * command's phrase in COMMAND_TABLE is tried, then the commands with arguments, then the
 * question grammar in core (`understandQuestion`), which reads periods, references, suppliers
 * and service areas, and answers `help` rather than guess.
 *
 * Free text is matched on its words (tokens), never with `.*` between alternatives, so the time
 * taken grows in step with the length of the message whatever it contains.
 *
 * @example parseCommand('contracts ending in March', '2026-12-01') // renewals 1–31 March 2027
 */
export function parseCommand(raw: string, today: IsoDate): Command {
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_MESSAGE_BYTES) return { name: 'tooLong', bytes };
  const text = normalise(raw);
  if (text === '') return { name: 'help' };
  for (const [name, entry] of Object.entries(COMMAND_TABLE)) {
    // Only commands without arguments have a phrase, so the name alone is the command.
    if (entry.phrase?.test(text)) return { name } as Command;
  }

  const publish = /^publish(?: ([a-z0-9/ -]{1,20}))?$/.exec(text);
  if (publish) return { name: 'publish', ...(publish[1] ? { quarter: publish[1] } : {}) };

  const obligations = /^obligations?(?: (\d{1,7}))?$/.exec(text);
  if (obligations) return { name: 'obligations', days: clampDays(obligations[1] ? Number(obligations[1]) : DEFAULT_RENEWAL_DAYS) };
  const performance = /^(?:performance|kpis) ([a-z0-9][a-z0-9/_.-]*)$/.exec(text);
  if (performance?.[1]) return { name: 'performance', reference: performance[1].toUpperCase() };

  const contract = /^(?:contract|show|show contract|details(?: for| of)?) ([a-z0-9][a-z0-9/_.-]*)$/.exec(text);
  if (contract?.[1]) return { name: 'contract', reference: contract[1].toUpperCase() };

  const exact = /^renewals?(?:\s+(\d{1,7}))?$/.exec(text);
  if (exact) {
    const days = clampDays(exact[1] ? Number(exact[1]) : DEFAULT_RENEWAL_DAYS);
    const window = nextWindow(today, days, 'days');
    return { name: 'renewals', window, understood: `Deadlines in the next ${days} days, ${window.words}`, alternatives: [] };
  }

  const question = understandQuestion(text, today);
  switch (question.kind) {
    case 'renewals': {
      const { window, understood, alternatives, endsOnly, mine, supplier, serviceArea } = question;
      if (window === undefined) return { name: 'help', unrecognised: raw.trim().slice(0, 200) };
      return { name: 'renewals', window, understood, alternatives, ...(endsOnly ? { endsOnly } : {}), ...(mine ? { mine } : {}), ...(supplier !== undefined ? { supplier } : {}), ...(serviceArea !== undefined ? { serviceArea } : {}) };
    }
    case 'contract':
      return question.reference === undefined ? { name: 'help', unrecognised: raw.trim().slice(0, 200) } : { name: 'contract', reference: question.reference };
    case 'mine':
      return { name: 'mine' };
    case 'overdue':
      return { name: 'overdue' };
    case 'savings':
      return { name: 'savings' };
    case 'obligations':
      return { name: 'obligations', days: question.window ? clampDays(daysBetween(today, question.window.to)) : DEFAULT_RENEWAL_DAYS };
    case 'help':
      return { name: 'help', unrecognised: raw.trim().slice(0, 200) };
  }
}

function clampDays(days: number): number {
  return Math.min(Math.max(Math.round(days), 1), MAX_RENEWAL_DAYS);
}
