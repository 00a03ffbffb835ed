import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { openStore, type Store } from '@contract-steward/core';
import { loadConfig } from '../../packages/bot/src/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../../packages/bot/src/server.js';
import { DELEGATED_VALUE, makeContract as makeAnyContract } from '../support/contracts.js';
import { StandInConnector } from '../support/stand-in-connector.js';

/** 26 November 2026, 09:00 in London. */
export const NOW = new Date('2026-11-26T09:00:00Z');

export const ASHA = { id: '29:user-1', name: 'Asha Khan', aadObjectId: '00000000-0000-0000-0000-0000000000a1', email: 'a.khan@council.gov.uk' };
export const PRIYA = { id: '29:user-2', name: 'Priya Ng', aadObjectId: '00000000-0000-0000-0000-0000000000b2', email: 'p.ng@council.gov.uk' };

/**
 * The bot is under test, not the governance rules: contracts under £100,000 keep their notice
 * deadlines where the notice period puts them.
 */
export const makeContract: typeof makeAnyContract = (overrides = {}) => makeAnyContract({ value: DELEGATED_VALUE, ...overrides });

/**
 * A small register around NOW: deadlines in 35 days, in 4 years, and one passed. Re-procurement
 * dates (end minus the 270-day open procedure lead time) are long past for all but CON-0003.
 */
export async function seedRegister(store: Store): Promise<void> {
  const audit = { actor: 'test', source: 'test' };
  await store.contracts.upsert(makeContract({ reference: 'CON-0001', title: 'Revenues e-forms', endDate: '2027-03-31', noticePeriod: { amount: 3, unit: 'months' } }), audit);
  await store.contracts.upsert(
    makeContract({ reference: 'CON-0002', title: 'Waste collection vehicles', supplier: { name: 'Fleet Ltd' }, owner: { name: 'Ben Jones', email: 'b.jones@council.gov.uk' }, endDate: '2027-01-31', noticePeriod: { amount: 1, unit: 'months' } }),
    audit,
  );
  await store.contracts.upsert(makeContract({ reference: 'CON-0003', title: 'Payroll system', endDate: '2031-03-31' }), audit);
  await store.contracts.upsert(makeContract({ reference: 'CON-0004', title: 'Legacy CRM support', endDate: '2026-11-10', noticePeriod: { amount: 1, unit: 'months' } }), audit);
}

export interface Harness {
  readonly connector: StandInConnector;
  readonly store: Store;
  readonly server: RunningServer;
  /** POSTs an activity to /api/messages and returns the HTTP status and body. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** POSTs an activity and returns the activities the bot sent in reply (waits for `expect`). */
  exchange(activity: Record<string, unknown>, expect?: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, options: ServerOptions = {}, log: Logger = pino({ level: 'silent' })): Promise<Harness> {
  const connector = new StandInConnector();
  await connector.start();
  connector.members.set(ASHA.id, { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId, email: ASHA.email, userPrincipalName: ASHA.email });
  connector.members.set(PRIYA.id, { id: PRIYA.id, name: PRIYA.name, aadObjectId: PRIYA.aadObjectId, email: PRIYA.email, userPrincipalName: PRIYA.email });
  const folder = mkdtempSync(join(tmpdir(), 'steward-bot-'));
  const store = await openStore({ kind: 'sqlite', path: join(folder, 'steward.db') });
  const config = loadConfig({ PORT: '0', PROCUREMENT: PRIYA.email, ADMINISTRATORS: 'it.admin@council.gov.uk', WARNING_SCHEDULE: 'off', ...env });
  const server = await startServer(config, store, log, { now: () => NOW, ...options });
  const post = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    connector,
    store,
    server,
    post,
    async exchange(activity, expect = 1) {
      const before = connector.activities.length;
      const { status } = await post(activity);
      if (status !== 200) throw new Error(`bot answered ${status}`);
      await connector.waitForActivities(before + expect);
      return connector.activities.slice(before);
    },
    async close() {
      await server.close();
      await store.close();
      await connector.stop();
    },
  };
}

/** The Adaptive Card of a reply, as text, for `toContain` checks. */
export function cardOf(activity: Record<string, unknown> | undefined): string {
  const attachments = (activity?.attachments ?? []) as { contentType: string; content: unknown }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(activity)}`);
  return JSON.stringify(card.content);
}
