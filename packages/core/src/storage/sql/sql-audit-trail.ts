import type { AuditContext, AuditEntry, AuditQuery, AuditTrail, Changes } from '../store.js';
import { readJson, type SqlExecutor } from './sql-executor.js';

interface AuditRow {
  id: number | string;
  at: string;
  actor: string;
  source: string;
  action: string;
  entity: string;
  entity_key: string;
  changes: unknown;
}

export class SqlAuditTrail implements AuditTrail {
  constructor(private readonly db: SqlExecutor) {}

  async record(
    entry: { action: string; entity: string; entityKey: string; changes: Changes },
    audit: AuditContext,
  ): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (at, actor, source, action, entity, entity_key, changes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        (audit.at ?? new Date()).toISOString(),
        audit.actor,
        audit.source,
        entry.action,
        entry.entity,
        entry.entityKey,
        JSON.stringify(entry.changes),
      ],
    );
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.entity !== undefined) {
      where.push('entity = ?');
      params.push(query.entity);
    }
    if (query.entityKey !== undefined) {
      where.push('entity_key = ?');
      params.push(query.entityKey);
    }
    params.push(query.limit ?? 1000);
    const rows = await this.db.all<AuditRow>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      params,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      actor: row.actor,
      source: row.source,
      action: row.action,
      entity: row.entity,
      entityKey: row.entity_key,
      changes: readJson<Changes>(row.changes),
    }));
  }
}
