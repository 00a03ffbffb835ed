import type { Contract } from '../../register/contract.schema.js';
import type { AuditContext, ContractQuery, ContractRepository, UpsertOutcome } from '../store.js';
import { diffChanges } from './diff-changes.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

interface ContractRow {
  data: unknown;
}

/** The contracts register over any SqlExecutor; the SQL is common to SQLite and PostgreSQL. */
export class SqlContractRepository implements ContractRepository {
  constructor(private readonly db: SqlExecutor) {}

  async upsert(contract: Contract, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, contract.reference);
      const changes = diffChanges(existing ?? {}, contract);
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
      const action = existing ? 'update' : 'create';
      await new SqlAuditTrail(tx).record({ action, entity: 'contract', entityKey: contract.reference, changes }, audit);
      return existing ? 'updated' : 'created';
    });
  }

  get(reference: string): Promise<Contract | undefined> {
    return this.getWith(this.db, reference);
  }

  async delete(reference: string, audit: AuditContext): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, reference);
      if (!existing) return false;
      await tx.run('DELETE FROM contracts WHERE reference = ?', [reference]);
      await new SqlAuditTrail(tx).record(
        { action: 'delete', entity: 'contract', entityKey: reference, changes: diffChanges(existing, {}) },
        audit,
      );
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

  async count(): Promise<number> {
    const [row] = await this.db.all<{ n: number | string }>('SELECT count(*) AS n FROM contracts');
    return Number(row?.n ?? 0);
  }

  private async getWith(db: SqlExecutor, reference: string): Promise<Contract | undefined> {
    const [row] = await db.all<ContractRow>('SELECT data FROM contracts WHERE reference = ?', [reference]);
    return row ? readJson<Contract>(row.data) : undefined;
  }
}
