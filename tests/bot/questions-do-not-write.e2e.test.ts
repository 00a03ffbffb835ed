import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, cardOf, seedRegister, startHarness, type Harness } from './bot-harness.js';

/**
 * A question only reads. While another process holds SQLite's write lock (a CLI import writing
 * 100,000 contracts holds it for seconds), asking "renewals 90" must still answer at once,
 * not wait behind the writes for a conversation save that changes nothing.
 */
describe('questions while another process writes', () => {
  let bot: Harness;
  const from = { from: { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId }, conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' } };
  const say = (text: string) => bot.exchange(teamsMessage(bot.connector.serviceUrl, text, from));

  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  it('answers a question at once while the write lock is held elsewhere', async () => {
    // The first message saves the chat: the bot learns where to send warnings.
    await say('renewals 90');
    const saved = await bot.store.conversations.get('a:personal-chat-1');
    expect(saved?.userEmail).toBe(ASHA.email);
    const importer = new Database(bot.store.location);
    importer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const [reply] = await Promise.race([say('renewals 90'), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the question waited for the write lock')), 5_000))]);
      expect(cardOf(reply)).toContain('soonest first');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      importer.exec('ROLLBACK');
      importer.close();
    }
    // Nothing about the chat changed, so nothing was written.
    expect(await bot.store.conversations.get('a:personal-chat-1')).toEqual(saved);
  }, 60_000);
});
