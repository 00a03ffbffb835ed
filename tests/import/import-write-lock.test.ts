import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type ImportProgress } from '@contract-steward/core';
import { importRegister } from '../../packages/core/src/use-cases/import-register.js';
import { makeContract } from '../support/contracts.js';
import { writeCouncilRegisterCsv } from '../support/generate-register.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

describe('the write lock during a register import (SQLite)', () => {
  it('is not held while the file is read: another connection writes to the same file meanwhile, and the import then commits', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'steward-lock-'));
    const db = join(folder, 'steward.db');
    const path = join(folder, 'register.csv');
    await writeCouncilRegisterCsv(path, 2_500);
    const importer = await openStore({ kind: 'sqlite', path: db });
    // A second connection to the same file, as a bot process beside a CLI import would have.
    const bot = await openStore({ kind: 'sqlite', path: db });
    const written = makeContract({ reference: 'WHILE-READING' });
    const phases: ImportProgress[] = [];
    try {
      const report = await importRegister(importer, spreadsheetFile(path), {
        dryRun: false,
        actor: 'test',
        onProgress: async (progress) => {
          phases.push(progress);
          // The first thousand rows are read: a write from elsewhere must not wait for the import.
          if (phases.length === 1) await bot.contracts.upsert(written, { actor: 'bot', source: 'test' });
        },
      });
      expect(report.created).toBe(2_500);
      expect(phases.map((p) => p.phase)).toEqual(['reading', 'reading', 'writing', 'writing', 'writing']);
      expect(phases.at(-1)?.rows).toBe(2_500);
      expect(await bot.contracts.get('WHILE-READING')).toEqual(written);
      expect(await bot.contracts.count()).toBe(2_501);
    } finally {
      await bot.close();
      await importer.close();
    }
  }, 60_000);
});
