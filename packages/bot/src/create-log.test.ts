import { describe, expect, it } from 'vitest';
import { createLog } from './create-log.js';

function output(isTTY: boolean) {
  const lines: string[] = [];
  return { isTTY, lines, write: (text: string) => lines.push(text) };
}

describe('createLog', () => {
  it('writes one JSON object a line when the output is not a terminal', () => {
    const out = output(false);
    createLog('info', out).info({ url: 'http://127.0.0.1:3978' }, 'Contract Steward is listening');
    const line = JSON.parse(out.lines.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'Contract Steward is listening', url: 'http://127.0.0.1:3978' });
  });

  it('writes a readable line, not JSON, on a terminal', () => {
    const out = output(true);
    createLog('info', out).info({ url: 'http://127.0.0.1:3978' }, 'Contract Steward is listening');
    // eslint-disable-next-line no-control-regex -- the colours' escape codes
    const text = out.lines.join('').replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).toMatch(/INFO.*Contract Steward is listening/);
    expect(text).toContain('url: "http://127.0.0.1:3978"');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('keeps secrets out of both', () => {
    for (const tty of [false, true]) {
      const out = output(tty);
      createLog('info', out).info({ config: { password: 'hunter2' } }, 'configured');
      expect(out.lines.join('')).not.toContain('hunter2');
    }
  });

  it('honours the level', () => {
    const out = output(true);
    createLog('warn', out).info('not shown');
    expect(out.lines).toEqual([]);
  });
});
