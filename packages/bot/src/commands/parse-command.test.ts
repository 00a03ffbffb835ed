import { describe, expect, it } from 'vitest';
import { COMMAND_LIST } from './command-list.js';
import { MAX_MESSAGE_BYTES, parseCommand as parseOn } from './parse-command.js';

// Tuesday 1 December 2026.
const TODAY = '2026-12-01';
const parseCommand = (text: string) => parseOn(text, TODAY);
const renewalsTo = (to: string) => ({ name: 'renewals', window: expect.objectContaining({ from: TODAY, to }) });

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['  HELP ', { name: 'help' }],
    ['renewals', renewalsTo('2027-03-01')],
    ['renewals 30', renewalsTo('2026-12-31')],
    ['mine', { name: 'mine' }],
    ['my contracts', { name: 'mine' }],
    ['contract con-0042', { name: 'contract', reference: 'CON-0042' }],
    ['show CON-0042', { name: 'contract', reference: 'CON-0042' }],
    ['overdue', { name: 'overdue' }],
    ['obligations', { name: 'obligations', days: 90 }],
    ['obligations 30', { name: 'obligations', days: 30 }],
    ['performance CON-0042', { name: 'performance', reference: 'CON-0042' }],
    ['kpis con-0042', { name: 'performance', reference: 'CON-0042' }],
    ['performance', { name: 'performance' }],
  ])('reads the command "%s"', (text, expected) => {
    expect(parseCommand(text)).toMatchObject(expected);
  });

  it.each([
    ["what's renewing in the next 3 months?", '2026-12-01', '2027-03-01'],
    ['What’s renewing in the next three months?', '2026-12-01', '2027-03-01'],
    ['anything expiring within 2 weeks', '2026-12-01', '2026-12-15'],
    ['which contracts end in the next year', '2026-12-01', '2027-12-01'],
    ['what is due in 45 days', '2026-12-01', '2027-01-15'],
    ['what is renewing next month', '2027-01-01', '2027-01-31'],
    ['contracts ending in March', '2027-03-01', '2027-03-31'],
    ['renewals 100000', '2026-12-01', '2028-11-30'],
  ])('understands "%s" as renewals from %s to %s', (text, from, to) => {
    expect(parseCommand(text)).toMatchObject({ name: 'renewals', window: { from, to } });
  });

  it('says what it understood, with the other readings to choose from', () => {
    expect(parseCommand('contracts ending this year')).toMatchObject({
      understood: 'Contracts ending 1–31 December 2026',
      alternatives: [{ label: 'Financial year 2026/27', ask: 'contracts ending in 2026/27' }],
      endsOnly: true,
    });
    expect(parseCommand('housing contracts with northgate ending in March')).toMatchObject({ serviceArea: 'housing', supplier: 'northgate' });
  });

  it.each([
    ['show me CON-0042', 'CON-0042'],
    ['when does CON-0042 end?', 'CON-0042'],
  ])('reads the reference anywhere in "%s"', (text, reference) => {
    expect(parseCommand(text)).toEqual({ name: 'contract', reference });
  });

  it.each(['nonsense ending in END', 'the end', 'what is due diligence'])('does not take "%s" for a renewals question', (text) => {
    expect(parseCommand(text)).toEqual({ name: 'help', unrecognised: text });
  });

  it('reads obligations in the words of a question, over the window asked', () => {
    expect(parseCommand('what obligations are due this month')).toEqual({ name: 'obligations', days: 30 });
  });

  it('removes the @mention Teams puts before a channel message', () => {
    expect(parseCommand('<at>Contract Steward</at> renewals 60')).toMatchObject(renewalsTo('2027-01-30'));
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
    expect(COMMAND_LIST.map((c) => parseCommand(c.title).name)).toEqual(['help', 'renewals', 'mine', 'contract', 'overdue', 'performance', 'export', 'savings', 'tenderPack', 'evaluate', 'publish']);
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
    ['con-', 'references with no number'],
    ['ab-1/', 'references that never end'],
    ['with ', 'supplier leads with no name'],
    ['by the end of ', 'deadlines with no date'],
    ['31/', 'dates with no month'],
    ['housing contracts ', 'service areas with no period'],
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
    expect(parseCommand('contracts ending in 3months')).toMatchObject(renewalsTo('2027-03-01'));
    expect(parseCommand('contracts renewing in the next constructor weeks')).toMatchObject({ ...renewalsTo('2027-03-01'), understood: 'Deadlines 1 December 2026 – 1 March 2027' });
  });
});
