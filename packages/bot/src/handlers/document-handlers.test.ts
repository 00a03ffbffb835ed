import { describe, expect, it } from 'vitest';
import { parseDocumentCommand } from './document-handlers.js';

describe('parseDocumentCommand', () => {
  it.each([
    ['export', 'export'],
    ['Export the register', 'export'],
    ['<at>Contract Steward</at> export', 'export'],
    ['savings', 'savings'],
    ['savings export', 'savingsExport'],
    ['export savings', 'savingsExport'],
    ['tender pack', 'tenderPack'],
    ['<p>evaluate</p>', 'evaluate'],
    ['evaluate this please', 'evaluate'],
  ])('reads "%s" as %s', (text, name) => {
    expect(parseDocumentCommand(text)).toEqual({ name });
  });

  it.each(['renewals 90', 'what is due in 45 days', 'exporter contracts', 'help'])('leaves "%s" to the other commands', (text) => {
    expect(parseDocumentCommand(text)).toBeUndefined();
  });
});

describe('parseDocumentCommand on hostile text', () => {
  const timeOf = (text: string) => {
    const start = performance.now();
    parseDocumentCommand(text);
    return performance.now() - start;
  };

  it.each([
    ['<', ''],
    ['.', 'x'],
    ['<at>', ''],
  ])('reads 28 KB of "%s" then "%s" in about the time of a short message', (unit, end) => {
    const short = unit.repeat(Math.floor(1024 / unit.length)) + end;
    for (let i = 0; i < 3; i++) timeOf(short);
    const baseline = Math.max(...[1, 2, 3].map(() => timeOf(short)), 0.05);
    expect(timeOf(unit.repeat(Math.floor((28 * 1024) / unit.length)) + end)).toBeLessThan(baseline * 28 * 3 + 20);
  });

  it('still ignores trailing punctuation and markup', () => {
    expect(parseDocumentCommand('<p>export the register!?</p>')).toEqual({ name: 'export' });
  });
});
