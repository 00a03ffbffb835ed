import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { steward, stewardProcess } from '../support/run-steward.js';

const WORKER = fileURLToPath(new URL('../../packages/core/dist/excel/xlsx-rows-worker.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'steward-xlsx-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** More rows than the reading thread sends in one message or reads ahead, with rows to reject. */
function rowAt(i: number): (string | number | Date)[] {
  const cells = councilRow(i);
  if (i % 700 === 0) cells[8] = 'TBC';
  if (i % 900 === 0) cells[0] = councilRow(i - 1)[0] as string;
  return cells;
}

describe('the built importer reading .xlsx rows in a worker thread', () => {
  it('reports and writes exactly what the in-thread reader does', async () => {
    expect(existsSync(WORKER)).toBe(true);
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 4_321, rowAt);

    const inThread = await steward(['import', file, '--db', join(folder, 'in-thread.db'), '--json']);
    const aside = stewardProcess(['import', file, '--db', join(folder, 'aside.db'), '--json']);
    expect(aside.stderr).toBe('');
    expect(JSON.parse(aside.stdout)).toEqual(JSON.parse(inThread.stdout));
    // 6 unreadable rows are rejected; the 4 repeated references are kept as lots.
    expect(JSON.parse(aside.stdout)).toMatchObject({ rows: 4_321, created: 4_321 - 6, rejected: 6, lots: 4 });

    const stores = await Promise.all(['in-thread.db', 'aside.db'].map((name) => openStore({ kind: 'sqlite', path: join(folder, name) })));
    try {
      const [one, other] = await Promise.all(stores.map((store) => store.contracts.list()));
      expect(other).toEqual(one);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

});
