import type { Contract } from '../../register/contract.schema.js';
import { londonToday } from '../../shared/calendar.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';
import type { AuditContext, Changes, ContractQuery, ContractRepository, UpsertOutcome } from '../store.js';
import { diffChanges } from './diff-changes.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { noteDeadlineIndexChanged, SqlDeadlineIndex } from './sql-deadline-index.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

/** Rows per statement: 500 × 7 parameters stays well inside SQLite's and PostgreSQL's limits. */
const BATCH_SIZE = 500;

interface ContractRow {
  data: unknown;
}

/**
 * The contracts register over any SqlExecutor; the SQL is common to SQLite and PostgreSQL.
 * Every write rewrites the contract's rows in the deadline index in the same transaction, with
 * these renewal rules.
 */
export class SqlContractRepository implements ContractRepository {
  constructor(
    private readonly db: SqlExecutor,
    private readonly rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
  ) {}

  async upsert(contract: Contract, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, contract.reference);
      const changes = existing ? diffChanges(existing, contract) : createdChanges(contract);
      if (existing && Object.keys(changes).length === 0) return 'unchanged';
      const at = (audit.at ?? new Date()).toISOString();
      await tx.run(
        `INSERT INTO contracts (reference, data, end_date, owner_email, service_area, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (reference) DO UPDATE SET data = excluded.data, end_date = excluded.end_date,
           owner_email = excluded.owner_email, service_area = excluded.service_area, updated_at = excluded.updated_at`,
        [
          contract.reference,
          JSON.stringify(contract),
          contract.endDate,
          contract.owner?.email,
          contract.serviceArea,
          at,
        ],
      );
      await new SqlDeadlineIndex(tx, this.rules).reindexContracts([contract], londonToday(audit.at ?? new Date()));
      const action = existing ? 'update' : 'create';
      await new SqlAuditTrail(tx).record({ action, entity: 'contract', entityKey: contract.reference, changes }, audit);
      return existing ? 'updated' : 'created';
    });
  }

  async upsertMany(contracts: Iterable<Contract>, audit: AuditContext): Promise<Record<UpsertOutcome, number>> {
    return this.db.transaction(async (tx) => {
      const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
      const at = (audit.at ?? new Date()).toISOString();
      let batch = new Map<string, Contract>();
      const flush = async () => {
        if (batch.size > 0) await this.writeBatch(tx, [...batch.values()], audit, at, counts);
        batch = new Map();
      };
      for (const contract of contracts) {
        // One statement must not touch a row twice (PostgreSQL refuses): write the earlier first.
        if (batch.has(contract.reference)) await flush();
        batch.set(contract.reference, contract);
        if (batch.size >= BATCH_SIZE) await flush();
      }
      await flush();
      return counts;
    });
  }

  private async writeBatch(tx: SqlExecutor, batch: Contract[], audit: AuditContext, at: string, counts: Record<UpsertOutcome, number>): Promise<void> {
    const rows = await tx.all<{ reference: string; data: unknown }>(
      `SELECT reference, data FROM contracts WHERE reference IN (${batch.map(() => '?').join(', ')})`,
      batch.map((c) => c.reference),
    );
    const existing = new Map(rows.map((row) => [row.reference, readJson<Contract>(row.data)]));
    const writes: { contract: Contract; action: 'create' | 'update'; data: string; changes: string }[] = [];
    for (const contract of batch) {
      const before = existing.get(contract.reference);
      if (!before) {
        const data = JSON.stringify(contract);
        counts.created += 1;
        // JSON.stringify(createdChanges(contract)), reusing the contract's JSON.
        writes.push({ contract, action: 'create', data, changes: `{"${CREATED}":{"from":null,"to":${data}}}` });
        continue;
      }
      const changes = diffChanges(before, contract);
      if (Object.keys(changes).length === 0) {
        counts.unchanged += 1;
        continue;
      }
      counts.updated += 1;
      writes.push({ contract, action: 'update', data: JSON.stringify(contract), changes: JSON.stringify(changes) });
    }
    if (writes.length === 0) return;
    await tx.run(
      `INSERT INTO contracts (reference, data, end_date, owner_email, service_area, updated_at)
       VALUES ${writes.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (reference) DO UPDATE SET data = excluded.data, end_date = excluded.end_date,
         owner_email = excluded.owner_email, service_area = excluded.service_area, updated_at = excluded.updated_at`,
      writes.flatMap(({ contract, data }) => [contract.reference, data, contract.endDate, contract.owner?.email, contract.serviceArea, at]),
    );
    await new SqlDeadlineIndex(tx, this.rules).reindexContracts(
      writes.map((w) => w.contract),
      londonToday(audit.at ?? new Date()),
    );
    await tx.run(
      `INSERT INTO audit_log (at, actor, source, action, entity, entity_key, changes) VALUES ${writes.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      writes.flatMap(({ contract, action, changes }) => [at, audit.actor, audit.source, action, 'contract', contract.reference, changes]),
    );
  }

  async getMany(references: readonly string[]): Promise<Contract[]> {
    const contracts: Contract[] = [];
    for (let start = 0; start < references.length; start += BATCH_SIZE) {
      const chunk = references.slice(start, start + BATCH_SIZE);
      const rows = await this.db.all<ContractRow>(`SELECT data FROM contracts WHERE reference IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const row of rows) contracts.push(readJson<Contract>(row.data));
    }
    return contracts;
  }

  get(reference: string): Promise<Contract | undefined> {
    return this.getWith(this.db, reference);
  }

  async delete(reference: string, audit: AuditContext): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, reference);
      if (!existing) return false;
      await tx.run('DELETE FROM contracts WHERE reference = ?', [reference]);
      await tx.run('DELETE FROM deadline_index WHERE reference = ?', [reference]);
      await noteDeadlineIndexChanged(tx);
      await new SqlAuditTrail(tx).record(
        { action: 'delete', entity: 'contract', entityKey: reference, changes: diffChanges(existing, {}) },
        audit,
      );
      return true;
    });
  }

  async rename(from: string, to: string, audit: AuditContext): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, from);
      if (!existing || from === to || (await this.getWith(tx, to))) return false;
      const at = (audit.at ?? new Date()).toISOString();
      await tx.run('UPDATE contracts SET reference = ?, data = ?, updated_at = ? WHERE reference = ?', [to, JSON.stringify({ ...existing, reference: to }), at, from]);
      // What hangs off the contract follows it; the audit trail keeps its entries as written.
      await tx.run('UPDATE renewal_warnings SET reference = ? WHERE reference = ?', [to, from]);
      for (const records of RECORDS_OF_A_CONTRACT) await moveRecords(tx, records, from, to);
      // Its deadlines are filed under the new reference, or "what is due" would name one that is gone.
      await tx.run('DELETE FROM deadline_index WHERE reference = ?', [from]);
      await new SqlDeadlineIndex(tx, this.rules).reindex([to], londonToday(audit.at ?? new Date()));
      await new SqlAuditTrail(tx).record({ action: 'rename', entity: 'contract', entityKey: to, changes: { reference: { from, to } } }, audit);
      return true;
    });
  }

  async list(query: ContractQuery = {}): Promise<Contract[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (query.endFrom !== undefined) filter('end_date >= ?', query.endFrom);
    if (query.endTo !== undefined) filter('end_date <= ?', query.endTo);
    if (query.ownerEmail !== undefined) filter('owner_email = ?', query.ownerEmail.trim().toLowerCase());
    if (query.serviceArea !== undefined) filter('lower(service_area) = lower(?)', query.serviceArea.trim());
    const rows = await this.db.all<ContractRow>(
      `SELECT data FROM contracts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY CASE WHEN end_date IS NULL THEN 1 ELSE 0 END, end_date, reference`,
      params,
    );
    return rows.map((row) => readJson<Contract>(row.data));
  }

  async count(query: Pick<ContractQuery, 'ownerEmail'> = {}): Promise<number> {
    const [row] =
      query.ownerEmail === undefined
        ? await this.db.all<{ n: number | string }>('SELECT count(*) AS n FROM contracts')
        : await this.db.all<{ n: number | string }>('SELECT count(*) AS n FROM contracts WHERE owner_email = ?', [query.ownerEmail.trim().toLowerCase()]);
    return Number(row?.n ?? 0);
  }

  private async getWith(db: SqlExecutor, reference: string): Promise<Contract | undefined> {
    const [row] = await db.all<ContractRow>('SELECT data FROM contracts WHERE reference = ?', [reference]);
    return row ? readJson<Contract>(row.data) : undefined;
  }
}

