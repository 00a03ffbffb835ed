import type { ModificationRecord, PublicationRecord } from '../../procurement-act/modification-record.js';
import type { ProcurementActRepository } from '../procurement-act-repository.js';
import type { AuditContext } from '../store.js';
import { diffChanges } from './diff-changes.js';
import { SqlAuditTrail } from './sql-audit-trail.js';
import { readJson, type SqlExecutor } from './sql-executor.js';
import { SqlDeadlineIndex } from './sql-deadline-index.js';
import { londonToday } from '../../shared/calendar.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../../renewals/renewal-settings.js';

/**
 * Modifications and publications over any SqlExecutor; the SQL is common to SQLite and
 * PostgreSQL. Both move a contract's statutory deadlines, so each reindexes its contract.
 */
export class SqlProcurementActRepository implements ProcurementActRepository {
  constructor(
    private readonly db: SqlExecutor,
    private readonly rules: RenewalSettings = DEFAULT_RENEWAL_SETTINGS,
  ) {}

  addModification(modification: ModificationRecord, audit: AuditContext): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO contract_modifications (id, contract_reference, modified_on, data) VALUES (?, ?, ?, ?)', [
        modification.id,
        modification.reference,
        modification.date,
        JSON.stringify(modification),
      ]);
      await new SqlAuditTrail(tx).record(
        { action: 'modify', entity: 'contract-modification', entityKey: `${modification.reference}/${modification.id}`, changes: diffChanges({}, modification) },
        audit,
      );
      await new SqlDeadlineIndex(tx, this.rules).reindex([modification.reference], londonToday(audit.at ?? new Date()));
    });
  }

  async listModifications(reference: string): Promise<ModificationRecord[]> {
    const rows = await this.db.all<{ data: unknown }>('SELECT data FROM contract_modifications WHERE contract_reference = ? ORDER BY modified_on, id', [reference]);
    return rows.map((row) => readJson<ModificationRecord>(row.data));
  }

  async listAllModifications(): Promise<ModificationRecord[]> {
    const rows = await this.db.all<{ data: unknown }>('SELECT data FROM contract_modifications ORDER BY contract_reference, modified_on, id');
    return rows.map((row) => readJson<ModificationRecord>(row.data));
  }

  recordPublication(publication: PublicationRecord, audit: AuditContext): Promise<void> {
    return this.db.transaction(async (tx) => {
      const [existing] = await tx.all<{ data: unknown }>('SELECT data FROM statutory_publications WHERE contract_reference = ? AND obligation_key = ?', [publication.reference, publication.key]);
      await tx.run(
        `INSERT INTO statutory_publications (contract_reference, obligation_key, data) VALUES (?, ?, ?)
         ON CONFLICT (contract_reference, obligation_key) DO UPDATE SET data = excluded.data`,
        [publication.reference, publication.key, JSON.stringify(publication)],
      );
      await new SqlAuditTrail(tx).record(
        {
          action: 'published',
          entity: 'statutory-publication',
          entityKey: `${publication.reference}/${publication.key}`,
          changes: diffChanges(existing ? readJson<PublicationRecord>(existing.data) : {}, publication),
        },
        audit,
      );
      await new SqlDeadlineIndex(tx, this.rules).reindex([publication.reference], londonToday(audit.at ?? new Date()));
    });
  }

  async listPublications(reference?: string): Promise<PublicationRecord[]> {
    const rows =
      reference === undefined
        ? await this.db.all<{ data: unknown }>('SELECT data FROM statutory_publications ORDER BY contract_reference, obligation_key')
        : await this.db.all<{ data: unknown }>('SELECT data FROM statutory_publications WHERE contract_reference = ? ORDER BY obligation_key', [reference]);
    return rows.map((row) => readJson<PublicationRecord>(row.data));
  }
}
