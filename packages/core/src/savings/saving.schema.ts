import { z } from 'zod';
import { IsoDateSchema } from '../shared/iso-date.js';

/** How the saving was made. */
export const SAVING_KINDS = ['renegotiation', 're-procurement', 'decommissioning', 'consolidation', 'move-to-cloud'] as const;
export type SavingKind = (typeof SAVING_KINDS)[number];

/** Finance's sign-off path: a saving is proposed, then validated, then signed off. */
export const SAVING_STATES = ['proposed', 'validated', 'signed-off'] as const;
export type SavingState = (typeof SAVING_STATES)[number];

const optionalText = z.string().trim().min(1).optional();
const pounds = z.number().finite().nonnegative();
/** An amount in pounds, as savings record it: finite, not negative. The CLI and the bot's cards check prices with it. */
export const PoundsSchema = pounds;
/** A saving's term in whole months, 1 to 600 (50 years). */
export const TermMonthsSchema = z.number().int().min(1).max(600);

/** When a state was reached: a day (YYYY-MM-DD) or an ISO 8601 instant. */
const WhenSchema = z.union([IsoDateSchema, z.iso.datetime({ offset: true })]);

/**
 * One saving, as finance records it and as the public JSON import takes it:
 * `{"contract": "CON-0042", "description": "…", "serviceArea": "Customer Services",
 * "kind": "renegotiation", "currentAnnual": 100000, "baselineAnnual": 160000, "newAnnual": 100000,
 * "start": "2024-04-01", "termMonths": 36, "oneOffCosts": 0, "state": "signed-off"}`.
 *
 * Three prices: what the council pays now (`currentAnnual`), what it would otherwise pay
 * (`baselineAnnual`, a supplier's proposed renewal price, say) and what it has agreed
 * (`newAnnual`). The cashable part comes off a budget: current − new, when positive. The rest
 * is cost avoidance: baseline − max(current, new). A file without a current price (every file
 * written before it existed) keeps the meaning it had: the whole baseline − new is of the type
 * `cashable` says, so current is taken as the baseline when cashable and as the new price when not.
 *
 * One-off costs may be given as a total (`oneOffCosts`), as a breakdown
 * (`implementationCost`, `exitCost`), or both when they agree; the parsed saving always
 * carries the total. Without an `id`, the saving is keyed by contract, start and kind, so
 * importing the same file twice changes nothing.
 */
export const SavingSchema = z
  .object({
    id: z.string().trim().min(1).max(200).optional(),
    /** The contract's reference in the register. */
    contract: z.string().trim().min(1),
    description: z.string().trim().min(1),
    serviceArea: optionalText,
    kind: z.enum(SAVING_KINDS),
    /** The annual price proposed or paid before (pounds). */
    baselineAnnual: pounds,
    /** Where the baseline comes from: "supplier renewal quote, Jan 2024", "2023/24 invoices". */
    baselineSource: optionalText,
    /** The annual price paid now (pounds), before the new price applies. */
    currentAnnual: pounds.optional(),
    /** The annual price agreed (pounds). Above the baseline, the "saving" is a price rise. */
    newAnnual: pounds,
    /** First day the new price applies. */
    start: IsoDateSchema,
    termMonths: TermMonthsSchema,
    /** Total one-off costs (pounds), taken from the saving in the financial year it starts. */
    oneOffCosts: pounds.optional(),
    implementationCost: pounds.optional(),
    exitCost: pounds.optional(),
    /**
     * True when some of the money comes off a budget. With a current price it follows from the
     * prices (current above new) and may be left out; without one it says which type the whole
     * saving is (false: cost avoidance).
     */
    cashable: z.boolean().optional(),
    state: z.enum(SAVING_STATES).default('proposed'),
    /** Who moved it to its current state (email/UPN), and when. */
    stateBy: optionalText,
    /**
     * Who signed it off (name or email/UPN). Required once the state is signed-off: a sign-off
     * with nobody named is no sign-off. A file from before the field existed may name the
     * signer in `stateBy` instead, which is who moved it to its current state.
     */
    signedOffBy: optionalText,
    stateAt: WhenSchema.optional(),
    notes: optionalText,
  })
  .superRefine((s, ctx) => {
    const breakdown = (s.implementationCost ?? 0) + (s.exitCost ?? 0);
    const hasBreakdown = s.implementationCost !== undefined || s.exitCost !== undefined;
    if (hasBreakdown && s.oneOffCosts !== undefined && Math.abs(s.oneOffCosts - breakdown) > 0.005) {
      ctx.addIssue({
        code: 'custom',
        path: ['oneOffCosts'],
        message: `is ${s.oneOffCosts} but implementation and exit costs add up to ${breakdown}`,
      });
    }
    if (s.currentAnnual === undefined && s.cashable === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['currentAnnual'],
        message: 'is missing: give the current annual price (currentAnnual), or say whether the whole saving is cashable (cashable: true or false)',
      });
    }
    if (s.state === 'signed-off' && s.signedOffBy === undefined && s.stateBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['signedOffBy'],
        message: 'is missing: a signed-off saving names who signed it off (signedOffBy) — add their name or email, or import it as validated',
      });
    }
    if (s.currentAnnual !== undefined && s.cashable !== undefined && s.cashable !== s.currentAnnual > s.newAnnual) {
      ctx.addIssue({
        code: 'custom',
        path: ['cashable'],
        message: s.cashable
          ? `is true but the current price (${s.currentAnnual}) is not above the new price (${s.newAnnual}), so nothing comes off a budget: set cashable to false or leave it out`
          : `is false but the current price (${s.currentAnnual}) is above the new price (${s.newAnnual}), so ${s.currentAnnual - s.newAnnual} a year comes off a budget: set cashable to true or leave it out`,
      });
    }
  })
  .transform((s) => {
    const currentAnnual = s.currentAnnual ?? (s.cashable === false ? s.newAnnual : s.baselineAnnual);
    return {
      ...s,
      id: s.id ?? defaultSavingId(s.contract, s.start, s.kind),
      oneOffCosts: s.oneOffCosts ?? (s.implementationCost ?? 0) + (s.exitCost ?? 0),
      currentAnnual,
      cashable: s.cashable ?? currentAnnual > s.newAnnual,
      ...(s.state === 'signed-off' ? { signedOffBy: s.signedOffBy ?? s.stateBy } : {}),
    };
  });

export type Saving = z.output<typeof SavingSchema>;
export type SavingInput = z.input<typeof SavingSchema>;

/** The key of a saving imported without an id: "CON-0042/2024-04-01/renegotiation". */
export function defaultSavingId(contract: string, start: string, kind: SavingKind): string {
  return `${contract}/${start}/${kind}`;
}

/** The public import file: `{"savings": [ ... ]}`. */
export const SavingsFileSchema = z.object({ savings: z.array(z.unknown()) });

/** The JSON Schema of the public import file, for councils' own tools that produce it. */
export function savingsFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.object({ savings: z.array(SavingSchema) }), { io: 'input' }) as Record<string, unknown>;
}