/** The key of a creation's audit change: the whole record, as `diffChanges` names a whole value. */
const CREATED = '(value)';

/**
 * A creation's audit changes: the new record once, from null (what `diffChanges(null, contract)`
 * gives), rather than each field from null, which doubled what an import writes.
 */
function createdChanges(contract: Contract): Changes {
  return { [CREATED]: { from: null, to: contract } };
}

/**
 * The tables that record something against a contract: the column that names it, and the
 * field of the stored JSON that names it too (what the repositories read back), and the
 * columns that tell one row of the contract from another.
 */
const RECORDS_OF_A_CONTRACT = [
  { table: 'renewal_decisions', column: 'reference', json: 'decision', field: 'reference', rowKey: ['id'] },
  { table: 'savings', column: 'contract_reference', json: 'data', field: 'contract', rowKey: ['id'] },
  { table: 'contract_modifications', column: 'contract_reference', json: 'data', field: 'reference', rowKey: ['id'] },
  { table: 'statutory_publications', column: 'contract_reference', json: 'data', field: 'reference', rowKey: ['obligation_key'] },
  { table: 'kpis', column: 'contract_reference', json: 'data', field: 'contract', rowKey: ['name_key'] },
  { table: 'kpi_results', column: 'contract_reference', json: 'data', field: 'contract', rowKey: ['kpi_key', 'period_start'] },
  { table: 'contract_usage', column: 'contract_reference', json: 'data', field: 'contract', rowKey: ['item_key', 'period_start'] },
  { table: 'review_meetings', column: 'contract_reference', json: 'data', field: 'contract', rowKey: ['id'] },
] as const;

/** Files a contract's records of one kind under its new reference, in the column and in the JSON. */
async function moveRecords(tx: SqlExecutor, records: (typeof RECORDS_OF_A_CONTRACT)[number], from: string, to: string): Promise<void> {
  const { table, column, json, field, rowKey } = records;
  const rows = await tx.all<Record<string, unknown>>(`SELECT ${rowKey.join(', ')}, ${json} AS data FROM ${table} WHERE ${column} = ?`, [from]);
  for (const row of rows) {
    const data = { ...readJson<Record<string, unknown>>(row.data), [field]: to };
    await tx.run(`UPDATE ${table} SET ${column} = ?, ${json} = ? WHERE ${column} = ? AND ${rowKey.map((k) => `${k} = ?`).join(' AND ')}`, [
      to,
      JSON.stringify(data),
      from,
      ...rowKey.map((k) => row[k]),
    ]);
  }
}
