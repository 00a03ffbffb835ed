import { z } from 'zod';
import { IsoDateSchema } from '../shared/iso-date.js';

/** What a KPI counts: a percentage (0-100), a count, a time (in its `unit`), or yes/no (1 or 0). */
export const KPI_MEASURES = ['percentage', 'count', 'time', 'yes-no'] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];

export const KPI_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'six-monthly', 'yearly'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** Months in one reporting period. */
export const FREQUENCY_MONTHS: Readonly<Record<ReportingFrequency, number>> = { monthly: 1, quarterly: 3, 'six-monthly': 6, yearly: 12 };

const optionalText = z.string().trim().min(1).optional();

/**
 * A key performance indicator or service level of one contract, keyed by contract and name.
 * `tolerance` is how far short of the target (in the measure's own units) still counts as
 * "Approaching target"; `inadequateAt` is the value at or beyond which performance is
 * "Inadequate" (by default 20% of the target short of it).
 */
export const KpiSchema = z
  .object({
    contract: z.string().trim().min(1),
    name: z.string().trim().min(1).max(200),
    description: optionalText,
    measure: z.enum(KPI_MEASURES),
    /** For a time: "hours", "working days". */
    unit: optionalText,
    target: z.number().finite(),
    direction: z.enum(KPI_DIRECTIONS).default('higher-is-better'),
    tolerance: z.number().finite().nonnegative().default(0),
    inadequateAt: z.number().finite().optional(),
    frequency: z.enum(REPORTING_FREQUENCIES),
    /** First day of the first reporting period; later periods follow on from it. */
    from: IsoDateSchema,
    /** One of the KPIs published under Procurement Act 2023 s.52 (in the contract details notice). */
    published: z.boolean().default(false),
    /** A service level agreement, with what the supplier credits when it is missed. */
    sla: z.boolean().default(false),
    serviceCredit: optionalText,
  })
  .superRefine((kpi, ctx) => {
    if (kpi.measure === 'yes-no' && kpi.target !== 0 && kpi.target !== 1) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a yes/no KPI has target 1 (yes) or 0 (no)' });
    }
    if (kpi.measure === 'percentage' && (kpi.target < 0 || kpi.target > 100)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a percentage target is between 0 and 100' });
    }
    if (kpi.inadequateAt !== undefined) {
      const wrongSide = kpi.direction === 'higher-is-better' ? kpi.inadequateAt >= kpi.target : kpi.inadequateAt <= kpi.target;
      if (wrongSide) {
        ctx.addIssue({
          code: 'custom',
          path: ['inadequateAt'],
          message: `must be ${kpi.direction === 'higher-is-better' ? 'below' : 'above'} the target ${kpi.target}, on the side where performance is worse`,
        });
      }
    }
    if (kpi.sla === false && kpi.serviceCredit !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['serviceCredit'], message: 'only an SLA has a service credit: mark it as an SLA' });
    }
  });

export type Kpi = z.output<typeof KpiSchema>;
export type KpiInput = z.input<typeof KpiSchema>;

/** One KPI's result for one reporting period. `value` is null when it could not be measured. */
export const KpiResultSchema = z
  .object({
    contract: z.string().trim().min(1),
    kpi: z.string().trim().min(1),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    value: z.number().finite().nullable(),
    note: optionalText,
    /** Who entered it (email/UPN) and when (ISO 8601 instant). */
    enteredBy: z.string().trim().min(1),
    enteredAt: z.iso.datetime({ offset: true }),
  })
  .refine((r) => r.periodEnd >= r.periodStart, { path: ['periodEnd'], message: 'the period ends before it starts' });

export type KpiResult = z.output<typeof KpiResultSchema>;

/** Licences or units paid for and used in one period (the IEG4 lesson). */
export const UsageSchema = z
  .object({
    contract: z.string().trim().min(1),
    /** What is counted: "licences", "forms", "seats". */
    item: z.string().trim().min(1),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    paidFor: z.number().finite().positive(),
    used: z.number().finite().nonnegative(),
    /** What the paid-for units cost a year (pounds); without it, the contract's annual value is used. */
    annualCost: z.number().finite().nonnegative().optional(),
  })
  .refine((u) => u.periodEnd >= u.periodStart, { path: ['periodEnd'], message: 'the period ends before it starts' });

export type Usage = z.output<typeof UsageSchema>;
export type UsageInput = z.input<typeof UsageSchema>;

/** An action agreed at a review meeting. */
export const ReviewActionSchema = z.object({
  description: z.string().trim().min(1),
  owner: z.string().trim().min(1),
  due: IsoDateSchema,
  done: z.boolean().default(false),
});
export type ReviewAction = z.output<typeof ReviewActionSchema>;

/** A contract review meeting, scheduled or held. */
export const ReviewMeetingSchema = z.object({
  id: z.string().trim().min(1),
  contract: z.string().trim().min(1),
  date: IsoDateSchema,
  held: z.boolean().default(false),
  attendees: z.array(z.string().trim().min(1)).default([]),
  actions: z.array(ReviewActionSchema).default([]),
  notes: optionalText,
});
export type ReviewMeeting = z.output<typeof ReviewMeetingSchema>;
export type ReviewMeetingInput = z.input<typeof ReviewMeetingSchema>;
