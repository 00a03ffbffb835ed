import { z } from 'zod';
import { IsoDateSchema } from '../shared/iso-date.js';

/**
 * The grounds a modification can rely on. Under the Act: below-threshold (s.74(4)), not
 * substantial (s.74(3), with the reason recorded), a Schedule 8 paragraph, or a light touch
 * contract (s.74(2)). Under the Regulations: a paragraph of regulation 72(1).
 */
export const GROUND_PATTERN = /^(below-threshold|not-substantial|light-touch|schedule-8-para-[1-9]|reg-72-1-[a-f])$/;
export const GroundSchema = z.string().regex(GROUND_PATTERN);
export type Ground = z.infer<typeof GroundSchema>;

/** A change to a contract, as recorded in its change log. */
export const ModificationRecordSchema = z.object({
  id: z.string().min(1),
  reference: z.string().min(1),
  /** The day the modification takes effect. */
  date: IsoDateSchema,
  /** Change in estimated value, in pounds, in the contract's recorded VAT basis (+ or −). */
  valueChange: z.number().finite(),
  newEndDate: IsoDateSchema.optional(),
  previousEndDate: IsoDateSchema.optional(),
  /** Days the term moved (+ or −). */
  termChangeDays: z.number().int(),
  description: z.string().optional(),
  ground: GroundSchema,
  /** Why a person judged it not substantial. */
  reason: z.string().optional(),
  regime: z.enum(['PA2023', 'PCR2015']),
  belowThreshold: z.boolean(),
  noticeRequired: z.boolean(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ModificationRecord = z.infer<typeof ModificationRecordSchema>;

/** That a statutory notice or copy was published: it settles the obligation with this key. */
export const PublicationRecordSchema = z.object({
  reference: z.string().min(1),
  obligation: z.string().min(1),
  /** Which occurrence: `UK7`, `UK9:2026-11-19`, `UK10:MOD-…`. */
  key: z.string().min(1),
  publishedOn: IsoDateSchema,
  noticeId: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type PublicationRecord = z.infer<typeof PublicationRecordSchema>;
