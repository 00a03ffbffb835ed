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
  /** Registration number of a VCSE that is neither a company nor a charity: a Mutuals Public Register number (IP12345R). */
  vcseNumber: optionalText,
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

/**
 * What the register says happens at the end date, when the terms above do not show it:
 * - fixed: the contract expires at its end date;
 * - automatic: it renews tacitly unless notice is given;
 * - options: it has extension options;
 * - unknown: the register does not say (the default), so notice deadlines are still worked out
 *   in case it renews automatically.
 */
export const RENEWAL_TYPES = ['fixed', 'automatic', 'options', 'unknown'] as const;
export const RenewalTypeSchema = z.enum(RENEWAL_TYPES);
export type RenewalType = z.infer<typeof RenewalTypeSchema>;

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
  'restricted',
  'competitive-dialogue',
  'competitive-negotiation',
  'light-touch',
  'dynamic-market',
  'other',
] as const;
export const ProcurementRouteSchema = z.enum(PROCUREMENT_ROUTES);
export type ProcurementRoute = z.infer<typeof ProcurementRouteSchema>;

export const ProcurementSchema = z.object({
  route: ProcurementRouteSchema.optional(),
  framework: optionalText,
  /** When the framework (or dynamic market) ends: a call-off needs it still in force. */
  frameworkExpiry: IsoDateSchema.optional(),
  /** Whether the contract came from an invitation to quote or a published invitation to tender. */
  invitation: z.enum(['quote', 'tender']).optional(),
});

/** The strategy's Systems and Data Register fields, for IT contracts. */
export const ItSystemSchema = z.object({
  systemName: optionalText,
  hosting: z.enum(['on-premise', 'cloud', 'hybrid']).optional(),
  personalData: z.boolean().optional(),
});

/** The kinds of contract the procurement thresholds and modification limits turn on. */
export const CONTRACT_TYPES = ['goods', 'services', 'works', 'light-touch'] as const;
export const ContractTypeSchema = z.enum(CONTRACT_TYPES);
export type ContractType = z.infer<typeof ContractTypeSchema>;

/**
 * The facts procurement law turns on (Procurement Act 2023 or Public Contracts Regulations 2015).
 * Only what the register records is stored; what is derived (the regime from the start of the
 * procurement, entry from the start date, the maximum term from the options) is worked out by
 * procurement-act/regime.ts and said to be derived.
 */
export const ProcurementLawSchema = z.object({
  regime: z.enum(['PA2023', 'PCR2015']).optional(),
  /** The day the procurement started: it decides the regime and pins the threshold amounts. */
  procurementStarted: IsoDateSchema.optional(),
  /** The day the contract was entered into (signed). */
  enteredInto: IsoDateSchema.optional(),
  contractType: ContractTypeSchema.optional(),
  /** Whether the recorded values include VAT; the Act's thresholds and £5m tests are on values including VAT. */
  vatIncluded: z.boolean().optional(),
  maximumTermOnAward: DurationSchema.optional(),
  /** How many key performance indicators the contract sets (Procurement Act 2023 s.52). */
  kpis: z.number().int().nonnegative().optional(),
  /** Why s.52 does not require KPIs for this contract, when it does not. */
  kpiExemption: optionalText,
});
export type ProcurementLaw = z.infer<typeof ProcurementLawSchema>;

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
  /** Absent: `renewal` decides, else unknown. See RENEWAL_TYPES. */
  renewalType: RenewalTypeSchema.optional(),
  /** Notice needed to take an extension option, when it differs from `noticePeriod`. */
  extensionNoticePeriod: DurationSchema.optional(),
  value: ValueSchema.default({}),
  procurement: ProcurementSchema.default({}),
  itSystem: ItSystemSchema.optional(),
  /** Days before each renewal deadline to warn, replacing the council's defaults for this contract. */
  warningThresholds: z.array(z.number().int().positive()).min(1).optional(),
  /** Days needed to re-procure this contract, replacing the default for its procurement route. */
  leadTimeDays: z.number().int().nonnegative().optional(),
  /** The Appendix M data-access and API clauses the contract already contains (DE-1.1, API-2 …). */
  appendixMClauses: z.array(ClauseIdSchema).optional(),
  /** Procurement regime and the facts its duties turn on. */
  law: ProcurementLawSchema.optional(),
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
