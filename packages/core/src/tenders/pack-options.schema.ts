import { z } from 'zod';
import { CHARGES_CHOICES, TENDER_SECTION_IDS } from './clause-library.js';

const ChargesChoiceSchema = z
  .enum(CHARGES_CHOICES)
  .describe('Clause 2: "no-charge" (features without additional charge or limitation) or "declare-charges" (every charge stated in the tender response)');

const ListItemSchema = z.string().trim().min(1).max(300);

/**
 * What a procurement officer chooses for one tender's clause pack, as a JSON file or from the bot.
 * Clause-level rules (ids that exist, clauses that cannot be left out, a charges choice for each
 * section) are checked by buildTenderPack, so each comes back as a problem with its own code.
 */
export const TenderPackOptionsSchema = z
  .object({
    /** Lets an editor find this schema; ignored otherwise. */
    $schema: z.string().optional(),
    title: z.string().trim().min(1).max(300).describe('The tender title, e.g. "Revenues and benefits system"'),
    reference: z.string().trim().min(1).max(100).describe('The tender reference, e.g. "DN712345"'),
    sections: z
      .array(z.enum(TENDER_SECTION_IDS))
      .min(1)
      .default(['data-extraction', 'api'])
      .describe('The Appendix M sections in the pack; data extraction is for all tenders, APIs at the council\'s discretion'),
    charges: z
      .object({ 'data-extraction': ChargesChoiceSchema.optional(), api: ChargesChoiceSchema.optional() })
      .strict()
      .default({})
      .describe('The wording of clause 2 for each section in the pack'),
    exclude: z
      .array(
        z.union([
          z.string().trim().min(1),
          z
            .object({
              id: z.string().trim().min(1).describe('The clause id, e.g. "API-1.5"'),
              reason: z.string().trim().min(1).max(1000).optional().describe('Why it is left out; the pack records it'),
            })
            .strict(),
        ]),
      )
      .default([])
      .describe(
        'Clauses to leave out: an id ("API-1.7") for an optional clause, or {"id", "reason"}; an "always" clause (DE-1.1 … DE-1.3, API-1.4 … API-1.6) needs the reason it is not appropriate',
      ),
    reword: z
      .record(z.string(), z.string().trim().min(1).max(3000))
      .default({})
      .describe('The officer\'s wording for a clause the appendix says may need rewording (API-1.4), by id; the pack keeps the original beside it'),
    businessFunctions: z
      .array(ListItemSchema)
      .min(1)
      .optional()
      .describe('API-1.1: the business functions the APIs must cover at minimum, instead of "all significant business functions"'),
    timestampedDatasets: z
      .array(ListItemSchema)
      .min(1)
      .optional()
      .describe('API-1.3: the datasets recorded against a timestamp that must support time-based extracts'),
    includeGuidance: z.boolean().default(false).describe('Add the officer guidance as an annex (remove it before issuing the tender)'),
  })
  .strict();

/** The options as written in the JSON file (defaults may be left out). */
export type TenderPackOptionsInput = z.input<typeof TenderPackOptionsSchema>;
export type TenderPackOptions = z.infer<typeof TenderPackOptionsSchema>;

/** The JSON schema of the options file, for editors and for other tools that write it. */
export function tenderPackOptionsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TenderPackOptionsSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://contract-steward.example/schemas/tender-pack-options.schema.json',
    title: 'Tender clause pack options',
    description: 'Options for `steward tender-pack`: which Appendix M data-access and API clauses go into one tender.',
  };
}
