import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractSchema } from '../../register/contract.schema.js';
import { openStore } from '../open-store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the deadline annual value migration', () => {
  it('fills the annual value of the rows indexed before it, by rebuilding the index when the store opens', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'steward-010-'));
    folders.push(folder);
    const path = join(folder, 'steward.db');
    const store = await openStore({ kind: 'sqlite', path });
    const contract = ContractSchema.parse({ reference: 'CON-1', title: 'Waste', supplier: { name: 'Veolia' }, endDate: '2027-03-31', value: { annual: 250_000 } });
    await store.contracts.upsertMany([contract], { actor: 'a.khan@council.gov.uk', source: 'test' });
    await store.close();
    // The file as version 9 left it: no annual value column.
    const db = new Database(path);
    db.exec(`
      DROP INDEX deadline_index_window; DROP INDEX deadline_index_moving; DROP INDEX deadline_index_daily;
      CREATE INDEX deadline_index_daily ON deadline_index (daily, as_of);
      CREATE INDEX deadline_index_date ON deadline_index (source, due_date);
      CREATE INDEX deadline_index_escalation ON deadline_index (escalation_email, source, due_date);
      ALTER TABLE deadline_index_state DROP COLUMN generation;
      ALTER TABLE deadline_index DROP COLUMN annual_value;
      ALTER TABLE evaluations DROP COLUMN approval;
      DELETE FROM schema_migrations WHERE version >= 10`);
    db.close();
    const reopened = await openStore({ kind: 'sqlite', path });
    try {
      const rows = await reopened.deadlines.list({ source: 'renewal' });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.annualValue === 250_000)).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
