import type { IsoDate } from '../shared/iso-date.js';
import { defaultPeriod, readPeriod, type DateWindow } from './read-period.js';

/** The longest text read as a question (characters): longer messages get help. */
export const MAX_QUESTION_CHARS = 500;

/** What a question asks for. `help` when it is not understood well enough to answer. */
export const QUESTION_KINDS = ['renewals', 'contract', 'mine', 'overdue', 'obligations', 'savings', 'help'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Another reading of the question, as a button: its label, and the words that ask it. */
export interface Alternative {
  readonly label: string;
  readonly ask: string;
}

/** A question as understood: what it asks, over which days, about which contracts. */
export interface Question {
  readonly kind: QuestionKind;
  /** The days asked about (renewals, obligations); absent when none apply. */
  readonly window?: DateWindow;
  /** Only end dates ("ending", "expiring"), rather than every deadline (notice, extension…). */
  readonly endsOnly?: true;
  /** Only the asker's own contracts. */
  readonly mine?: true;
  /** A contract reference as written, upper case ("CON-0042"). */
  readonly reference?: string;
  /** Words naming the supplier, lower case ("capita"): contracts whose supplier's name contains them. */
  readonly supplier?: string;
  /** A word naming the service area, lower case ("housing"). */
  readonly serviceArea?: string;
  /** What was understood, to head the answer: "Contracts ending 1–31 March 2027". */
  readonly understood: string;
  /** Other likely readings, offered as buttons; empty when the words were plain. */
  readonly alternatives: readonly Alternative[];
}

const RENEWAL_WORDS = new Set(['renew', 'renews', 'renewing', 'renewal', 'renewals', 'end', 'ends', 'ending', 'due', 'finish', 'finishes', 'finishing', 'deadline', 'deadlines', 'lapse', 'lapsing']);
const END_WORDS = new Set(['end', 'ends', 'ending', 'finish', 'finishes', 'finishing', 'lapse', 'lapsing']);
const SUBJECT_WORDS = new Set(['contract', 'contracts', 'what', 'whats', 'which', 'anything', 'any', 'show', 'list', 'deadline', 'deadlines', 'renewals', 'agreements']);
const CONTRACT_WORDS = new Set(['contract', 'contracts', 'agreements']);
const OVERDUE_WORDS = new Set(['overdue', 'missed', 'late', 'lapsed']);
const SUPPLIER_LEADS = new Set(['with', 'from', 'supplier', 'by']);
/** Words that end a supplier's name or cannot be a service area. */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'my', 'our', 'all', 'any', 'which', 'what', 'whats', 'show', 'me', 'list', 'are', 'is', 'do', 'does', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'that', 'those', 'these', 'this', 'next', 'coming',
  'before', 'by', 'until', 'till', 'during', 'within', 'over', 'when', 'how', 'many', 'some', 'council', 'current', 'active', 'please', 'us', 'we', 'i', 'you', 'there', 'have', 'has', 'with', 'from', 'supplier',
  ...RENEWAL_WORDS, ...OVERDUE_WORDS, 'expiring', 'expire', 'expires', 'soon', 'contract', 'contracts',
]);

/*
 * References as councils write them: letters, a hyphen or slash, digits, and perhaps a lot
 * ("CON-0042", "HSG/2024/17", "CON-0042-L2"). Each start is bounded, so scanning is linear.
 */
const REFERENCE = /(?<![a-z0-9])([a-z]{2,8}[-/]\d{1,8}(?:[-/][a-z0-9]{1,8}){0,2})(?![a-z0-9/-])/;

