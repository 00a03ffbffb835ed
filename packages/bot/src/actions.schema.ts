import { IsoDateSchema, PoundsSchema, SETTLING_ACTIONS, TermMonthsSchema, type SettlingAction } from '@contract-steward/core';
import { z } from 'zod';
import { escapeMarkdown } from './cards/card-kit.js';

/** Bumped when the shape of card actions changes, so a card from before gets a clear reply. */
export const CARD_ACTION_VERSION = 1;

/** The decisions a card can record are core's deadline-settling ones, so the two cannot drift apart. */
export const DecisionSchema = z.enum(SETTLING_ACTIONS);
export type Decision = SettlingAction;

export const DECISION_LABELS: Record<Decision, string> = {
  extend: 'Extend',
  reprocure: 'Re-procure',
  terminate: 'Terminate',
  'let-expire': 'Let it expire',
  renegotiated: 'Renegotiated',
};

export const SNOOZE_DAYS = [7, 14, 30] as const;

const WarningKey = z.string().min(1).max(400);
const Version = z.literal(CARD_ACTION_VERSION);
const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** Card inputs arrive as strings ("12000", "£12,000"); a forged payload may send anything else. */
const numberFromInput = (value: unknown) => (typeof value === 'string' && /^\s*£?\s*\d[\d,]*(\.\d+)?\s*$/.test(value) ? Number(value.replace(/[£,\s]/g, '')) : value);
/** The same checks as the CLI and the savings import: core's schemas, after reading the card's text. */
const Money = z.preprocess(blankAsUndefined, z.preprocess(numberFromInput, PoundsSchema.max(1e10)).optional());
const Months = z.preprocess(blankAsUndefined, z.preprocess(numberFromInput, TermMonthsSchema).optional());

/**
 * Every action a card can send back, as a closed union on `verb`. The invoke's data and any
 * inputs (Input.ChoiceSet values arrive as strings) are merged before parsing.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('acknowledge'), v: Version, warningKey: WarningKey }),
  z.object({
    verb: z.literal('snooze'),
    v: Version,
    warningKey: WarningKey,
    snoozeDays: z.preprocess(numberFromInput, z.union(SNOOZE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<14>, z.ZodLiteral<30>])),
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
]);
export type CardAction = z.infer<typeof CardActionSchema>;

export type CardActionParse =
  | { readonly ok: true; readonly action: CardAction }
  | { readonly ok: false; readonly code: 'stale-card' | 'invalid-action' | 'invalid-input'; readonly message: string };

/** For each input a person fills in on a card: which field is wrong, and how to write it. */
const FIELD_HELP: Record<string, string> = {
  newEndDate: 'The new end date must be a real date written YYYY-MM-DD, such as 2029-03-31',
  baselineAnnual: 'The annual price the supplier proposed must be an amount in pounds, such as 12000 or 12,000.50',
  newAnnual: 'The annual price agreed must be an amount in pounds, such as 9000 or 9,000.50',
  termMonths: 'The months at the new price must be a whole number from 1 to 600, such as 12',
  snoozeDays: `The snooze must be one of ${SNOOZE_DAYS.join(', ')} days`,
  decision: `The decision must be one of: ${SETTLING_ACTIONS.map((d) => DECISION_LABELS[d]).join(', ')}`,
};

/** Parses an `adaptiveCard/action` invoke value ({action: {verb, data}}) or an Action.Submit value. */
export function parseCardAction(value: unknown): CardActionParse {
  const envelope = z
    .object({ action: z.object({ verb: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }) })
    .safeParse(value);
  const data: Record<string, unknown> = envelope.success
    ? { ...(envelope.data.action.data ?? {}), ...(envelope.data.action.verb ? { verb: envelope.data.action.verb } : {}) }
    : typeof value === 'object' && value !== null
      ? { ...(value as Record<string, unknown>) }
      : {};
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
