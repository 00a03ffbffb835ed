import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeContract } from '../../../../tests/support/contracts.js';
import { openStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { recordDecision } from './record-decision.js';

const by = { actor: 'a.khan@council.gov.uk', source: 'test', at: new Date('2027-01-10T09:00:00Z') };
const prices = { baselineAnnual: 160000, newAnnual: 100000, termMonths: 36 };

/** The store, except that writing a saving fails, inside a transaction too: a database that gives way half-way. */
function failingSavings(store: Store): Store {
  const wrap = (inner: Store): Store =>
    new Proxy(inner, {
      get(target, name, receiver) {
        if (name === 'savings') return { ...target.savings, upsert: () => Promise.reject(new Error('disk full')) };
        if (name === 'transaction') return <T>(work: (tx: Store) => Promise<T>) => target.transaction((tx) => work(wrap(tx)));
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return wrap(store);
}

describe('recordDecision', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'steward-decide-')), 'steward.db') });
    await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  });
  afterEach(() => store.close());

  it('records a renegotiation and its saving, linked, starting the day after the current end date', async () => {
    const result = await recordDecision(store, { reference: 'CON-0042', request: { action: 'renegotiated' }, prices, today: '2027-01-10', by });
    expect(result.success).toBe(true);
    const [saving] = await store.savings.list({ contract: 'CON-0042' });
    expect(saving).toMatchObject({ start: '2027-04-01', termMonths: 36, state: 'proposed', stateBy: by.actor });
    expect(await store.renewals.listDecisions('CON-0042')).toMatchObject([{ action: 'renegotiated', savingId: saving?.id }]);
  });

  it('starts the renegotiated price today when the contract has already ended, not in the past', async () => {
    await store.contracts.upsert(makeContract({ endDate: '2026-03-31' }), { actor: 'test', source: 'test' });
    const result = await recordDecision(store, { reference: 'CON-0042', request: { action: 'renegotiated' }, prices, today: '2026-06-01', by });
    expect(result.success).toBe(true);
    expect(await store.savings.list({ contract: 'CON-0042' })).toMatchObject([{ start: '2026-06-01' }]);
  });

  it('leaves no decision, no modification and no saving when writing the saving fails', async () => {
    await expect(
      recordDecision(failingSavings(store), { reference: 'CON-0042', request: { action: 'renegotiated', newEndDate: '2027-06-30' }, prices: { baselineAnnual: 12000, newAnnual: 9000 }, today: '2027-01-10', by }),
    ).rejects.toThrow('disk full');
    expect(await store.procurementAct.listModifications('CON-0042')).toEqual([]);
    expect(await store.renewals.listDecisions('CON-0042')).toEqual([]);
    expect(await store.savings.list()).toEqual([]);
    expect((await store.contracts.get('CON-0042'))?.endDate).toBe('2027-03-31');
  });

  it('refuses a new end date before the renegotiated price starts, and writes nothing', async () => {
    const result = await recordDecision(store, { reference: 'CON-0042', request: { action: 'renegotiated', newEndDate: '2027-02-28' }, prices: { baselineAnnual: 1, newAnnual: 1 }, today: '2027-01-10', by });
    expect(result).toMatchObject({ success: false, problems: [{ code: 'renegotiation-ends-before-start' }] });
    expect(await store.renewals.listDecisions('CON-0042')).toEqual([]);
  });

  it('runs the saving until the new end date, and records the modification that date makes (regulation 72)', async () => {
    const result = await recordDecision(store, { reference: 'CON-0042', request: { action: 'renegotiated', newEndDate: '2027-06-30' }, prices: { baselineAnnual: 12000, newAnnual: 9000 }, today: '2027-01-10', by });
    expect(result.success ? [] : result.problems).toEqual([]);
    expect(await store.savings.list()).toMatchObject([{ start: '2027-04-01', termMonths: 3 }]);
    expect(await store.procurementAct.listModifications('CON-0042')).toMatchObject([{ newEndDate: '2027-06-30', previousEndDate: '2027-03-31', ground: 'below-threshold' }]);
    expect((await store.contracts.get('CON-0042'))?.endDate).toBe('2027-06-30');
  });

  it('refuses a new end date the law does not permit as a modification, and writes nothing', async () => {
    const result = await recordDecision(store, { reference: 'CON-0042', request: { action: 'renegotiated', newEndDate: '2029-03-31' }, prices, today: '2027-01-10', by });
    expect(result).toMatchObject({ success: false, problems: [{ code: 'modification-not-permitted' }] });
    expect(await store.renewals.listDecisions('CON-0042')).toEqual([]);
    expect(await store.savings.list()).toEqual([]);
    expect(await store.procurementAct.listModifications('CON-0042')).toEqual([]);
  });

  it('says so when there is no such contract', async () => {
    const result = await recordDecision(store, { reference: 'CON-9999', request: { action: 'acknowledge' }, today: '2027-01-10', by });
    expect(result).toMatchObject({ success: false, problems: [{ code: 'contract-not-found' }] });
  });
});
