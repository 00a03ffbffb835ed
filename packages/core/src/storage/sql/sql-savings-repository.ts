import { computeSaving } from '../../savings/compute-savings.js';
import type { Saving, SavingState } from '../../savings/saving.schema.js';
import type { SavingQuery, SavingsRepository } from '../savings-repository.js';
import type { AuditContext, UpsertOutcome } from '../store.js';
import { diffChanges } from './diff-changes.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

interface SavingRow {
  data: unknown;
  current_annual: number | string | null;
}

/** The savings ledger over any SqlExecutor; the SQL is common to SQLite and PostgreSQL. */
export class SqlSavingsRepository implements SavingsRepository {
  constructor(private readonly db: SqlExecutor) {}

  upsert(saving: Saving, audit: AuditContext): Promise<UpsertOutcome> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, saving.id);
      const changes = diffChanges(existing ?? {}, saving);
      if (existing && Object.keys(changes).length === 0) return 'unchanged';
      await this.write(tx, saving, audit);
      const action = existing ? 'update' : 'create';
      await new SqlAuditTrail(tx).record({ action, entity: 'saving', entityKey: saving.id, changes }, audit);
      return existing ? 'updated' : 'created';
    });
  }

  get(id: string): Promise<Saving | undefined> {
    return this.getWith(this.db, id);
  }

  setState(id: string, state: SavingState, audit: AuditContext): Promise<Saving | undefined> {
    return this.db.transaction(async (tx) => {
      const existing = await this.getWith(tx, id);
      if (!existing) return undefined;
      // Whoever signs a saving off is named as its signer: a sign-off with nobody named is none.
      const signer = state === 'signed-off' ? { signedOffBy: audit.actor } : {};
      const updated: Saving = { ...existing, state, stateBy: audit.actor, stateAt: (audit.at ?? new Date()).toISOString(), ...signer };
      await this.write(tx, updated, audit);
      await new SqlAuditTrail(tx).record(
        { action: `state:${state}`, entity: 'saving', entityKey: id, changes: diffChanges(existing, updated) },
        audit,
      );
      return updated;
    });
  }

  async list(query: SavingQuery = {}): Promise<Saving[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (query.from !== undefined) filter('last_date >= ?', query.from);
    if (query.to !== undefined) filter('start_date <= ?', query.to);
    if (query.state !== undefined) filter('state = ?', query.state);
    if (query.contract !== undefined) filter('contract_reference = ?', query.contract);
    const rows = await this.db.all<SavingRow>(
      `SELECT data, current_annual FROM savings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_date, contract_reference, id`,
      params,
    );
    return rows.map(savingFromRow);
  }

  async count(): Promise<number> {
    const [row] = await this.db.all<{ n: number | string }>('SELECT count(*) AS n FROM savings');
    return Number(row?.n ?? 0);
  }

  private async write(tx: SqlExecutor, saving: Saving, audit: AuditContext): Promise<void> {
    await tx.run(
      `INSERT INTO savings (id, contract_reference, data, start_date, last_date, state, updated_at, current_annual)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET contract_reference = excluded.contract_reference, data = excluded.data,
         start_date = excluded.start_date, last_date = excluded.last_date, state = excluded.state, updated_at = excluded.updated_at,
         current_annual = excluded.current_annual`,
      [
        saving.id,
        saving.contract,
        JSON.stringify(saving),
        saving.start,
        computeSaving(saving).last,
        saving.state,
        (audit.at ?? new Date()).toISOString(),
        saving.currentAnnual,
      ],
    );
  }

  private async getWith(db: SqlExecutor, id: string): Promise<Saving | undefined> {
    const [row] = await db.all<SavingRow>('SELECT data, current_annual FROM savings WHERE id = ?', [id]);
    return row ? savingFromRow(row) : undefined;
  }
}

/**
 * A stored saving. One written before savings had a current price has none in its JSON; the
 * migration that added the column worked it out from the cashable flag, so it is read from there.
 */
function savingFromRow(row: SavingRow): Saving {
  const saving = readJson<Saving>(row.data);
  if (saving.currentAnnual !== undefined || row.current_annual === null) return saving;
  return { ...saving, currentAnnual: Number(row.current_annual) };
}
