import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsMessage } from '../support/stand-in-connector.js';
import { seedRegister, startHarness, type Harness } from './bot-harness.js';

/** Attacks reported against the bot, each through the real HTTP path, so each stays fixed. */
describe('attack: a message far longer than Teams allows', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  const timed = async (text: string) => {
    const start = performance.now();
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, text));
    return { ms: performance.now() - start, reply };
  };

  it('answers a 1 MB message of "my " that it is too long, about as fast as a short message', async () => {
    // Just under the 1,000,000-byte body the server accepts, envelope included.
    const huge = 'my '.repeat(330_000);
    const shorts: number[] = [];
    for (let i = 0; i < 6; i++) shorts.push((await timed('my contracts')).ms);
    const short = Math.min(...shorts.slice(3));
    const first = await timed(huge);
    expect(first.reply?.text).toBe('Your message is too long for me to read (967 KB; I read up to 28 KB). Type a short command instead, such as `renewals 90`, `mine` or `help`.');
    // A ratio, not a time: reading 1 MB of JSON costs something, a quadratic regex costs minutes.
    // The better of two runs, so a busy machine does not fail it.
    const ms = Math.min(first.ms, (await timed(huge)).ms);
    expect(ms).toBeLessThan(Math.max(short, 5) * 20);
  }, 20_000);
});
