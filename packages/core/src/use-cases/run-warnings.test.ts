import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELEGATED_VALUE, makeContract } from '../../../../tests/support/contracts.js';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewals/renewal-settings.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { runWarnings, warningsDueOn, type SendWarnings, type WarningSendOutcome } from './run-warnings.js';

const contract = makeContract({ value: DELEGATED_VALUE });

const today = '2026-09-01';
const now = () => new Date('2026-09-01T07:00:00Z');

/** A sender that answers every warning with `outcome` and remembers what it was handed. */
function sender(outcome: WarningSendOutcome): { send: SendWarnings; keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    send: async (claimed, settle) => {
      for (const record of claimed) {
        keys.push(record.key);
        await settle(record.key, outcome);
      }
    },
  };
}

const input = (send: SendWarnings) => ({ today, now, settings: DEFAULT_RENEWAL_SETTINGS, send, workerId: 'test', leaseMs: 60_000 });

describe('runWarnings', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'steward-warnings-')), 'steward.db') });
    await store.contracts.upsert(contract, { actor: 'test', source: 'test' });
  });
  afterEach(() => store.close());

  it('raises the warnings due, hands each to the sender once and records it as sent', async () => {
    const due = await warningsDueOn(store, today, DEFAULT_RENEWAL_SETTINGS);
    expect(due.length).toBeGreaterThan(0);
    const first = sender({ ok: true });
    expect(await runWarnings(store, input(first.send))).toMatchObject({ today, raised: due.length, sent: due.length, failed: 0 });
    expect(first.keys.sort()).toEqual(due.map((w) => w.key).sort());
    const again = sender({ ok: true });
    expect(await runWarnings(store, input(again.send))).toMatchObject({ raised: 0, sent: 0, failed: 0 });
    expect(again.keys).toEqual([]);
    expect(await warningsDueOn(store, today, DEFAULT_RENEWAL_SETTINGS)).toEqual([]);
  });

  it('records a warning that could not be sent as failed, with why, and sends it on a run after the back-off', async () => {
    const failing = sender({ ok: false, error: 'the owner has not installed the app' });
    const run = await runWarnings(store, input(failing.send));
    expect(run.sent).toBe(0);
    expect(run.failed).toBe(failing.keys.length);
    expect(run.failed).toBeGreaterThan(0);
    expect((await store.renewals.listWarnings()).map((w) => w.lastError)).toContain('the owner has not installed the app');
    const later = sender({ ok: true });
    const afterBackOff = () => new Date('2026-09-01T08:30:00Z');
    expect(await runWarnings(store, { ...input(later.send), now: afterBackOff })).toMatchObject({ raised: 0, sent: failing.keys.length, failed: 0 });
    expect(later.keys.sort()).toEqual(failing.keys.sort());
  });
});
