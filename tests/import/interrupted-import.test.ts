import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deadlineIndexRows, openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { writeCouncilRegisterCsv } from '../support/generate-register.js';

const BIN = fileURLToPath(new URL('../../packages/core/bin/steward.js', import.meta.url));

describe('an interrupted import (built bin, killed with SIGKILL)', () => {
  it('leaves the register and its deadline index exactly as they were when killed while writing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'steward-kill-'));
    const db = join(folder, 'steward.db');
    const file = join(folder, 'register.csv');
    await writeCouncilRegisterCsv(file, 40_000);
    const seeded = makeContract();
    const before = await openStore({ kind: 'sqlite', path: db });
    // Seeded on a past day, so rows rebuilt on opening again would show today's date instead.
    await before.contracts.upsert(seeded, { actor: 'test', source: 'test', at: new Date('2026-01-05T09:00:00Z') });
    await before.close();
    const wal = `${db}-wal`;
    const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
    const startSize = walSize();

    const child = spawn(process.execPath, [BIN, 'import', file, '--db', db], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    // Wait until the import's transaction has written pages to the write-ahead log, then kill it.
    const deadline = Date.now() + 120_000;
    while (running && walSize() < startSize + 2 * 1_048_576 && Date.now() < deadline) await sleep(5);
    expect(running).toBe(true);
    child.kill('SIGKILL');
    await exited;

    const after = await openStore({ kind: 'sqlite', path: db });
    try {
      expect(await after.contracts.count()).toBe(1);
      expect(await after.contracts.get(seeded.reference)).toEqual(seeded);
      expect((await after.audit.list()).map((e) => e.source)).toEqual(['test']);
      const index = await after.deadlines.list();
      expect(index.map(({ asOf: _asOf, ...row }) => row)).toEqual(deadlineIndexRows({ contract: seeded }, '2026-01-05'));
      expect(new Set(index.map((r) => r.asOf))).toEqual(new Set(['2026-01-05']));
    } finally {
      await after.close();
    }
  }, 180_000);
});
