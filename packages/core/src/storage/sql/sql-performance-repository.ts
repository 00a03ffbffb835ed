import type { Kpi, KpiResult, ReviewMeeting, Usage } from '../../performance/kpi.schema.js';
import type { KpiResultQuery, PerformanceRepository } from '../performance-repository.js';
import type { AuditContext, UpsertOutcome } from '../store.js';
import { diffChanges } from './diff-changes.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { readJson, type SqlExecutor } from './sql-executor.js';
import { SqlDeadlineIndex } from './sql-deadline-index.js';
import { londonToday } from '../../shared/calendar.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';

interface DataRow {
  data: unknown;
}

/** A name as a key: "Availability " and "availability" are the same KPI. */
export const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * KPIs, results, usage and reviews over any SqlExecutor; the SQL is common to SQLite and
 * PostgreSQL. KPIs, results and reviews are deadlines too: each write reindexes its contract.
 */
export class SqlPerformanceRepository implements PerformanceRepository {
  constructor(
    private readonly db: SqlExecutor,
    private readonly rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
  ) {}

  private reindex(tx: SqlExecutor, references: readonly string[], audit: AuditContext): Promise<void> {
    return new SqlDeadlineIndex(tx, this.rules).reindex(references, londonToday(audit.at ?? new Date()));
  }

