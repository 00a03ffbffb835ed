import type { Kpi, KpiResult, ReviewMeeting, Usage } from '../performance/kpi.schema.js';
import type { AuditContext, UpsertOutcome } from './audit-context.js';

export interface KpiResultQuery {
  readonly contract?: string;
  /** A KPI's name, matched without regard to case. */
  readonly kpi?: string;
  /** Results whose period ends on or after this day (YYYY-MM-DD). */
  readonly from?: string;
  /** Results whose period starts on or before this day (YYYY-MM-DD). */
  readonly to?: string;
}

/**
 * Contract performance: KPIs and SLAs, results, usage and review meetings. Every write is
 * audited (entities `kpi`, `kpi-result`, `usage`, `review`).
 */
export interface PerformanceRepository {
  /** Inserts or replaces the KPI with this contract and name (case-insensitive); `unchanged` writes nothing. */
  upsertKpi(kpi: Kpi, audit: AuditContext): Promise<UpsertOutcome>;
  getKpi(contract: string, name: string): Promise<Kpi | undefined>;
  /** By contract, then name. */
  listKpis(contract?: string): Promise<Kpi[]>;
  /**
   * Records results in one transaction, keyed by contract, KPI and period start. A result
   * whose value, period end and note are as stored is unchanged, whoever entered it.
   */
  recordResults(results: Iterable<KpiResult>, audit: AuditContext): Promise<Record<UpsertOutcome, number>>;
  /** By contract, KPI, then period start. */
  listResults(query?: KpiResultQuery): Promise<KpiResult[]>;
  upsertUsage(usage: Usage, audit: AuditContext): Promise<UpsertOutcome>;
  /** By contract, item, then period start. */
  listUsage(contract?: string): Promise<Usage[]>;
  upsertReview(meeting: ReviewMeeting, audit: AuditContext): Promise<UpsertOutcome>;
  getReview(id: string): Promise<ReviewMeeting | undefined>;
  /** By date, then id. */
  listReviews(contract?: string): Promise<ReviewMeeting[]>;
}
