import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { sampleRegister } from '../sample/sample-register.js';
import { loadSample } from './load-sample.js';

const today = '2026-05-11';
let store: Store;
beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  return () => store.close();
});

describe('loadSample', () => {
  it('loads every sample contract exactly as the sample defines it, through the importer', async () => {
    const loaded = await loadSample(store, { today, actor: 'alexw@example.com' });
    expect(loaded.success).toBe(true);
    if (!loaded.success) return;
    expect(loaded.value.register.created).toBe(7);
    for (const contract of sampleRegister(today)) expect(await store.contracts.get(contract.reference)).toEqual(contract);
  });

  it('records the sample as the source of the import and of each contract', async () => {
    await loadSample(store, { today, actor: 'alexw@example.com' });
    const trail = await store.audit.list({ entity: 'register' });
    expect(trail.map((entry) => entry.source)).toEqual(['sample']);
    const contract = await store.audit.list({ entity: 'contract', entityKey: 'CON-0042' });
    expect(contract[0]?.source).toBe('sample');
  });

  it('loads CON-0042 KPIs, a year of results and its licence usage', async () => {
    const loaded = await loadSample(store, { today, actor: 'cli' });
    expect(loaded.success && loaded.value).toMatchObject({ kpis: 2, results: 24, usage: 1 });
    expect(await store.performance.listKpis('CON-0042')).toHaveLength(2);
  });

  it('refuses a register that already holds contracts, and writes nothing', async () => {
    await loadSample(store, { today, actor: 'cli' });
    await store.contracts.rename('CON-0107', 'REAL-1', { actor: 'test', source: 'test' });
    const again = await loadSample(store, { today, actor: 'cli' });
    expect(again).toMatchObject({ success: false, problems: [{ code: 'register-not-empty', contracts: 7 }] });
    expect(await store.contracts.get('CON-0107')).toBeUndefined();
  });

  it('loads into a register that holds contracts when forced', async () => {
    await loadSample(store, { today, actor: 'cli' });
    const again = await loadSample(store, { today, actor: 'cli', force: true });
    expect(again.success && again.value.register.unchanged).toBe(7);
  });
});
