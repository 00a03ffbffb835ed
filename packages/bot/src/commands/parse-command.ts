import { COMMAND_TABLE, type Command } from './command-table.js';

export type { Command } from './command-table.js';

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

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const WINDOW_WORDS = new Set(['next', 'coming', 'within', 'in']);
const RENEWAL_WORDS = new Set(['renew', 'renewing', 'renewal', 'renewals', 'ending', 'end', 'ends', 'due']);
const OVERDUE_WORDS = new Set(['overdue', 'missed', 'late']);

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
 * command's phrase in COMMAND_TABLE is tried, then the commands with arguments. Free text close
 * enough to a command is understood: "what's renewing in the next 3 months?" is `renewals 90`.
 *
 * Free text is matched on its words (tokens), never with `.*` between alternatives, so the time
 * taken grows in step with the length of the message whatever it contains.
 *
 * @example parseCommand('renewals 30') // { name: 'renewals', days: 30 }
 */
export function parseCommand(raw: string): Command {
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

  const contract = /^(?:contract|show|show contract|details(?: for| of)?) ([a-z0-9][a-z0-9/_.-]*)$/.exec(text);
  if (contract?.[1]) return { name: 'contract', reference: contract[1].toUpperCase() };

  const words: readonly string[] = text.match(/\d+|[a-z]+/g) ?? [];
  if (words.some((w) => OVERDUE_WORDS.has(w)) || followedBy(words, 'past', 'deadline') || followedBy(words, 'past', 'the', 'deadline')) return { name: 'overdue' };

  const exact = /^renewals?(?:\s+(\d{1,7}))?$/.exec(text);
  if (exact) return { name: 'renewals', days: clampDays(exact[1] ? Number(exact[1]) : DEFAULT_RENEWAL_DAYS) };

  if (words.some((w) => RENEWAL_WORDS.has(w) || w.startsWith('expir'))) {
    const window = renewalWindow(words);
    if (window !== undefined) return { name: 'renewals', days: clampDays(window) };
    const bare = words.findIndex((w, i) => /^\d{1,4}$/.test(w) && unitOf(words[i + 1]) === 'day');
    return { name: 'renewals', days: clampDays(bare >= 0 ? Number(words[bare]) : DEFAULT_RENEWAL_DAYS) };
  }
  const my = words.indexOf('my');
  if (my >= 0 && words.slice(my + 1).some((w) => w === 'contract' || w === 'contracts')) return { name: 'mine' };
  return { name: 'help', unrecognised: raw.trim().slice(0, 200) };
}

/** True when `sequence` appears in `words` as consecutive words. */
function followedBy(words: readonly string[], ...sequence: string[]): boolean {
  return words.some((_, i) => sequence.every((word, j) => words[i + j] === word));
}

/** "day", "weeks", "months"… as its unit, or undefined. */
function unitOf(word: string | undefined): string | undefined {
  const unit = word?.endsWith('s') ? word.slice(0, -1) : word;
  return unit !== undefined && Object.hasOwn(UNIT_DAYS, unit) ? unit : undefined;
}

/** Days in "next 3 months", "within two weeks", "in the next year", "next month": a window word, "the", an amount, a unit. */
function renewalWindow(words: readonly string[]): number | undefined {
  for (let i = 0; i < words.length; i++) {
    if (!WINDOW_WORDS.has(words[i] ?? '')) continue;
    const starts = words[i + 1] === 'the' ? [i + 2, i + 1] : [i + 1];
    for (const at of starts) {
      // "next month" (no amount) or "next 3 months" / "next three months".
      const bareUnit = unitOf(words[at]);
      if (bareUnit) return UNIT_DAYS[bareUnit];
      const amountUnit = unitOf(words[at + 1]);
      const amount = words[at];
      if (amountUnit && amount !== undefined && (/^\d{1,4}$/.test(amount) || /^[a-z]+$/.test(amount))) {
        return (Number(amount) || (Object.hasOwn(NUMBER_WORDS, amount) ? NUMBER_WORDS[amount] : undefined) || 1) * (UNIT_DAYS[amountUnit] ?? 1);
      }
    }
  }
  return undefined;
}

function clampDays(days: number): number {
  return Math.min(Math.max(Math.round(days), 1), MAX_RENEWAL_DAYS);
}
