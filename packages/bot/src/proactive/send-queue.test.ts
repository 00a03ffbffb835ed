import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '@contract-steward/core';
import { backoffMs, deliver, SendFailure, type MessageSender, type SendResult } from './send-queue.js';

const chat = (id: string): ConversationRecord => ({ conversationId: id, scope: 'personal', serviceUrl: 'http://127.0.0.1/', reference: {}, installed: true, updatedAt: '' });

function scriptedSender(script: Record<string, (number | 'ok')[]>): MessageSender & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    send(conversation, message) {
      const text = 'text' in message ? message.text : '';
      calls.push(`${conversation.conversationId}:${text}`);
      const next = script[text]?.shift() ?? 'ok';
      if (next === 'ok') return Promise.resolve(`id-${text}`);
      return Promise.reject(new SendFailure(`status ${next}`, next, next === 429 ? 2000 : undefined));
    },
  };
}

describe('send queue', () => {
  it('retries 429, 412, 502, 503 and 504, honouring Retry-After, then succeeds', async () => {
    const sender = scriptedSender({ a: [429, 412, 502, 503, 504, 'ok'] });
    const waits: number[] = [];
    const results: SendResult[] = [];
    await deliver([{ id: 1, conversation: chat('c1'), message: { text: 'a' } }], { sender, maxAttempts: 6, paceMs: 0, maxBackoffMs: 60_000, sleep: async (ms) => void waits.push(ms), random: () => 0 }, async (_item, result) => void results.push(result));
    expect(results).toEqual([{ ok: true, activityId: 'id-a', attempts: 6 }]);
    expect(waits[0]).toBe(2000); // Retry-After wins over a shorter backoff
    expect(waits.slice(1)).toEqual([500, 1000, 2000, 4000]);
  });

  it('gives up after the last attempt and reports the failure, then carries on with the next message', async () => {
    const sender = scriptedSender({ a: [503, 503, 503], b: ['ok'] });
    const results: [number, SendResult][] = [];
    await deliver(
      [{ id: 1, conversation: chat('c1'), message: { text: 'a' } }, { id: 2, conversation: chat('c1'), message: { text: 'b' } }],
      { sender, maxAttempts: 3, paceMs: 0, maxBackoffMs: 0, sleep: async () => {} },
      async (item, result) => void results.push([item.id, result]),
    );
    expect(results).toEqual([[1, { ok: false, error: 'status 503', status: 503, attempts: 3 }], [2, { ok: true, activityId: 'id-b', attempts: 1 }]]);
  });

  it('does not retry a refusal such as 403 (the user blocked the bot)', async () => {
    const sender = scriptedSender({ a: [403] });
    const results: SendResult[] = [];
    await deliver([{ id: 1, conversation: chat('c1'), message: { text: 'a' } }], { sender, maxAttempts: 5, paceMs: 0, maxBackoffMs: 0, sleep: async () => {} }, async (_i, r) => void results.push(r));
    expect(results).toEqual([{ ok: false, error: 'status 403', status: 403, attempts: 1 }]);
    expect(sender.calls).toHaveLength(1);
  });

  it('paces messages to one conversation but not across conversations', async () => {
    const sender = scriptedSender({});
    const waits: number[] = [];
    await deliver(
      [1, 2, 3].map((n) => ({ id: n, conversation: chat('same'), message: { text: `m${n}` } })).concat([{ id: 4, conversation: chat('other'), message: { text: 'm4' } }]),
      { sender, maxAttempts: 1, paceMs: 1000, maxBackoffMs: 0, sleep: async (ms) => void waits.push(ms) },
      async () => {},
    );
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeGreaterThan(900);
    expect(sender.calls.filter((c) => c.startsWith('same:'))).toEqual(['same:m1', 'same:m2', 'same:m3']);
  });

  it('never waits longer than the cap, whatever Retry-After says', () => {
    expect(backoffMs(1, new SendFailure('x', 429, 3_600_000), { maxBackoffMs: 60_000 }, () => 0.5)).toBe(60_000);
    expect(backoffMs(10, new SendFailure('x', 502), { maxBackoffMs: 5_000 }, () => 1)).toBe(5_000);
  });
});
