import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@contract-steward/core';
import { importRegister } from '../../packages/core/src/use-cases/import-register.js';
import { councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { STORE_FACTORIES } from '../support/stores.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

let file: string;
beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'steward-import-store-')), 'register.xlsx');
  // 1,500 rows span several write batches; row 7 repeats row 3's reference.
  await writeCouncilRegisterXlsx(file, 1500, (i) => (i === 7 ? councilRow(3) : councilRow(i)));
});

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`register import on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('writes nothing on a dry run, commits on import, and changes nothing on re-import', async () => {
      // Row 7 repeats row 3 exactly: a repeated line, skipped, not a rejection.
      const dry = await importRegister(store, spreadsheetFile(file), { dryRun: true, actor: 'test' });
      expect([dry.created, dry.rejected, dry.duplicatesSkipped]).toEqual([1499, 0, 1]);
      expect(await store.contracts.count()).toBe(0);

      const first = await importRegister(store, spreadsheetFile(file), { dryRun: false, actor: 'test' });
      expect([first.created, first.updated, first.unchanged, first.rejected, first.duplicatesSkipped]).toEqual([1499, 0, 0, 0, 1]);
      expect(await store.contracts.count()).toBe(1499);
      expect(await store.audit.list({ entity: 'register' })).toMatchObject([{ action: 'import', source: 'import:register.xlsx' }]);

      const again = await importRegister(store, spreadsheetFile(file), { dryRun: true, actor: 'test' });
      expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 1499]);
      const second = await importRegister(store, spreadsheetFile(file), { dryRun: false, actor: 'test' });
      expect([second.created, second.updated, second.unchanged]).toEqual([0, 0, 1499]);
      expect(await store.audit.list({ entity: 'register' })).toHaveLength(1);
    });

    it('keeps a row without a reference provisionally, then renames it when a later file gives its reference', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'steward-provisional-'));
      const header = 'Reference,Title,Supplier,Start date,End date,Value\n';
      const before = join(folder, 'before.csv');
      const after = join(folder, 'after.csv');
      // Row 3 has no reference; row 4 repeats AON1 for another route and value (a lot).
      writeFileSync(before, `${header}AON1,Bus route 1,Acme Coaches,01/09/2024,31/07/2027,1000\n,Day care,Incatern Ltd,01/04/2024,31/03/2026,5000\nAON1,Bus route 2,Beta Travel,01/09/2024,31/07/2027,2000\n`);
      writeFileSync(after, `${header}AON1,Bus route 1,Acme Coaches,01/09/2024,31/07/2027,1000\nBAN12005,Day care,Incatern Ltd,01/04/2024,31/03/2026,5500\nAON1,Bus route 2,Beta Travel,01/09/2024,31/07/2027,2000\n`);
      const first = await importRegister(store, spreadsheetFile(before), { dryRun: false, actor: 'test' });
      expect([first.created, first.provisional, first.lots, first.rejected]).toEqual([3, 1, 1, 0]);
      const provisional = first.problems.find((p) => p.code === 'provisional-reference')?.message ?? '';
      const reference = /NOREF-[0-9A-F]{8}/.exec(provisional)?.[0] ?? '';
      expect(provisional).toBe(`before.csv!A3: no reference, so the contract was given the provisional reference ${reference}, made from its supplier, title and start date — write the real reference here and import again: the contract is renamed, not added twice`);
      expect((await store.contracts.get('AON1/2'))?.supplier.name).toBe('Beta Travel');
      expect((await importRegister(store, spreadsheetFile(before), { dryRun: false, actor: 'test' })).unchanged).toBe(3);

      const dry = await importRegister(store, spreadsheetFile(after), { dryRun: true, actor: 'test' });
      expect([dry.created, dry.updated, dry.unchanged, dry.renamed]).toEqual([0, 1, 2, [{ from: reference, to: 'BAN12005', row: 3 }]]);
      const second = await importRegister(store, spreadsheetFile(after), { dryRun: false, actor: 'test' });
      expect([second.created, second.updated, second.unchanged, second.renamed.length]).toEqual([0, 1, 2, 1]);
      expect(await store.contracts.count()).toBe(3);
      expect(await store.contracts.get(reference)).toBeUndefined();
      expect((await store.contracts.get('BAN12005'))?.value.total).toBe(5500);
      // The history stays: its creation under the provisional reference; newest first, the update and the rename.
      expect((await store.audit.list({ entity: 'contract', entityKey: reference })).map((e) => e.action)).toEqual(['create']);
      expect((await store.audit.list({ entity: 'contract', entityKey: 'BAN12005' })).map((e) => [e.action, e.changes.reference ?? null])).toEqual([
        ['update', null],
        ['rename', { from: reference, to: 'BAN12005' }],
      ]);
      expect((await importRegister(store, spreadsheetFile(after), { dryRun: false, actor: 'test' })).unchanged).toBe(3);
    });

    it('rolls everything back when --strict refuses the file', async () => {
      const report = await importRegister(store, spreadsheetFile(file), { dryRun: false, strict: true, actor: 'test' });
      expect(report.refused).toBe(true);
      expect(await store.contracts.count()).toBe(0);
      expect(await store.audit.list()).toEqual([]);
    });
  });
}
