import { z } from 'zod';
import { IsoDateSchema } from '../shared/iso-date.js';
import { normaliseCompanyNumber } from './normalise-company-number.js';
import { ClauseIdSchema } from '../tenders/clause-library.js';

/** A length of time as contracts write it: "3 months", "90 days", "2 years". */
export const DurationSchema = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(['days', 'weeks', 'months', 'years']),
});
export type Duration = z.infer<typeof DurationSchema>;

const optionalText = z.string().trim().min(1).optional();

export const CompanyNumberSchema = z
  .string()
  .transform((text, ctx) => {
    const normalised = normaliseCompanyNumber(text);
    if (normalised === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a Companies House number` });
      return z.NEVER;
    }
    return normalised;
  })
  .describe('Companies House number, normalised to eight characters (04841343, SC257136)');

export const SupplierSchema = z.object({
  name: z.string().trim().min(1),
  companyNumber: CompanyNumberSchema.optional(),
  charityNumber: optionalText,
  address: optionalText,
  postcode: optionalText,
  /** Small or medium-sized enterprise (Transparency Code 2015). */
  sme: z.boolean().optional(),
  /** Voluntary, community or social enterprise (Transparency Code 2015). */
  vcse: z.boolean().optional(),
});
export type Supplier = z.infer<typeof SupplierSchema>;

export const PersonSchema = z.object({
  name: optionalText,
  email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * How a contract can go on past its current end date.
 * - fixed: it ends; a new contract needs a new procurement.
 * - extension-options: "2+1+1" is an initial term then options of 1 and 1 year; `taken` counts
 *   the options already exercised and `maximumEndDate` is the end if every option is taken.
 * - auto-renewal: tacit renewal for `period` unless notice is given.
 */
export const RenewalTermsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed') }),
  z.object({
    type: z.literal('extension-options'),
    options: z.array(DurationSchema).min(1),
    taken: z.number().int().nonnegative().default(0),
    maximumEndDate: IsoDateSchema.optional(),
  }),
  z.object({ type: z.literal('auto-renewal'), period: DurationSchema }),
]);
export type RenewalTerms = z.infer<typeof RenewalTermsSchema>;

export const ValueSchema = z.object({
  /** Sum to be paid over the length of the contract, in pounds. */
  total: z.number().finite().optional(),
  /** Estimated annual spend, in pounds. */
  annual: z.number().finite().optional(),
  basis: z.enum(['fixed', 'estimated']).optional(),
  /** Value Added Tax that cannot be recovered, in pounds (Transparency Code 2015). */
  irrecoverableVat: z.number().finite().optional(),
});
export type ContractValue = z.infer<typeof ValueSchema>;

export const PROCUREMENT_ROUTES = [
  'open',
  'competitive-flexible',
  'framework',
  'direct-award',
  'quotation',
  'other',
] as const;
export const ProcurementRouteSchema = z.enum(PROCUREMENT_ROUTES);
export type ProcurementRoute = z.infer<typeof ProcurementRouteSchema>;

export const ProcurementSchema = z.object({
  route: ProcurementRouteSchema.optional(),
  framework: optionalText,
  /** Whether the contract came from an invitation to quote or a published invitation to tender. */
  invitation: z.enum(['quote', 'tender']).optional(),
});

/** The strategy's Systems and Data Register fields, for IT contracts. */
export const ItSystemSchema = z.object({
  systemName: optionalText,
  hosting: z.enum(['on-premise', 'cloud', 'hybrid']).optional(),
  personalData: z.boolean().optional(),
});

export const ContractSchema = z.object({
  reference: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1),
  description: optionalText,
  /** Local authority department responsible (Transparency Code 2015). */
  department: optionalText,
  serviceArea: optionalText,
  category: optionalText,
  supplier: SupplierSchema,
  owner: PersonSchema.optional(),
  escalationContact: PersonSchema.optional(),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  reviewDate: IsoDateSchema.optional(),
  renewal: RenewalTermsSchema.default({ type: 'fixed' }),
  noticePeriod: DurationSchema.optional(),
  value: ValueSchema.default({}),
  procurement: ProcurementSchema.default({}),
  itSystem: ItSystemSchema.optional(),
  /** Days before each renewal deadline to warn, replacing the council's defaults for this contract. */
  warningThresholds: z.array(z.number().int().positive()).min(1).optional(),
  /** Days needed to re-procure this contract, replacing the default for its procurement route. */
  leadTimeDays: z.number().int().nonnegative().optional(),
  /** The Appendix M data-access and API clauses the contract already contains (DE-1.1, API-2 …). */
  appendixMClauses: z.array(ClauseIdSchema).optional(),
  /**
   * The organisation that let the contract: the Transparency Code's "Organisation name" and
   * code, or an OCDS buyer. Keeps apart the awards of several councils in one file.
   */
  buyer: z.object({ name: z.string().trim().min(1), id: optionalText }).optional(),
});

/** A contract as callers write it (defaults may be left out). */
export type ContractInput = z.input<typeof ContractSchema>;
/** A validated contract, with company numbers normalised and defaults filled. */
export type Contract = z.infer<typeof ContractSchema>;
