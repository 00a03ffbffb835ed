import { IsoDateSchema, PoundsSchema, SETTLING_ACTIONS, TermMonthsSchema } from '@contract-steward/core';
import { z } from 'zod';
import { CARD_ACTION_VERSION, DECISION_LABELS, SNOOZE_DAYS } from './cards/action-data.js';
import { escapeMarkdown } from './cards/card-kit.js';

export { CARD_ACTION_VERSION, DECISION_LABELS, SNOOZE_DAYS, type Decision } from './cards/action-data.js';

/** The decisions a card can record are core's deadline-settling ones, so the two cannot drift apart. */
export const DecisionSchema = z.enum(SETTLING_ACTIONS);

const WarningKey = z.string().min(1).max(400);
const Version = z.literal(CARD_ACTION_VERSION);
const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** Card inputs arrive as strings ("12000", "£12,000"); a forged payload may send anything else. */
const numberFromInput = (value: unknown) => (typeof value === 'string' && /^\s*£?\s*\d[\d,]*(\.\d+)?\s*$/.test(value) ? Number(value.replace(/[£,\s]/g, '')) : value);
/** The same checks as the CLI and the savings import: core's schemas, after reading the card's text. */
const Money = z.preprocess(blankAsUndefined, z.preprocess(numberFromInput, PoundsSchema.max(1e10)).optional());
const Months = z.preprocess(blankAsUndefined, z.preprocess(numberFromInput, TermMonthsSchema).optional());
const ImportId = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
const EvaluationId = z.string().trim().min(1).max(100);
const OptionIndex = z.coerce.number().int().min(0).max(100);

/**
 * Every action a card can send back, file features included, as one closed union on `verb`.
 * The invoke's data and any inputs (Input.ChoiceSet values arrive as strings) are merged before
 * parsing.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('acknowledge'), v: Version, warningKey: WarningKey }),
  // Sent by Teams when a warning card is viewed: the answer is the card as things stand now.
  z.object({ verb: z.literal('refreshWarning'), v: Version, warningKey: WarningKey }),
  z.object({
    verb: z.literal('snooze'),
    v: Version,
    warningKey: WarningKey,
    snoozeDays: z.preprocess(numberFromInput, z.union(SNOOZE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<14>, z.ZodLiteral<30>])),
    // The card's "Snooze past the deadline" toggle: a snooze that silences the warning past its deadline needs it.
    pastDeadline: z.preprocess(blankAsUndefined, z.enum(['true', 'false']).optional()),
  }),
  z.object({
    verb: z.literal('decide'),
    v: Version,
    warningKey: WarningKey,
    decision: DecisionSchema,
    // With "renegotiated": the prices for the saving (blank inputs arrive as "").
    baselineAnnual: Money,
    newAnnual: Money,
    termMonths: Months,
    newEndDate: z.preprocess(blankAsUndefined, IsoDateSchema.optional()),
  }),
  z.object({ verb: z.literal('showContract'), v: Version, reference: z.string().trim().min(1).max(200) }),
  // A statutory notice's warning: the day it was published and the notice's id settle it.
  z.object({ verb: z.literal('recordPublication'), v: Version, warningKey: WarningKey, publishedOn: IsoDateSchema, noticeId: z.preprocess(blankAsUndefined, z.string().trim().min(1).max(100).optional()) }),
  // A missing KPI result's warning: the value as typed (read by core as steward kpis record reads it) and a note.
  z.object({ verb: z.literal('enterResult'), v: Version, warningKey: WarningKey, value: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().max(40)), note: z.preprocess(blankAsUndefined, z.string().trim().min(1).max(500).optional()) }),
  // The dry-run card of an uploaded register: only its uploader can confirm or cancel.
  z.object({ verb: z.literal('importRegister'), v: Version, importId: ImportId }),
  z.object({ verb: z.literal('cancelImport'), v: Version, importId: ImportId }),
  z.object({ verb: z.literal('importProblems'), v: Version, importId: ImportId }),
  // The tender pack form: its inputs arrive merged with the data, as strings.
  z.object({ verb: z.literal('tenderPack'), v: Version }).catchall(z.unknown()),
  // An evaluator opens the score form of one option of a saved TDA evaluation, and sends it.
  z.object({ verb: z.literal('scoreOption'), v: Version, evaluationId: EvaluationId, option: OptionIndex }),
  z.object({ verb: z.literal('saveScores'), v: Version, evaluationId: EvaluationId, option: OptionIndex }).catchall(z.unknown()),
]);
export type CardAction = z.infer<typeof CardActionSchema>;
/** One action of the union, by its verb. */
export type CardActionOf<V extends CardAction['verb']> = Extract<CardAction, { verb: V }>;