  upsertKpi(kpi: Kpi, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction(async (tx) => {
      const outcome = await this.upsert(tx, {
        entity: 'kpi',
        key: `${kpi.contract}/${kpi.name}`,
        existing: () => this.getKpiWith(tx, kpi.contract, kpi.name),
        value: kpi,
        write: (at) =>
          tx.run(
            `INSERT INTO kpis (contract_reference, name_key, data, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (contract_reference, name_key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
            [kpi.contract, nameKey(kpi.name), JSON.stringify(kpi), at],
          ),
        audit,
      });
      if (outcome !== 'unchanged') await this.reindex(tx, [kpi.contract], audit);
      return outcome;
    });
  }

  getKpi(contract: string, name: string): Promise<Kpi | undefined> {
    return this.getKpiWith(this.db, contract, name);
  }

  async listKpis(contract?: string): Promise<Kpi[]> {
    const rows = await this.db.all<DataRow>(
      `SELECT data FROM kpis ${contract === undefined ? '' : 'WHERE contract_reference = ?'} ORDER BY contract_reference, name_key`,
      contract === undefined ? [] : [contract],
    );
    return rows.map((row) => readJson<Kpi>(row.data));
  }

  recordResults(results: Iterable<KpiResult>, audit: AuditContext): Promise<Record<UpsertOutcome, number>> {
    return this.db.transaction(async (tx) => {
      const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
      const changed = new Set<string>();
      for (const result of results) {
        const outcome = await this.upsert(tx, {
          entity: 'kpi-result',
          key: `${result.contract}/${result.kpi}/${result.periodStart}`,
          existing: async () => {
            const [row] = await tx.all<DataRow>('SELECT data FROM kpi_results WHERE contract_reference = ? AND kpi_key = ? AND period_start = ?', [
              result.contract,
              nameKey(result.kpi),
              result.periodStart,
            ]);
            return row ? readJson<KpiResult>(row.data) : undefined;
          },
          value: result,
          // Who typed it and when are kept, but entering the same figure again is no change.
          comparable: ({ enteredBy: _by, enteredAt: _at, ...rest }: KpiResult) => rest,
          write: (at) =>
            tx.run(
              `INSERT INTO kpi_results (contract_reference, kpi_key, period_start, period_end, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (contract_reference, kpi_key, period_start) DO UPDATE SET period_end = excluded.period_end, data = excluded.data, updated_at = excluded.updated_at`,
              [result.contract, nameKey(result.kpi), result.periodStart, result.periodEnd, JSON.stringify(result), at],
            ),
          audit,
        });
        counts[outcome] += 1;
        if (outcome !== 'unchanged') changed.add(result.contract);
      }
      await this.reindex(tx, [...changed], audit);
      return counts;
    });
  }

  async listResults(query: KpiResultQuery = {}): Promise<KpiResult[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (query.contract !== undefined) filter('contract_reference = ?', query.contract);
    if (query.kpi !== undefined) filter('kpi_key = ?', nameKey(query.kpi));
    if (query.from !== undefined) filter('period_end >= ?', query.from);
    if (query.to !== undefined) filter('period_start <= ?', query.to);
    const rows = await this.db.all<DataRow>(
      `SELECT data FROM kpi_results ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY contract_reference, kpi_key, period_start`,
      params,
    );
    return rows.map((row) => readJson<KpiResult>(row.data));
  }

  upsertUsage(usage: Usage, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction((tx) =>
      this.upsert(tx, {
        entity: 'usage',
        key: `${usage.contract}/${usage.item}/${usage.periodStart}`,
        existing: async () => {
          const [row] = await tx.all<DataRow>('SELECT data FROM contract_usage WHERE contract_reference = ? AND item_key = ? AND period_start = ?', [
            usage.contract,
            nameKey(usage.item),
            usage.periodStart,
          ]);
          return row ? readJson<Usage>(row.data) : undefined;
        },
        value: usage,
        write: (at) =>
          tx.run(
            `INSERT INTO contract_usage (contract_reference, item_key, period_start, data, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (contract_reference, item_key, period_start) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
            [usage.contract, nameKey(usage.item), usage.periodStart, JSON.stringify(usage), at],
          ),
        audit,
      }),
    );
  }

  async listUsage(contract?: string): Promise<Usage[]> {
    const rows = await this.db.all<DataRow>(
      `SELECT data FROM contract_usage ${contract === undefined ? '' : 'WHERE contract_reference = ?'} ORDER BY contract_reference, item_key, period_start`,
      contract === undefined ? [] : [contract],
    );
    return rows.map((row) => readJson<Usage>(row.data));
  }

  upsertReview(meeting: ReviewMeeting, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction(async (tx) => {
      const before = await this.getReviewWith(tx, meeting.id);
      const outcome = await this.upsert(tx, {
        entity: 'review',
        key: meeting.id,
        existing: async () => before,
        value: meeting,
        write: (at) =>
          tx.run(
            `INSERT INTO review_meetings (id, contract_reference, meeting_date, data, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET contract_reference = excluded.contract_reference, meeting_date = excluded.meeting_date,
               data = excluded.data, updated_at = excluded.updated_at`,
            [meeting.id, meeting.contract, meeting.date, JSON.stringify(meeting), at],
          ),
        audit,
      });
      // A meeting moved to another contract leaves the first one's schedule as well.
      if (outcome !== 'unchanged') await this.reindex(tx, before ? [before.contract, meeting.contract] : [meeting.contract], audit);
      return outcome;
    });
  }

  getReview(id: string): Promise<ReviewMeeting | undefined> {
    return this.getReviewWith(this.db, id);
  }

  async listReviews(contract?: string): Promise<ReviewMeeting[]> {
    const rows = await this.db.all<DataRow>(
      `SELECT data FROM review_meetings ${contract === undefined ? '' : 'WHERE contract_reference = ?'} ORDER BY meeting_date, id`,
      contract === undefined ? [] : [contract],
    );
    return rows.map((row) => readJson<ReviewMeeting>(row.data));
  }

  /** Writes `value` unless it equals what is stored, and audits the change. */
  private async upsert<T extends object>(
    tx: SqlExecutor,
    step: {
      entity: string;
      key: string;
      existing: () => Promise<T | undefined>;
      value: T;
      comparable?: (value: T) => object;
      write: (at: string) => Promise<unknown>;
      audit: AuditContext;
    },
  ): Promise<UpsertOutcome> {
    const existing = await step.existing();
    const compare = step.comparable ?? ((value: T) => value);
    if (existing && Object.keys(diffChanges(compare(existing), compare(step.value))).length === 0) return 'unchanged';
    await step.write((step.audit.at ?? new Date()).toISOString());
    await new SqlAuditTrail(tx).record(
      { action: existing ? 'update' : 'create', entity: step.entity, entityKey: step.key, changes: diffChanges(existing ?? {}, step.value) },
      step.audit,
    );
    return existing ? 'updated' : 'created';
  }

  private async getKpiWith(db: SqlExecutor, contract: string, name: string): Promise<Kpi | undefined> {
    const [row] = await db.all<DataRow>('SELECT data FROM kpis WHERE contract_reference = ? AND name_key = ?', [contract, nameKey(name)]);
    return row ? readJson<Kpi>(row.data) : undefined;
  }

  private async getReviewWith(db: SqlExecutor, id: string): Promise<ReviewMeeting | undefined> {
    const [row] = await db.all<DataRow>('SELECT data FROM review_meetings WHERE id = ?', [id]);
    return row ? readJson<ReviewMeeting>(row.data) : undefined;
  }
}
