/** What a person asked the bot, from the text of a message. Unknown input is `help`, never silence. */
export type Command =
  | { readonly name: 'help'; readonly unrecognised?: string }
  | { readonly name: 'renewals'; readonly days: number }
  | { readonly name: 'mine' }
  | { readonly name: 'contract'; readonly reference: string }
  | { readonly name: 'overdue' };

export const DEFAULT_RENEWAL_DAYS = 90;
/** Longer windows are refused by clamping: a digest of two years ahead is not a warning any more. */
export const MAX_RENEWAL_DAYS = 730;

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * Reads a message as a command. Teams prefixes channel messages with an `<at>` mention of the
 * bot, which is removed first. Free text close enough to a command is understood:
 * "what's renewing in the next 3 months?" is `renewals 90`.
 *
 * @example parseCommand('renewals 30') // { name: 'renewals', days: 30 }
 */
export function parseCommand(raw: string): Command {
  const text = raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[’']/g, "'")
    .trim()
    .toLowerCase();
  if (text === '' || /^(help|\?|hi|hello|hey|start|commands|what can you do\??)$/.test(text)) return { name: 'help' };

  const contract = /^(?:contract|show|show contract|details(?: for| of)?)\s+([a-z0-9][a-z0-9/_.-]*)\s*\??$/i.exec(raw.replace(/<at>[^<]*<\/at>/gi, ' ').trim());
  if (contract?.[1]) return { name: 'contract', reference: contract[1].toUpperCase() };

  if (/^(mine|my contracts|my renewals|show (me )?my contracts|what do i own\??)$/.test(text)) return { name: 'mine' };
  if (/\b(overdue|missed|late|past (the )?deadline)\b/.test(text)) return { name: 'overdue' };

  const exact = /^renewals?(?:\s+(\d{1,7}))?$/.exec(text);
  if (exact) return { name: 'renewals', days: clampDays(exact[1] ? Number(exact[1]) : DEFAULT_RENEWAL_DAYS) };

  if (/\b(renew|renewing|renewals?|expir\w*|ending|ends?|due)\b/.test(text)) {
    const window = /(?:next|coming|within|in)\s+(?:the\s+)?(\d{1,4}|[a-z]+)?\s*(day|week|month|year)s?\b/.exec(text);
    if (window?.[2]) {
      const amount = window[1] === undefined ? 1 : (Number(window[1]) || NUMBER_WORDS[window[1]] || 1);
      return { name: 'renewals', days: clampDays(amount * (UNIT_DAYS[window[2]] ?? 1)) };
    }
    const bare = /\b(\d{1,4})\s*days?\b/.exec(text);
    return { name: 'renewals', days: clampDays(bare?.[1] ? Number(bare[1]) : DEFAULT_RENEWAL_DAYS) };
  }
  if (/\bmy\b.*\bcontracts?\b/.test(text)) return { name: 'mine' };
  return { name: 'help', unrecognised: raw.trim().slice(0, 200) };
}

function clampDays(days: number): number {
  return Math.min(Math.max(Math.round(days), 1), MAX_RENEWAL_DAYS);
}
