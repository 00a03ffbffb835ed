import type { ProcurementRoute } from '../register/contract.schema.js';

/** The stages of a re-procurement, in calendar days, from starting work to the new contract running. */
export interface LeadTimeStages {
  /** Market engagement, specification, business case and approvals before anything is published. */
  readonly preparation: number;
  /** Time suppliers have to respond (participation and tender periods). */
  readonly tenderPeriod: number;
  /** Evaluation, moderation and the award decision. */
  readonly evaluation: number;
  /** The standstill period after the contract award notice. */
  readonly standstill: number;
  /** Contract signature, then handover from the old supplier to the new one. */
  readonly mobilisation: number;
}

/*
 * Default lead times per procurement route, with the Procurement Act 2023 in mind.
 * - Tender periods: the Act's minimum for an open procedure is 25 days when tenders are
 *   submitted electronically (s.54, 10 with a qualifying planned procurement notice); the
 *   competitive flexible procedure has a 25-day participation period and a 25-day tendering
 *   period. We plan a little above the minimum (30 days), because a minimum period invites
 *   challenge on complex requirements.
 * - Standstill: 8 working days after the contract award notice (s.51), which is 12 calendar
 *   days once weekends are counted (and a bank holiday can add more). s.51 does not require one
 *   before a call-off under a framework or a light touch contract, but we plan a voluntary one of
 *   the same length there too, as it shuts out a later challenge to set the contract aside.
 * - Mobilisation: the time to sign, transfer data and staff (TUPE) and switch services; for the
 *   council's IT systems this is where projects overrun, so 90 days for a full procurement.
 * - A call-off under a framework has no statutory minimum tender period, and a direct award
 *   needs a transparency notice and the same 8-working-day standstill before the contract.
 * - Procedures of the Public Contracts Regulations 2015 are still recorded on older contracts;
 *   their replacement is procured under the Act, so each is planned as the Act's nearest
 *   equivalent, with the 2015 minimums noted for contracts still run under them:
 *   - restricted: a selection stage then one tender round, as a competitive flexible procedure
 *     without negotiation (Act: 25-day participation and 25-day tendering periods, s.54; PCR
 *     reg. 28: 30 days for requests to participate, 30 days, 25 electronic, for tenders);
 *   - competitive procedure with negotiation: as the competitive flexible procedure (PCR reg. 29
 *     has the same 30 and 30/25-day minimums as restricted), 332 days;
 *   - competitive dialogue: a competitive flexible procedure with dialogue rounds before final
 *     tenders (PCR reg. 30: 30 days for requests to participate, no minimum for dialogue), the
 *     longest route, so more tender and evaluation time;
 *   - light touch (social, health and education services; PCR reg. 74-76, the Act's light touch
 *     contracts, s.9): no statutory minimum time limits (the Act's s.54 minimums do not apply to
 *     them; PCR reg. 76 asks only for reasonable ones) and no mandatory standstill (s.51), but
 *     consultation with service users before and TUPE transfer of care staff after take the time
 *     the tender period saves;
 *   - dynamic market (the Act, s.34-40) or dynamic purchasing system (PCR reg. 34): suppliers
 *     are already admitted, and the competition among them has a 10-day minimum tendering
 *     period (s.54; PCR reg. 34: 10 days), so it is planned like a call-off with a short
 *     competition.
 * Councils override these in settings (or per contract, with `leadTimeDays`).
 */
export const DEFAULT_LEAD_TIME_STAGES: Readonly<Record<ProcurementRoute, LeadTimeStages>> = {
  open: { preparation: 84, tenderPeriod: 30, evaluation: 42, standstill: 12, mobilisation: 102 },
  'competitive-flexible': { preparation: 84, tenderPeriod: 71, evaluation: 63, standstill: 12, mobilisation: 102 },
  framework: { preparation: 42, tenderPeriod: 21, evaluation: 21, standstill: 12, mobilisation: 84 },
  'direct-award': { preparation: 42, tenderPeriod: 0, evaluation: 28, standstill: 12, mobilisation: 38 },
  quotation: { preparation: 28, tenderPeriod: 14, evaluation: 14, standstill: 0, mobilisation: 34 },
  restricted: { preparation: 84, tenderPeriod: 60, evaluation: 42, standstill: 12, mobilisation: 102 },
  'competitive-dialogue': { preparation: 84, tenderPeriod: 120, evaluation: 84, standstill: 12, mobilisation: 102 },
  'competitive-negotiation': { preparation: 84, tenderPeriod: 71, evaluation: 63, standstill: 12, mobilisation: 102 },
  'light-touch': { preparation: 84, tenderPeriod: 30, evaluation: 42, standstill: 12, mobilisation: 102 },
  'dynamic-market': { preparation: 28, tenderPeriod: 14, evaluation: 21, standstill: 12, mobilisation: 45 },
  other: { preparation: 84, tenderPeriod: 30, evaluation: 42, standstill: 12, mobilisation: 102 },
};

/** Total days from the start of re-procurement to the new contract running. */
export function totalLeadTime(stages: LeadTimeStages): number {
  return stages.preparation + stages.tenderPeriod + stages.evaluation + stages.standstill + stages.mobilisation;
}

/**
 * Default lead times in days: open 270, competitive flexible 332, framework call-off 180,
 * direct award 120, quotation 90, restricted 300, competitive dialogue 402, competitive procedure
 * with negotiation 332, light touch 270, dynamic market 120, other 270.
 */
export const DEFAULT_LEAD_TIME_DAYS: Readonly<Record<ProcurementRoute, number>> = Object.fromEntries(
  Object.entries(DEFAULT_LEAD_TIME_STAGES).map(([route, stages]) => [route, totalLeadTime(stages)]),
) as Record<ProcurementRoute, number>;

/** How a route is named in a sentence. */
export const ROUTE_NAMES: Readonly<Record<ProcurementRoute, string>> = {
  open: 'an open procedure',
  'competitive-flexible': 'a competitive flexible procedure',
  framework: 'a call-off under a framework',
  'direct-award': 'a direct award',
  quotation: 'a quotation',
  restricted: 'a restricted procedure',
  'competitive-dialogue': 'a competitive dialogue',
  'competitive-negotiation': 'a competitive procedure with negotiation',
  'light-touch': 'a light touch procurement',
  'dynamic-market': 'a competition under a dynamic market',
  other: 'another route',
};
