import { compareRows, deadlineIndexRows, type ContractDeadlineInput, type DeadlineIndexRow, type DeadlineSource, type DeadlineStatus } from '../../deadlines/deadline-index-rows.js';
import { deadlineRulesKey } from '../../deadlines/deadline-rules-key.js';
import type { Kpi, KpiResult, ReviewMeeting } from '../../performance/kpi.schema.js';
import type { ModificationRecord, PublicationRecord } from '../../procurement-act/modification-record.js';
import type { Contract } from '../../register/contract.schema.js';
import type { RenewalDecision } from '../../renewals/decisions.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';
import type { IsoDate } from '../../shared/iso-date.js';
import type { DeadlineIndexQuery, DeadlineIndexRepository, DeadlineWindow, DeadlineWindowQuery, IndexedDeadline } from '../deadline-index-repository.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

/** Contracts per read, and rows per insert (13 parameters a row). */
const CHUNK = 500;
const INSERT_ROWS = 400;
/** So that instances starting together on PostgreSQL rebuild one at a time. */
const REBUILD_LOCK_KEY = 7_310_043;
/** Answers kept per store: a day's usual questions, per owner, with room to spare. */
const ANSWERS_KEPT = 256;

/**
 * Counts one more change of the index, as the transaction that changes it commits. Every write
 * to `deadline_index` calls this, so an answer computed at one generation holds until the next,
 * in this process or any other sharing the database. The counter is written at the commit, so
 * on PostgreSQL a long import does not hold its lock while it works.
 */
export function noteDeadlineIndexChanged(tx: SqlExecutor): Promise<void> {
  return tx.beforeCommit('deadline-index-generation', (t) => t.run('UPDATE deadline_index_state SET generation = generation + 1 WHERE id = 1').then(() => undefined));
}

interface IndexRow {
  reference: string;
  source: string;
  key: string;
  kind: string;
  due_date: string;
  floor_date: string;
  moves: number | string;
  daily: number | string;
  owner_email: string | null;
  escalation_email: string | null;
  annual_value: number | string | null;
  status: string;
  as_of: string;
}