/**
 * The words of a message: lower case, a date such as "31/3" or a financial year "2026/27"
 * kept whole, "3months" split in two. Linear in the length of the text.
 */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, '').match(/\d+(?:[/-]\d+){0,2}(?:st|nd|rd|th)?|[a-z]+/g) ?? [];
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Reads a question about the register, deterministically: the same words on the same day give
 * the same answer. Understands periods ("in March", "this month", "next quarter", "before
 * Christmas", "by 31/3", "in the next 6 weeks", "2026/27"), a reference anywhere ("when does
 * CON-0042 end?"), a supplier ("contracts with Capita"), a service area ("housing contracts"),
 * and "mine", "overdue", "obligations" and "savings". What it cannot read confidently is `help`.
 *
 * @example understandQuestion('contracts ending in March', '2026-12-01').understood // "Contracts ending 1–31 March 2027"
 */
export function understandQuestion(text: string, today: IsoDate): Question {
  const help: Question = { kind: 'help', understood: 'Not understood', alternatives: [] };
  // A question is a sentence or two; a longer text is not read as one, so no text costs more than this.
  if (text.length > MAX_QUESTION_CHARS) return help;
  const lower = text.toLowerCase();
  const words = wordsOf(lower);
  const has = (set: ReadonlySet<string>) => words.some((w) => set.has(w));

  const reference = REFERENCE.exec(lower)?.[1];
  if (reference !== undefined && !/^(fy|q)/.test(reference)) return { kind: 'contract', reference: reference.toUpperCase(), understood: `Contract ${reference.toUpperCase()}`, alternatives: [] };

  const pastDeadline = words.some((w, i) => w === 'past' && (words[i + 1] === 'deadline' || (words[i + 1] === 'the' && words[i + 2] === 'deadline')));
  if (has(OVERDUE_WORDS) || pastDeadline) return { kind: 'overdue', understood: 'Overdue deadlines', alternatives: [] };

  const period = readPeriod(words, today);
  if (words.some((w) => w === 'obligation' || w === 'obligations')) {
    return { kind: 'obligations', ...(period ? { window: period.window } : {}), understood: 'Obligations', alternatives: [] };
  }
  if (words.some((w) => w === 'saving' || w === 'savings')) return { kind: 'savings', understood: 'Savings this financial year', alternatives: [] };

  // "due diligence" is not a deadline.
  const renewalWord = words.some((w, i) => (RENEWAL_WORDS.has(w) && !(w === 'due' && words[i + 1] === 'diligence')) || w.startsWith('expir'));
  const contractWord = has(CONTRACT_WORDS);
  // "my contracts", "my current contracts", "my renewals": "my" and, within three words, what is mine.
  const mine = words.includes('mine') || words.some((w, i) => w === 'my' && [1, 2, 3].some((k) => CONTRACT_WORDS.has(words[i + k] ?? '') || RENEWAL_WORDS.has(words[i + k] ?? ''))) || words.some((w, i) => w === 'i' && words[i + 1] === 'own');
  const supplier = supplierOf(words);
  const serviceArea = serviceAreaOf(words);

  // A service area alone ("exporter contracts") could be any word before "contracts": it needs a period or a renewal word too.
  const asksRenewals = (renewalWord && (has(SUBJECT_WORDS) || period !== undefined || mine)) || (contractWord && (period !== undefined || supplier !== undefined));
  if (!asksRenewals) return mine && period === undefined ? { kind: 'mine', mine: true, understood: 'Your contracts', alternatives: [] } : help;

  const endsOnly = words.some((w) => END_WORDS.has(w) || w.startsWith('expir'));
  // A supplier without a period asks for the contracts themselves: look a year ahead.
  const reading = period ?? (supplier !== undefined
    ? { ...defaultPeriod(today), window: readPeriod(['next', '12', 'months'], today)?.window ?? defaultPeriod(today).window, said: 'next 12 months' }
    : defaultPeriod(today));
  const who = [mine ? 'Your' : undefined, serviceArea ? capitalise(serviceArea) : undefined].filter((w) => w !== undefined);
  const subject = who.length === 0 ? 'Contracts' : `${who.join(' ')} contracts`;
  const withSupplier = supplier === undefined ? '' : ` with ${supplier}`;
  const understood = endsOnly
    ? `${subject}${withSupplier} ending ${reading.window.words}`
    : subject === 'Contracts' && supplier === undefined
      ? `Deadlines ${reading.window.words}`
      : `Deadlines for ${subject.toLowerCase()}${withSupplier}, ${reading.window.words}`;
  return {
    kind: 'renewals',
    window: reading.window,
    ...(endsOnly ? { endsOnly: true } : {}),
    ...(mine ? { mine: true } : {}),
    ...(supplier !== undefined ? { supplier } : {}),
    ...(serviceArea !== undefined ? { serviceArea } : {}),
    understood,
    alternatives: reading.alternatives.map((a) => ({ label: a.label, ask: endsOnly ? a.ask : a.ask.replace('contracts ending', 'deadlines') })),
  };
}

/** "with Capita", "from Civica UK", "supplied by Northgate": up to three words after, stopping at a stop word. */
function supplierOf(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const lead = words[i] ?? '';
    if (!SUPPLIER_LEADS.has(lead)) continue;
    // "by" names a supplier only after "supplied" or "provided"; otherwise it is a date ("by March").
    if (lead === 'by' && words[i - 1] !== 'supplied' && words[i - 1] !== 'provided') continue;
    const name: string[] = [];
    for (let j = i + 1; j < words.length && name.length < 3; j++) {
      const word = words[j] ?? '';
      if (STOP_WORDS.has(word) || /^\d/.test(word) || readsAsPeriodWord(word)) break;
      name.push(word);
    }
    if (name.length > 0) return name.join(' ');
  }
  return undefined;
}

/** The word before "contracts" that names a service area: "housing contracts ending this year". */
function serviceAreaOf(words: readonly string[]): string | undefined {
  const at = words.findIndex((w) => CONTRACT_WORDS.has(w));
  const before = at > 0 ? words[at - 1] : undefined;
  if (before === undefined || STOP_WORDS.has(before) || /^\d/.test(before) || readsAsPeriodWord(before)) return undefined;
  // "Capita contracts": a name after "with" is the supplier's, handled there.
  if (at > 1 && SUPPLIER_LEADS.has(words[at - 2] ?? '')) return undefined;
  return before;
}

const PERIOD_WORDS = new Set(['month', 'months', 'week', 'weeks', 'year', 'years', 'day', 'days', 'quarter', 'financial', 'fy', 'christmas', 'today', 'tomorrow', 'end', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
function readsAsPeriodWord(word: string): boolean {
  return PERIOD_WORDS.has(word);
}
