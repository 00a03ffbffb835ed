import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, runCli } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-sample-'));
});

const now = () => new Date('2026-05-11T09:00:00Z');

describe('steward sample', () => {
  it('loads the sample register into ./data/steward.db, the database npm start opens by default', async () => {
    const run = await steward(['sample'], {}, folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 contracts created');
    expect(existsSync(join(folder, 'data', 'steward.db'))).toBe(true);
    const listed = await steward(['contracts', 'list', '--json'], {}, folder);
    expect((JSON.parse(listed.stdout) as { reference: string }[]).map((c) => c.reference)).toContain('CON-0042');
  });

  it('loads into the database --db names, audited with the source sample', async () => {
    const run = await steward(['sample', '--db', 'other.db'], {}, folder);
    expect(run.code).toBe(0);
    const store = await openStore({ kind: 'sqlite', path: join(folder, 'other.db') });
    try {
      expect(await store.contracts.count()).toBe(7);
      expect((await store.audit.list({ entity: 'register' }))[0]?.source).toBe('sample');
    } finally {
      await store.close();
    }
  });

  it('refuses a register that already holds contracts, says how to go on, and writes nothing', async () => {
    const path = join(folder, 'real.db');
    const store = await openStore({ kind: 'sqlite', path });
    await store.contracts.upsert(makeContract({ reference: 'CON-0042', title: 'A real contract' }), { actor: 'test', source: 'test' });
    await store.close();
    const run = await runSample(['--db', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the register already holds 1 contract,');
    expect(run.stderr).toContain('steward sample --force');
    const after = await openStore({ kind: 'sqlite', path });
    try {
      expect((await after.contracts.get('CON-0042'))?.title).toBe('A real contract');
      expect(await after.contracts.count()).toBe(1);
    } finally {
      await after.close();
    }
  });

  it('loads into a register that holds contracts with --force', async () => {
    const path = join(folder, 'real.db');
    const store = await openStore({ kind: 'sqlite', path });
    await store.contracts.upsert(makeContract({ reference: 'REAL-1' }), { actor: 'test', source: 'test' });
    await store.close();
    const run = await runSample(['--db', path, '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 contracts created');
  });
});

async function runSample(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['sample', ...args], { env: {}, cwd: folder, now, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}