function toIndexed(row: IndexRow): IndexedDeadline {
  return {
    reference: row.reference,
    source: row.source as DeadlineSource,
    kind: row.kind,
    key: row.key,
    date: row.due_date,
    floorDate: row.floor_date,
    moves: Number(row.moves) === 1,
    daily: Number(row.daily) === 1,
    ...(row.owner_email === null ? {} : { ownerEmail: row.owner_email }),
    ...(row.escalation_email === null ? {} : { escalationEmail: row.escalation_email }),
    ...(row.annual_value === null ? {} : { annualValue: Number(row.annual_value) }),
    status: row.status as DeadlineStatus,
    asOf: row.as_of,
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The deadline index over any SqlExecutor. A contract's rows are replaced whole: deleted and
 * written again from deadlineIndexRows, inside the caller's transaction.
 */
export class SqlDeadlineIndex implements DeadlineIndexRepository {
  /** Answers by key, each with the index generation it was worked out at (see remember). */
  private readonly remembered: Map<string, { generation: number; answer: unknown }> | undefined;
  /** The generation the remembered answers were last checked against. */
  private seenGeneration: number | undefined;

  /** `rememberAnswers`: keep answers until the index changes (never inside a transaction). */
  constructor(
    private readonly db: SqlExecutor,
    readonly rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
    options: { rememberAnswers?: boolean } = {},
  ) {
    this.remembered = options.rememberAnswers ? new Map() : undefined;
  }

  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.remembered === undefined) return compute();
    const [state] = await this.db.all<{ generation: number | string }>('SELECT generation FROM deadline_index_state WHERE id = 1');
    if (state === undefined) return compute();
    const generation = Number(state.generation);
    // Answers from before a change are never used again: let them go at once.
    if (generation !== this.seenGeneration) {
      this.remembered.clear();
      this.seenGeneration = generation;
    }
    const kept = this.remembered.get(key);
    if (kept !== undefined && kept.generation === generation) return kept.answer as T;
    const answer = await compute();
    this.remembered.delete(key);
    if (this.remembered.size >= ANSWERS_KEPT) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(key, { generation, answer });
    return answer;
  }

  async list(query: DeadlineIndexQuery = {}): Promise<IndexedDeadline[]> {
    const { where, params } = this.filter(query);
    const rows = await this.db.all<IndexRow>(`SELECT * FROM deadline_index ${where} ORDER BY due_date, reference, source, key`, params);
    return rows.map(toIndexed);
  }

  async references(query: DeadlineIndexQuery = {}): Promise<string[]> {
    const { where, params } = this.filter(query);
    const rows = await this.db.all<{ reference: string }>(`SELECT DISTINCT reference FROM deadline_index ${where}`, params);
    return rows.map((r) => r.reference);
  }

  /**
   * The window, from memory when the index has not changed since it was last worked out: many
   * people ask "what is due in the next 90 days" between two changes, and counting a large
   * window costs far more than reading the generation.
   */
  window(query: DeadlineWindowQuery): Promise<DeadlineWindow> {
    const key = JSON.stringify(['window', query.source, query.from, query.to, query.today, query.limit, query.ownerEmail?.trim().toLowerCase() ?? null, query.kinds ?? null]);
    return this.remember(key, () => this.countWindow(query));
  }

  private async countWindow(query: DeadlineWindowQuery): Promise<DeadlineWindow> {
    const owner = query.ownerEmail === undefined ? '' : ' AND owner_email = ?';
    const ownerParams = query.ownerEmail === undefined ? [] : [query.ownerEmail.trim().toLowerCase()];
    const kinds = query.kinds === undefined ? '' : query.kinds.length === 0 ? ' AND 1 = 0' : ` AND kind IN (${placeholders(query.kinds.length)})`;
    // Fixed rows, and moving ones computed today, hold today's dates and statuses exactly.
    const exact = `source = ? AND status = 'open' AND due_date >= ? AND due_date <= ? AND (moves = 0 OR as_of = ?)${owner}${kinds}`;
    const params = [query.source, query.from, query.to, query.today, ...ownerParams, ...(query.kinds ?? [])];
    // Code-point order, as the renewals list sorts references.
    const collate = this.db.dialect === 'postgres' ? ' COLLATE "C"' : '';
    // One pass over the window: the first few contracts, and (computed over every group before
    // LIMIT applies) how many contracts there are and their annual values added up. Every row
    // of a contract carries the same annual value, so MAX picks it once per contract.
    const first = await this.db.all<{ reference: string; n: number | string; total: number | string | null }>(
      `SELECT reference, MIN(due_date) AS first_date, COUNT(*) OVER () AS n, SUM(MAX(annual_value)) OVER () AS total
       FROM deadline_index WHERE ${exact} GROUP BY reference ORDER BY first_date, reference${collate} LIMIT ?`,
      [...params, query.limit],
    );
    // A date that moves only gets later: one computed before today may have rolled into the window, or past it.
    const moving = await this.db.all<{ reference: string }>(
      `SELECT DISTINCT reference FROM deadline_index
       WHERE source = ? AND moves = 1 AND as_of <> ?${owner}
         AND ((as_of < ? AND due_date <= ?) OR (as_of > ? AND floor_date <= ? AND due_date >= ?))`,
      [query.source, query.today, ...ownerParams, query.today, query.to, query.today, query.to, query.from],
    );
    return {
      count: Number(first[0]?.n ?? 0),
      annualTotal: Number(first[0]?.total ?? 0),
      first: first.map((r) => r.reference),
      moving: moving.map((r) => r.reference),
    };
  }

  async overdue(today: IsoDate, query: Pick<DeadlineIndexQuery, 'source' | 'ownerEmail'> = {}): Promise<IndexedDeadline[]> {
    const rows = await this.list({ ...query, openOnly: true, today });
    // A moving row listed for an earlier day may have rolled past today: keep only what is passed.
    return rows.filter((r) => r.date < today);
  }

  private filter(query: DeadlineIndexQuery): { where: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.source !== undefined) {
      where.push('source = ?');
      params.push(query.source);
    }
    if (query.ownerEmail !== undefined) {
      where.push('owner_email = ?');
      params.push(query.ownerEmail.trim().toLowerCase());
    }
    const from = query.from ?? '0000-01-01';
    const to = query.to ?? '9999-12-31';
    // A settled moving row may be a different, open deadline once it rolls: only fixed rows are filtered by status.
    const open = query.openOnly ? " AND status = 'open'" : '';
    if (query.today === undefined) {
      where.push(`due_date >= ? AND due_date <= ?${open}`);
      params.push(from, to);
    } else {
      // A moving date is never earlier than it was on an earlier day, and never earlier than its floor.
      where.push(
        `((moves = 0 AND due_date >= ? AND due_date <= ?${open})
          OR (moves = 1 AND ((as_of <= ? AND due_date <= ?) OR (as_of > ? AND floor_date <= ? AND due_date >= ?))))`,
      );
      params.push(from, to, query.today, to, query.today, to, from);
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async reindex(references: readonly string[], today: IsoDate): Promise<void> {
    const unique = [...new Set(references)];
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < unique.length; start += CHUNK) {
        const chunk = unique.slice(start, start + CHUNK);
        await lockContracts(tx, chunk);
        const rows = await tx.all<{ data: unknown }>(`SELECT data FROM contracts WHERE reference IN (${placeholders(chunk.length)})`, chunk);
        await this.writeRows(tx, chunk, await loadInputs(tx, rows.map((r) => readJson<Contract>(r.data))), today);
      }
    });
  }

  /** Reindexes contracts the caller has in hand (an import batch), without reading them again. */
  async reindexContracts(contracts: readonly Contract[], today: IsoDate): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < contracts.length; start += CHUNK) {
        const chunk = contracts.slice(start, start + CHUNK);
        await this.writeRows(tx, chunk.map((c) => c.reference), await loadInputs(tx, chunk), today);
      }
    });
  }

  async refresh(today: IsoDate): Promise<number> {
    // Not DISTINCT: SQLite would rather walk the whole primary key in order than sort a few rows.
    const rows = await this.db.all<{ reference: string }>('SELECT reference FROM deadline_index WHERE daily = 1 AND as_of < ?', [today]);
    const stale = [...new Set(rows.map((r) => r.reference))];
    await this.reindex(stale, today);
    return stale.length;
  }

  async rebuild(today: IsoDate): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [REBUILD_LOCK_KEY]);
      await tx.run('DELETE FROM deadline_index');
      await noteDeadlineIndexChanged(tx);
      const references = (await tx.all<{ reference: string }>('SELECT reference FROM contracts ORDER BY reference')).map((r) => r.reference);
      await new SqlDeadlineIndex(tx, this.rules).reindex(references, today);
      await this.saveRules(tx, today);
      return references.length;
    });
  }

  /**
   * Rebuilds the index when it was computed with other renewal rules (or never): called when
   * the store opens. Says whether it rebuilt.
   */
  async ensureRules(today: IsoDate): Promise<boolean> {
    const [state] = await this.db.all<{ rules: string }>('SELECT rules FROM deadline_index_state WHERE id = 1');
    if (state?.rules === deadlineRulesKey(this.rules)) return false;
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [REBUILD_LOCK_KEY]);
      const [again] = await tx.all<{ rules: string }>('SELECT rules FROM deadline_index_state WHERE id = 1');
      if (again?.rules === deadlineRulesKey(this.rules)) return false;
      await new SqlDeadlineIndex(tx, this.rules).rebuild(today);
      return true;
    });
  }

  private async saveRules(tx: SqlExecutor, today: IsoDate): Promise<void> {
    await tx.run(
      `INSERT INTO deadline_index_state (id, rules, built_on) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, built_on = excluded.built_on`,
      [deadlineRulesKey(this.rules), today],
    );
  }

  private async writeRows(tx: SqlExecutor, references: readonly string[], inputs: readonly ContractDeadlineInput[], today: IsoDate): Promise<void> {
    if (references.length === 0) return;
    await noteDeadlineIndexChanged(tx);
    await tx.run(`DELETE FROM deadline_index WHERE reference IN (${placeholders(references.length)})`, references);
    const rows: DeadlineIndexRow[] = inputs.flatMap((input) => deadlineIndexRows(input, today, this.rules)).sort(compareRows);
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      const batch = rows.slice(start, start + INSERT_ROWS);
      await tx.run(
        `INSERT INTO deadline_index (reference, source, key, kind, due_date, floor_date, moves, daily, owner_email, escalation_email, annual_value, status, as_of)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        batch.flatMap((r) => [r.reference, r.source, r.key, r.kind, r.date, r.floorDate, r.moves ? 1 : 0, r.daily ? 1 : 0, r.ownerEmail ?? null, r.escalationEmail ?? null, r.annualValue ?? null, r.status, today]),
      );
    }
  }
}

/** On PostgreSQL, two transactions reindexing one contract take turns (SQLite writes one at a time anyway). */
async function lockContracts(tx: SqlExecutor, references: readonly string[]): Promise<void> {
  if (tx.dialect !== 'postgres' || references.length === 0) return;
  await tx.all(`SELECT reference FROM contracts WHERE reference IN (${placeholders(references.length)}) FOR UPDATE`, references);
}

/** The decisions, modifications, publications, KPIs, results and reviews of these contracts. */
async function loadInputs(tx: SqlExecutor, contracts: readonly Contract[]): Promise<ContractDeadlineInput[]> {
  if (contracts.length === 0) return [];
  const refs = contracts.map((c) => c.reference);
  const inList = placeholders(refs.length);
  const grouped = async <T>(sql: string, referenceOf: (value: T) => string): Promise<Map<string, T[]>> => {
    const rows = await tx.all<{ data: unknown }>(sql, refs);
    const byReference = new Map<string, T[]>();
    for (const row of rows) {
      const value = readJson<T>(row.data);
      const list = byReference.get(referenceOf(value));
      if (list) list.push(value);
      else byReference.set(referenceOf(value), [value]);
    }
    return byReference;
  };
  const decisions = await grouped<RenewalDecision>(`SELECT decision AS data FROM renewal_decisions WHERE reference IN (${inList}) ORDER BY id`, (d) => d.reference);
  const modifications = await grouped<ModificationRecord>(`SELECT data FROM contract_modifications WHERE contract_reference IN (${inList}) ORDER BY modified_on, id`, (m) => m.reference);
  const publications = await grouped<PublicationRecord>(`SELECT data FROM statutory_publications WHERE contract_reference IN (${inList}) ORDER BY obligation_key`, (p) => p.reference);
  const kpis = await grouped<Kpi>(`SELECT data FROM kpis WHERE contract_reference IN (${inList}) ORDER BY name_key`, (k) => k.contract);
  const results = await grouped<KpiResult>(`SELECT data FROM kpi_results WHERE contract_reference IN (${inList}) ORDER BY kpi_key, period_start`, (r) => r.contract);
  const meetings = await grouped<ReviewMeeting>(`SELECT data FROM review_meetings WHERE contract_reference IN (${inList}) ORDER BY meeting_date, id`, (m) => m.contract);
  return contracts.map((contract) => ({
    contract,
    decisions: decisions.get(contract.reference) ?? [],
    modifications: modifications.get(contract.reference) ?? [],
    publications: publications.get(contract.reference) ?? [],
    kpis: kpis.get(contract.reference) ?? [],
    kpiResults: results.get(contract.reference) ?? [],
    reviewMeetings: meetings.get(contract.reference) ?? [],
  }));
}