/** Every verb a card may carry: the union's own list, so nothing is kept by hand. */
export const CARD_VERBS: ReadonlySet<string> = new Set(CardActionSchema.options.map((option) => option.shape.verb.value));

export type CardActionParse =
  | { readonly ok: true; readonly action: CardAction }
  | { readonly ok: false; readonly code: 'stale-card' | 'invalid-action' | 'invalid-input'; readonly message: string };

/** For each input a person fills in on a card: which field is wrong, and how to write it. */
const FIELD_HELP: Record<string, string> = {
  newEndDate: 'The new end date must be a real date written YYYY-MM-DD, such as 2029-03-31',
  baselineAnnual: 'The annual price the supplier proposed must be an amount in pounds, such as 12000 or 12,000.50',
  newAnnual: 'The annual price agreed must be an amount in pounds, such as 9000 or 9,000.50',
  termMonths: 'The months at the new price must be a whole number from 1 to 600, such as 12',
  publishedOn: 'The date published must be a real date written YYYY-MM-DD, such as 2025-12-01',
  noticeId: 'The notice id must be at most 100 characters, such as 012345-2025',
  value: 'The result must be at most 40 characters, such as 97.5',
  note: 'The note must be at most 500 characters',
  snoozeDays: `The snooze must be one of ${SNOOZE_DAYS.join(', ')} days`,
  decision: `The decision must be one of: ${SETTLING_ACTIONS.map((d) => DECISION_LABELS[d]).join(', ')}`,
};

/**
 * The action's fields, whichever way it came: an `adaptiveCard/action` invoke value
 * ({action: {verb, data}}, from Action.Execute) or a message's value (from Action.Submit, whose
 * data carries the verb itself).
 */
export function unwrapCardAction(value: unknown): Record<string, unknown> {
  const envelope = z
    .object({ action: z.object({ verb: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }) })
    .safeParse(value);
  if (envelope.success) return { ...(envelope.data.action.data ?? {}), ...(envelope.data.action.verb ? { verb: envelope.data.action.verb } : {}) };
  return typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {};
}

/** Parses an `adaptiveCard/action` invoke value or an Action.Submit value into the one action union. */
export function parseCardAction(value: unknown): CardActionParse {
  const data = unwrapCardAction(value);
  if (typeof data.v === 'number' && data.v !== CARD_ACTION_VERSION) {
    return { ok: false, code: 'stale-card', message: 'This card is from an older version of Contract Steward. Ask me again (for example `contract CON-0042`) for a fresh one.' };
  }
  const parsed = CardActionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const help = Object.hasOwn(FIELD_HELP, field) ? FIELD_HELP[field] : undefined;
    if (help) return { ok: false, code: 'invalid-input', message: `${help}. Nothing was changed: correct it on the card and send it again.` };
    const where = issue?.path.join('.') || 'action';
    return { ok: false, code: 'invalid-action', message: `I could not read that card action (${escapeMarkdown(`${where}: ${issue?.message ?? 'invalid'}`)}). Nothing was changed. Type \`help\` to start again.` };
  }
  return { ok: true, action: parsed.data };
}
