import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationSql } from './migration.js';
import { savingCurrentPrice } from './008-saving-current-price.js';

describe('the saving current price migration', () => {
  it('gives savings stored before it the current price their cashable flag meant', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE savings (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO savings (id, data) VALUES (?, ?)');
    // Cashable: the council paid the baseline (160,000). Not cashable: the new price (100,000).
    insert.run('CASH', JSON.stringify({ baselineAnnual: 160000, newAnnual: 100000, cashable: true }));
    insert.run('AVOID', JSON.stringify({ baselineAnnual: 160000, newAnnual: 100000, cashable: false }));
    db.exec(migrationSql(savingCurrentPrice, 'sqlite'));
    expect(db.prepare('SELECT id, current_annual FROM savings ORDER BY id').all()).toEqual([
      { id: 'AVOID', current_annual: 100000 },
      { id: 'CASH', current_annual: 160000 },
    ]);
  });
});
