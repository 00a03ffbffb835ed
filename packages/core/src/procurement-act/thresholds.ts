import type { ContractType } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';

export type Regime = 'PA2023' | 'PCR2015';

/** The day the Procurement Act 2023 came into force: procurements started on or after it are under the Act. */
export const ACT_IN_FORCE: IsoDate = '2025-02-24';

/** The Act's "£5 million" tests (s.52, s.53(3), s.77) are on estimated value including VAT. */
export const FIVE_MILLION = 5_000_000;

/** The standard rate of VAT, used to gross up values recorded without VAT for the threshold tests. */
export const STANDARD_VAT_RATE = 0.2;

/** One set of threshold amounts for a sub-central authority (a council), and where the figures come from. */
export interface ThresholdSet {
  readonly regime: Regime;
  /** The set applies to procurements started on or after this day (until the next set). */
  readonly from: IsoDate;
  /** Goods or services for a sub-central government authority. */
  readonly goodsServices: number;
  readonly works: number;
  readonly lightTouch: number;
  /** Whether the amounts include VAT (they have since 1 January 2022). */
  readonly includeVat: boolean;
  /** The instrument and rows, for the rule sentence. */
  readonly source: string;
}

/*
 * Dated data: a contract's thresholds are those in force when its procurement started, so a set
 * is never edited, only followed by a new one.
 *
 * Procurement Act 2023, Schedule 1 as enacted (rows 8, 10, 12): £663,540 light touch,
 * £5,336,937 works, £213,477 sub-central goods/services. Those figures never applied to a
 * procurement: before the Act came into force (24 February 2025) S.I. 2025/163 amended them to
 * the 2024 GPA figures below, which applied until 31 December 2025.
 * From 1 January 2026 the Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025
 * (S.I. 2025/1200) set the "any other contract" column: £207,720 and £5,193,000; light touch
 * (row 8) unchanged at £663,540. All Act thresholds include VAT.
 *
 * Public Contracts Regulations 2015, regulation 5(1): from 1 January 2022 (S.I. 2021/1221, which
 * also made them VAT-inclusive) £213,477 sub-central, £5,336,937 works; from 1 January 2024
 * (S.I. 2023/1314) £214,904 and £5,372,609. Light touch (regulation 5(1)(d)) £663,540.
 */
export const THRESHOLD_SETS: readonly ThresholdSet[] = [
  {
    regime: 'PCR2015',
    from: '2022-01-01',
    goodsServices: 213_477,
    works: 5_336_937,
    lightTouch: 663_540,
    includeVat: true,
    source: 'Public Contracts Regulations 2015, regulation 5(1), as amended by S.I. 2021/1221 from 1 January 2022',
  },
  {
    regime: 'PCR2015',
    from: '2024-01-01',
    goodsServices: 214_904,
    works: 5_372_609,
    lightTouch: 663_540,
    includeVat: true,
    source: 'Public Contracts Regulations 2015, regulation 5(1), as amended by S.I. 2023/1314 from 1 January 2024',
  },
  {
    regime: 'PA2023',
    from: ACT_IN_FORCE,
    goodsServices: 214_904,
    works: 5_372_609,
    lightTouch: 663_540,
    includeVat: true,
    source: 'Procurement Act 2023, Schedule 1 (rows 8, 10 and 12), as amended by S.I. 2025/163 before the Act came into force',
  },
  {
    regime: 'PA2023',
    from: '2026-01-01',
    goodsServices: 207_720,
    works: 5_193_000,
    lightTouch: 663_540,
    includeVat: true,
    source: 'Procurement Act 2023, Schedule 1 (rows 8, 10 and 12), as amended by S.I. 2025/1200 from 1 January 2026',
  },
];

export interface ThresholdAmount {
  readonly amount: number;
  readonly set: ThresholdSet;
  /** True when no set covers the start date and the earliest set of the regime was used. */
  readonly assumed: boolean;
}

/**
 * The threshold amount for a council's contract of this type, in force on `procurementStarted`
 * under `regime`. Goods and services share one amount.
 *
 * @example thresholdFor('PA2023', 'services', '2026-01-01').amount // 207720
 */
export function thresholdFor(regime: Regime, type: ContractType, procurementStarted: IsoDate): ThresholdAmount {
  const sets = THRESHOLD_SETS.filter((set) => set.regime === regime);
  const inForce = sets.filter((set) => set.from <= procurementStarted).at(-1);
  const set = inForce ?? (sets[0] as ThresholdSet);
  const amount = type === 'works' ? set.works : type === 'light-touch' ? set.lightTouch : set.goodsServices;
  return { amount, set, assumed: inForce === undefined };
}
