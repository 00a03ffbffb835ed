import { describe, expect, it } from 'vitest';
import { COMMAND_LIST } from './command-list.js';
import { MAX_MESSAGE_BYTES, parseCommand } from './parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['  HELP ', { name: 'help' }],
    ['renewals', { name: 'renewals', days: 90 }],
    ['renewals 30', { name: 'renewals', days: 30 }],
    ['mine', { name: 'mine' }],
    ['my contracts', { name: 'mine' }],
    ['contract con-0042', { name: 'contract', reference: 'CON-0042' }],
    ['show CON-0042', { name: 'contract', reference: 'CON-0042' }],
    ['overdue', { name: 'overdue' }],
    ['obligations', { name: 'obligations', days: 90 }],
    ['obligations 30', { name: 'obligations', days: 30 }],
  ])('reads the command "%s"', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ["what's renewing in the next 3 months?", 90],
    ['What’s renewing in the next three months?', 90],
    ['anything expiring within 2 weeks', 14],
    ['which contracts end in the next year', 365],
    ['what is due in 45 days', 45],
    ['what is renewing next month', 30],
    ['renewals 100000', 730],
  ])('understands "%s" as renewals over %i days', (text, days) => {
    expect(parseCommand(text)).toEqual({ name: 'renewals', days });
  });

  it('removes the @mention Teams puts before a channel message', () => {
    expect(parseCommand('<at>Contract Steward</at> renewals 60')).toEqual({ name: 'renewals', days: 60 });
  });

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
    ['<p>export the register!?</p>', 'export'],
  ])('reads the document command "%s" as %s, ignoring markup and closing punctuation', (text, name) => {
    expect(parseCommand(text)).toEqual({ name });
  });

  it('reads a document command before the renewal words in it', () => {
    expect(parseCommand('evaluate the renewals')).toEqual({ name: 'evaluate' });
  });

  it('does not take "exporter contracts" for export', () => {
    expect(parseCommand('exporter contracts')).toMatchObject({ name: 'help', unrecognised: 'exporter contracts' });
  });

  it('answers a message longer than Teams allows without reading it', () => {
    expect(parseCommand(`help ${'x'.repeat(MAX_MESSAGE_BYTES)}`)).toEqual({ name: 'tooLong', bytes: MAX_MESSAGE_BYTES + 5 });
    expect(parseCommand('é'.repeat(MAX_MESSAGE_BYTES / 2 + 1))).toEqual({ name: 'tooLong', bytes: MAX_MESSAGE_BYTES + 2 });
  });

  it('lists in help only commands the parser reads, each by its own menu title', () => {
    expect(COMMAND_LIST.map((c) => parseCommand(c.title).name)).toEqual(['help', 'renewals', 'mine', 'contract', 'overdue', 'export', 'savings', 'tenderPack', 'evaluate', 'publish']);
  });

  it('answers unknown input with help, keeping what was said', () => {
    expect(parseCommand('order more paper')).toEqual({ name: 'help', unrecognised: 'order more paper' });
  });
});

describe('parseCommand on hostile text', () => {
  const timeOf = (text: string) => {
    const start = performance.now();
    parseCommand(text);
    return performance.now() - start;
  };

  it.each([
    ['my ', 'words that could start "my … contracts"'],
    ['in ', 'window words with no unit'],
    ['expir', 'one long word of renewal prefixes'],
    ['<at>', 'unclosed mentions'],
    ['past the ', 'half of "past the deadline"'],
    ['<', 'unclosed tags'],
    ['.', 'closing punctuation'],
    ['x.', 'punctuation between words'],
  ])('reads 28 KB of "%s" (%s) in about the time of a short message', (unit) => {
    const hostile = unit.repeat(Math.floor((28 * 1024) / unit.length));
    const short = unit.repeat(Math.floor(1024 / unit.length));
    // Warm up, then compare with a 1 KB message: 28 times the text may take at most ~3 times its share.
    for (let i = 0; i < 3; i++) timeOf(short);
    const baseline = Math.max(...[1, 2, 3].map(() => timeOf(short)), 0.05);
    expect(timeOf(hostile)).toBeLessThan(baseline * 28 * 3 + 20);
  });

  it('still reads the free-text forms after tokenising', () => {
    expect(parseCommand('show me my current contracts please')).toEqual({ name: 'mine' });
    expect(parseCommand('anything past the deadline?')).toEqual({ name: 'overdue' });
    expect(parseCommand('contracts ending in 3months')).toEqual({ name: 'renewals', days: 90 });
    expect(parseCommand('renewing in the next constructor weeks')).toEqual({ name: 'renewals', days: 7 });
  });
});
