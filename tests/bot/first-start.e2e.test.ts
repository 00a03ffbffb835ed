import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from './bot-process.js';

describe('the bot process as npm start runs it, its output piped', () => {
  let bot: BotProcess | undefined;
  afterAll(async () => {
    await bot?.stop();
  });

  it('logs one JSON object a line to a pipe, and prints no deprecation warning', async () => {
    bot = await startBotProcess({ STEWARD_DB: join(mkdtempSync(join(tmpdir(), 'steward-first-start-')), 'steward.db') });
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    await bot.stop();
    expect(bot.otherOutput).toEqual([]);
    expect(bot.logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['Contract Steward is listening', 'stopping']));
    expect(bot.stderr()).not.toContain('DeprecationWarning');
    expect(bot.stderr()).toBe('');
  });
});
