import { addDays, type Store } from '@contract-steward/core';
import { londonToday } from '../../packages/bot/src/proactive/london-time.js';
import { makeContract } from './bot-harness.js';

export const RUN_TOKEN = 'run-token-0123456789abcdef0123456789';

function daysFromToday(days: number): string {
  const today = londonToday(new Date());
  return addDays(today, days);
}

/**
 * `count` contracts ending in about 100 days (so several deadlines are due today, whatever
 * today is), owned by `ownerOf(i)`, each owner with the app installed in a personal chat whose
 * serviceUrl is the stand-in connector.
 */
export async function seedDueContracts(store: Store, serviceUrl: string, count: number, ownerOf: (i: number) => string): Promise<void> {
  const audit = { actor: 'test', source: 'test' };
  for (let i = 0; i < count; i++) {
    const email = ownerOf(i);
    await store.contracts.upsert(
      makeContract({ reference: `CON-${1000 + i}`, title: `Contract ${i}`, owner: { name: `Owner ${email}`, email }, endDate: daysFromToday(100 + i), noticePeriod: { amount: 1, unit: 'months' } }),
      audit,
    );
  }
  for (const email of new Set(Array.from({ length: count }, (_, i) => ownerOf(i)))) {
    const conversationId = `a:chat-${email}`;
    await store.conversations.save({
      conversationId,
      scope: 'personal',
      tenantId: 'tenant-1',
      serviceUrl,
      userEmail: email,
      reference: { conversation: { id: conversationId }, bot: { id: '28:bot', name: 'Contract Steward' }, user: { id: `29:${email}` } },
      installed: true,
    });
  }
}

/** The warning keys on the cards the connector received, in order. */
export function sentWarningKeys(activities: readonly Record<string, unknown>[]): string[] {
  return activities.map((a) => /"warningKey":"([^"]+)"/.exec(JSON.stringify(a.attachments ?? []))?.[1]).filter((k): k is string => k !== undefined);
}
