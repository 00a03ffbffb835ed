import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decide, dueWarnings, EMPTY_LEDGER, type DecisionRequest, type DueWarning, type Store } from '@contract-steward/core';
import { makeContract as makeAnyContract } from '../support/contracts.js';
import { STORE_FACTORIES } from '../support/stores.js';

const NOW = new Date('2026-07-02T08:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;

/**
 * Storage is under test here, not the renewal rules: a value under £100,000 (no governance lead
 * time) and a 452-day lead time (re-procurement on 2 January 2026, long past) leave the notice
 * deadline of 30 September 2026 as the one due.
 */
const makeContract: typeof makeAnyContract = (overrides = {}) =>
  makeAnyContract({ value: { annual: 30_000, total: 90_000, basis: 'fixed' }, leadTimeDays: 452, ...overrides });

/** The 90-day notice warnings of contracts ending 31 March 2027 (notice by 30 September 2026). */
function warningsFor(...references: string[]): DueWarning[] {
  const contracts = references.map((reference) => makeContract({ reference }));
  return dueWarnings(contracts, EMPTY_LEDGER, '2026-07-02');
}

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: renewal warnings and decisions on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('enqueues each warning once, however often it is raised', async () => {
      const warnings = warningsFor('CON-1', 'CON-2');
      expect(warnings.map((w) => w.key)).toEqual(['CON-1|notice|2026-09-30|90', 'CON-2|notice|2026-09-30|90']);
      expect(await store.renewals.enqueue(warnings, { raisedOn: '2026-07-02', at: NOW })).toBe(2);
      expect(await store.renewals.enqueue(warningsFor('CON-1', 'CON-2', 'CON-3'), { raisedOn: '2026-07-03', at: later(MINUTE) })).toBe(1);
      const listed = await store.renewals.listWarnings();
      expect(listed.map((w) => [w.key, w.state, w.raisedOn])).toEqual([
        ['CON-1|notice|2026-09-30|90', 'queued', '2026-07-02'],
        ['CON-2|notice|2026-09-30|90', 'queued', '2026-07-02'],
        ['CON-3|notice|2026-09-30|90', 'queued', '2026-07-03'],
      ]);
      expect(listed[0]).toMatchObject({ reference: 'CON-1', kind: 'notice', deadline: '2026-09-30', threshold: 90, escalation: false, recipientEmail: 'a.khan@council.gov.uk', attempts: 0 });
      expect(listed[0]?.warning).toEqual(warnings[0]);
    });

    it('dates a warning with the day in Europe/London when no day is given', async () => {
      await store.renewals.enqueue(warningsFor('CON-1'), { at: new Date('2026-06-30T23:30:00Z') });
      expect((await store.renewals.getWarning('CON-1|notice|2026-09-30|90'))?.raisedOn).toBe('2026-07-01');
    });

    it('claims queued warnings oldest first under a lease that keeps other senders off until it runs out', async () => {
      await store.renewals.enqueue(warningsFor('CON-1'), { raisedOn: '2026-07-02', at: NOW });
      await store.renewals.enqueue(warningsFor('CON-2'), { raisedOn: '2026-07-02', at: later(1) });
      const claimed = await store.renewals.claimForSending('bot-a', later(MINUTE), 5 * MINUTE, 10);
      expect(claimed.map((w) => [w.reference, w.leaseOwner, w.leaseUntil])).toEqual([
        ['CON-1', 'bot-a', '2026-07-02T08:06:00.000Z'],
        ['CON-2', 'bot-a', '2026-07-02T08:06:00.000Z'],
      ]);
      expect(await store.renewals.claimForSending('bot-b', later(2 * MINUTE), 5 * MINUTE, 10)).toEqual([]);
      // bot-a died without sending: once its lease has run out, bot-b takes over.
      const retaken = await store.renewals.claimForSending('bot-b', later(7 * MINUTE), 5 * MINUTE, 1);
      expect(retaken.map((w) => [w.reference, w.leaseOwner])).toEqual([['CON-1', 'bot-b']]);
    });

    it('never hands one warning to two senders claiming at the same moment', async () => {
      const references = Array.from({ length: 12 }, (_, i) => `CON-${String(i).padStart(2, '0')}`);
      await store.renewals.enqueue(warningsFor(...references), { raisedOn: '2026-07-02', at: NOW });
      const claims = await Promise.all(
        ['bot-a', 'bot-b', 'bot-c', 'bot-d'].map((worker) => store.renewals.claimForSending(worker, later(MINUTE), 5 * MINUTE, 5)),
      );
      const keys = claims.flat().map((w) => w.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(12);
      for (const [i, claim] of claims.entries()) expect(claim.every((w) => w.leaseOwner === ['bot-a', 'bot-b', 'bot-c', 'bot-d'][i])).toBe(true);
    });

    it('marks a warning sent, after which it is never claimed again', async () => {
      const [warning] = warningsFor('CON-1');
      await store.renewals.enqueue([warning!], { raisedOn: '2026-07-02', at: NOW });
      await store.renewals.claimForSending('bot-a', NOW, MINUTE, 10);
      expect(await store.renewals.markSent(warning!.key, later(1000))).toBe(true);
      expect(await store.renewals.getWarning(warning!.key)).toMatchObject({ state: 'sent', attempts: 1, sentAt: '2026-07-02T08:00:01.000Z' });
      expect((await store.renewals.getWarning(warning!.key))?.leaseOwner).toBeUndefined();
      expect(await store.renewals.claimForSending('bot-b', later(60 * MINUTE), MINUTE, 10)).toEqual([]);
      expect(await store.renewals.markSent('no-such-key', NOW)).toBe(false);
    });

    it('retries a failed send after a back-off that doubles, or at the time Teams asks for', async () => {
      const [warning] = warningsFor('CON-1');
      const key = warning!.key;
      await store.renewals.enqueue([warning!], { raisedOn: '2026-07-02', at: NOW });
      await store.renewals.claimForSending('bot-a', NOW, MINUTE, 10);
      await store.renewals.markFailed(key, 'connector answered 502', NOW);
      expect(await store.renewals.getWarning(key)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'connector answered 502', nextAttemptAt: '2026-07-02T08:01:00.000Z' });
      expect(await store.renewals.claimForSending('bot-a', later(30_000), MINUTE, 10)).toEqual([]);
      expect(await store.renewals.claimForSending('bot-a', later(MINUTE), MINUTE, 10)).toHaveLength(1);
      await store.renewals.markFailed(key, 'connector answered 502', later(MINUTE));
      expect((await store.renewals.getWarning(key))?.nextAttemptAt).toBe('2026-07-02T08:03:00.000Z');
      await store.renewals.markFailed(key, '429 Too Many Requests', later(2 * MINUTE), later(10 * MINUTE));
      expect(await store.renewals.getWarning(key)).toMatchObject({ attempts: 3, lastError: '429 Too Many Requests', nextAttemptAt: '2026-07-02T08:10:00.000Z' });
      expect(await store.renewals.markFailed('no-such-key', 'x', NOW)).toBe(false);
    });

    it('acknowledges a warning, records who and when in the audit trail, and stops sending it', async () => {
      const [warning] = warningsFor('CON-1');
      await store.renewals.enqueue([warning!], { raisedOn: '2026-07-02', at: NOW });
      expect(await store.renewals.acknowledge(warning!.key, 'a.khan@council.gov.uk', later(MINUTE))).toBe(true);
      expect(await store.renewals.getWarning(warning!.key)).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'a.khan@council.gov.uk', acknowledgedAt: '2026-07-02T08:01:00.000Z' });
      expect(await store.renewals.claimForSending('bot-a', later(2 * MINUTE), MINUTE, 10)).toEqual([]);
      const [entry] = await store.audit.list({ entity: 'renewal-warning' });
      expect(entry).toMatchObject({ action: 'acknowledge', actor: 'a.khan@council.gov.uk', entityKey: warning!.key, at: '2026-07-02T08:01:00.000Z' });
      expect(await store.renewals.acknowledge('no-such-key', 'a.khan@council.gov.uk', NOW)).toBe(false);
    });

    it('loads the ledger so that warnings already raised are not raised again', async () => {
      const contracts = [makeContract({ reference: 'CON-1' }), makeContract({ reference: 'CON-2', escalationContact: { email: 'procurement@council.gov.uk' } })];
      // 20 September 2026: the 14-day notice warnings, each escalated as the 30-day ones went unread:
      // CON-2's to its escalation contact, CON-1's (none recorded) to the procurement channel.
      await store.renewals.enqueue(dueWarnings(contracts, EMPTY_LEDGER, '2026-09-01'), { raisedOn: '2026-09-01', at: NOW });
      for (const w of await store.renewals.claimForSending('bot-a', NOW, MINUTE, 10)) await store.renewals.markSent(w.key, NOW);
      const ledger = await store.renewals.loadLedger();
      expect(ledger.warnings.map((w) => [w.key, w.threshold, w.state])).toEqual([
        ['CON-1|notice|2026-09-30|30', 30, 'sent'],
        ['CON-2|notice|2026-09-30|30', 30, 'sent'],
      ]);
      const due = dueWarnings(contracts, ledger, '2026-09-20');
      expect(due.map((w) => w.key)).toEqual([
        'CON-1|notice|2026-09-30|14',
        'CON-1|notice|2026-09-30|14|escalation',
        'CON-2|notice|2026-09-30|14',
        'CON-2|notice|2026-09-30|14|escalation',
      ]);
      await store.renewals.enqueue(due, { raisedOn: '2026-09-20', at: later(MINUTE) });
      expect(dueWarnings(contracts, await store.renewals.loadLedger(), '2026-09-20')).toEqual([]);
      const escalation = await store.renewals.getWarning('CON-2|notice|2026-09-30|14|escalation');
      expect(escalation).toMatchObject({ escalation: true, recipientEmail: 'procurement@council.gov.uk' });
      expect((await store.renewals.getWarning('CON-1|notice|2026-09-30|14|escalation'))?.recipientEmail).toBeUndefined();
    });

    it('records an extension with its contract change and audit entries in one step, and it changes what is due', async () => {
      const contract = makeContract({
        endDate: '2026-03-31',
        noticePeriod: { amount: 3, unit: 'months' },
        renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }, { amount: 1, unit: 'years' }], taken: 1 },
      });
      await store.contracts.upsert(contract, { actor: 'import', source: 'test' });
      const outcome = decide(contract, { action: 'extend' }, { today: '2025-12-01', by: 'a.khan@council.gov.uk' });
      if (!outcome.success) throw new Error('extend failed');
      const record = await store.renewals.recordDecision(outcome.value, { actor: 'a.khan@council.gov.uk', source: 'teams', at: NOW });
      expect(record).toMatchObject({ reference: 'CON-0042', action: 'extend', by: 'a.khan@council.gov.uk', decidedOn: '2025-12-01', decidedAt: '2026-07-02T08:00:00.000Z' });
      expect((await store.contracts.get('CON-0042'))?.endDate).toBe('2027-03-31');
      const audit = await store.audit.list({ entity: 'contract', entityKey: 'CON-0042' });
      expect(audit.map((e) => e.action)).toEqual(['renewal-decision:extend', 'update', 'create']);
      expect(audit[0]).toMatchObject({ actor: 'a.khan@council.gov.uk', source: 'teams', at: '2026-07-02T08:00:00.000Z' });
      expect(audit[1]?.changes).toMatchObject({ endDate: { from: '2026-03-31', to: '2027-03-31' } });
      expect(await store.renewals.listDecisions('CON-0042')).toEqual([record]);
      const ledger = await store.renewals.loadLedger();
      expect(ledger.decisions).toEqual([record]);
    });

    it('records snoozes and decisions, newest first, and an acknowledgement marks the open warnings read', async () => {
      const contract = makeContract();
      await store.contracts.upsert(contract, { actor: 'import', source: 'test' });
      await store.renewals.enqueue(warningsFor('CON-0042'), { raisedOn: '2026-07-02', at: NOW });
      const record = async (request: DecisionRequest, at: Date) => {
        const outcome = decide(contract, request, { today: '2026-07-02', by: 'a.khan@council.gov.uk' });
        if (!outcome.success) throw new Error('decision failed');
        return store.renewals.recordDecision(outcome.value, { actor: 'a.khan@council.gov.uk', source: 'cli', at });
      };
      const snooze = await record({ action: 'snooze', days: 7 }, NOW);
      expect(snooze.snoozedUntil).toBe('2026-07-09');
      await record({ action: 'acknowledge' }, later(MINUTE));
      expect((await store.renewals.listDecisions()).map((d) => d.action)).toEqual(['acknowledge', 'snooze']);
      expect((await store.renewals.getWarning('CON-0042|notice|2026-09-30|90'))?.state).toBe('acknowledged');
      expect(await store.renewals.listWarnings({ states: ['queued', 'failed'] })).toEqual([]);
    });

    it('rolls a decision back whole when its transaction fails', async () => {
      const contract = makeContract({ renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 } });
      await store.contracts.upsert(contract, { actor: 'import', source: 'test' });
      const outcome = decide(contract, { action: 'extend' }, { today: '2026-07-02', by: 'a.khan@council.gov.uk' });
      if (!outcome.success) throw new Error('extend failed');
      await expect(
        store.transaction(async (tx) => {
          await tx.renewals.recordDecision(outcome.value, { actor: 'a.khan@council.gov.uk', source: 'cli', at: NOW });
          throw new Error('the card could not be updated');
        }),
      ).rejects.toThrow('the card could not be updated');
      expect((await store.contracts.get('CON-0042'))?.endDate).toBe('2027-03-31');
      expect(await store.renewals.listDecisions()).toEqual([]);
    });
  });
}
