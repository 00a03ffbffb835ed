import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRecord, Store } from '@contract-steward/core';
import { STORE_FACTORIES } from '../support/stores.js';

function personalChat(overrides: Partial<ConversationRecord> = {}): Omit<ConversationRecord, 'updatedAt'> {
  return {
    conversationId: 'a:personal-asha',
    scope: 'personal',
    tenantId: 'tenant-1',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    userAadObjectId: '00000000-0000-0000-0000-0000000000A1',
    userEmail: 'A.Khan@council.gov.uk',
    reference: { conversation: { id: 'a:personal-asha' }, user: { id: '29:asha' }, bot: { id: '28:bot' } },
    installed: true,
    ...overrides,
  };
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy as Omit<T, K>;
}

for (const makeFactory of STORE_FACTORIES) {
  const factory = makeFactory();

  describe(`storage conformance: conversation references on ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterAll(() => factory.cleanup(), 60_000);

    it('saves a reference and gives it back whole, with email and object id lower-cased', async () => {
      await store.conversations.save(personalChat(), new Date('2026-11-26T09:00:00Z'));
      expect(await store.conversations.get('a:personal-asha')).toEqual({
        ...personalChat(),
        userAadObjectId: '00000000-0000-0000-0000-0000000000a1',
        userEmail: 'a.khan@council.gov.uk',
        updatedAt: '2026-11-26T09:00:00.000Z',
      });
      expect(await store.conversations.get('a:unknown')).toBeUndefined();
    });

    it('replaces a reference on a later save but keeps an email it already knew', async () => {
      await store.conversations.save(personalChat());
      await store.conversations.save(without(personalChat({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }), 'userEmail'));
      const saved = await store.conversations.get('a:personal-asha');
      expect(saved?.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
      expect(saved?.userEmail).toBe('a.khan@council.gov.uk');
      expect(await store.conversations.list()).toHaveLength(1);
    });

    it("finds a person's personal chat by email or by object id, whatever the case", async () => {
      await store.conversations.save(personalChat());
      await store.conversations.save({ ...personalChat({ conversationId: '19:procurement@thread.tacv2', scope: 'channel' }), userEmail: 'a.khan@council.gov.uk' });
      expect((await store.conversations.findPersonal({ email: 'a.khan@COUNCIL.gov.uk' }))?.conversationId).toBe('a:personal-asha');
      expect((await store.conversations.findPersonal({ aadObjectId: '00000000-0000-0000-0000-0000000000a1' }))?.conversationId).toBe('a:personal-asha');
      expect(await store.conversations.findPersonal({ email: 'b.jones@council.gov.uk' })).toBeUndefined();
      expect(await store.conversations.findPersonal({})).toBeUndefined();
    });

    it('stops finding a personal chat once the app is uninstalled from it', async () => {
      await store.conversations.save(personalChat());
      expect(await store.conversations.markUninstalled('a:personal-asha')).toBe(true);
      expect(await store.conversations.markUninstalled('a:unknown')).toBe(false);
      expect(await store.conversations.findPersonal({ email: 'a.khan@council.gov.uk' })).toBeUndefined();
      expect((await store.conversations.get('a:personal-asha'))?.installed).toBe(false);
    });

    it('says install is new once, even when two installs race, and again after an uninstall', async () => {
      const record = without(personalChat(), 'installed');
      const results = await Promise.all([store.conversations.install(record), store.conversations.install(record)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.conversations.install(record)).toBe(false);
      await store.conversations.markUninstalled(record.conversationId);
      expect(await store.conversations.install(record)).toBe(true);
      expect((await store.conversations.get(record.conversationId))?.installed).toBe(true);
    });

    it('saves inside a transaction and rolls back with it', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.conversations.save(personalChat());
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.conversations.list()).toEqual([]);
    });
  });
}
