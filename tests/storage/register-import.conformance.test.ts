import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@contract-steward/core';
import { importRegister } from '../../packages/core/src/excel/import-register.js';
import { councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { STORE_FACTORIES } from '../support/stores.js';

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
      const dry = await importRegister(store, file, { dryRun: true, actor: 'test' });
      expect([dry.created, dry.rejected]).toEqual([1499, 1]);
      expect(await store.contracts.count()).toBe(0);

      const first = await importRegister(store, file, { dryRun: false, actor: 'test' });
      expect([first.created, first.updated, first.unchanged, first.rejected]).toEqual([1499, 0, 0, 1]);
      expect(await store.contracts.count()).toBe(1499);
      expect(await store.audit.list({ entity: 'register' })).toMatchObject([{ action: 'import', source: 'import:register.xlsx' }]);

      const again = await importRegister(store, file, { dryRun: true, actor: 'test' });
      expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 1499]);
      const second = await importRegister(store, file, { dryRun: false, actor: 'test' });
      expect([second.created, second.updated, second.unchanged]).toEqual([0, 0, 1499]);
      expect(await store.audit.list({ entity: 'register' })).toHaveLength(1);
    });

    it('rolls everything back when --strict refuses the file', async () => {
      const report = await importRegister(store, file, { dryRun: false, strict: true, actor: 'test' });
      expect(report.refused).toBe(true);
      expect(await store.contracts.count()).toBe(0);
      expect(await store.audit.list()).toEqual([]);
    });
  });
}
