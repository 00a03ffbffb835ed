import { describe, expect, it } from 'vitest';
import { understandQuestion, type Question } from './understand-question.js';

// Tuesday 1 December 2026: financial year 2026/27, quarter October–December.
const TODAY = '2026-12-01';

/** The parts of an answer a phrasing is checked on. */
type Expected = Partial<Pick<Question, 'kind' | 'reference' | 'supplier' | 'serviceArea' | 'understood' | 'mine'>> & { from?: string; to?: string; endsOnly?: true | undefined };

const PHRASINGS: readonly (readonly [string, Expected])[] = [
  // Months, and the issue's own example: March, not the next 90 days.
  ['contracts ending in March', { kind: 'renewals', from: '2027-03-01', to: '2027-03-31', understood: 'Contracts ending 1–31 March 2027', endsOnly: true }],
  ['Which contracts end in march?', { from: '2027-03-01', to: '2027-03-31' }],
  ['what expires in April 2027', { from: '2027-04-01', to: '2027-04-30', endsOnly: true }],
  ['contracts ending during june', { from: '2027-06-01', to: '2027-06-30' }],
  ['anything ending in December', { from: '2026-12-01', to: '2026-12-31', understood: 'Contracts ending 1–31 December 2026' }],
  ['contracts ending in may', { from: '2027-05-01', to: '2027-05-31' }],
  ['contracts ending in sept', { from: '2027-09-01', to: '2027-09-30' }],
  // The calendar around today.
  ['contracts ending this month', { from: '2026-12-01', to: '2026-12-31' }],
  ['what is due next month', { from: '2027-01-01', to: '2027-01-31', understood: 'Deadlines 1–31 January 2027' }],
  ['contracts ending next quarter', { from: '2027-01-01', to: '2027-03-31' }],
  ['contracts ending this quarter', { from: '2026-12-01', to: '2026-12-31' }],
  ['contracts ending this year', { from: '2026-12-01', to: '2026-12-31' }],
  ['contracts ending next year', { from: '2027-01-01', to: '2027-12-31' }],
  ['contracts ending this week', { from: '2026-12-01', to: '2026-12-06' }],
  ['anything renewing next week', { from: '2026-12-07', to: '2026-12-13', endsOnly: undefined }],
  ['contracts ending today', { from: '2026-12-01', to: '2026-12-01' }],
  ['contracts ending in 2027', { from: '2027-01-01', to: '2027-12-31' }],
  // Deadlines to a day.
  ['contracts ending before Christmas', { from: '2026-12-01', to: '2026-12-24', understood: 'Contracts ending 1–24 December 2026' }],
  ['what is renewing by 31/3', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending by 31/03/2027', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending before 31 March', { from: '2026-12-01', to: '2027-03-30' }],
  ['contracts expiring by the end of March', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending before March', { from: '2026-12-01', to: '2027-02-28' }],
  ['contracts ending by 15th january', { from: '2026-12-01', to: '2027-01-15' }],
  ['contracts ending by end of the financial year', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending by the end of the year', { from: '2026-12-01', to: '2026-12-31' }],
  // Rolling windows.
  ['contracts ending in the next 6 weeks', { from: '2026-12-01', to: '2027-01-12' }],
  ["what's renewing in the next 3 months?", { from: '2026-12-01', to: '2027-03-01' }],
  ['What’s renewing in the next three months?', { from: '2026-12-01', to: '2027-03-01' }],
  ['anything expiring within 2 weeks', { from: '2026-12-01', to: '2026-12-15' }],
  ['which contracts end in the next year', { from: '2026-12-01', to: '2027-12-01' }],
  ['what is due in 45 days', { from: '2026-12-01', to: '2027-01-15' }],
  ['contracts ending in 3months', { from: '2026-12-01', to: '2027-03-01' }],
  ['deadlines over the coming month', { from: '2026-12-01', to: '2027-01-01' }],
  ['contracts ending soon', { from: '2026-12-01', to: '2027-03-01' }],
  ['contracts ending in the next 5 years', { from: '2026-12-01', to: '2028-11-30', understood: 'Contracts ending 1 December 2026 – 30 November 2028' }],
  // Financial years.
  ['contracts ending in 2026/27', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending in 2027-28', { from: '2027-04-01', to: '2028-03-31' }],
  ['contracts ending this financial year', { from: '2026-12-01', to: '2027-03-31' }],
  ['contracts ending next financial year', { from: '2027-04-01', to: '2028-03-31' }],
  // No period: the default, said plainly.
  ['which contracts are ending?', { kind: 'renewals', from: '2026-12-01', to: '2027-03-01', understood: 'Contracts ending 1 December 2026 – 1 March 2027' }],
  ['renewals coming up', { kind: 'renewals', from: '2026-12-01', to: '2027-03-01', understood: 'Deadlines 1 December 2026 – 1 March 2027' }],
  // References anywhere.
  ['show me CON-0042', { kind: 'contract', reference: 'CON-0042' }],
  ['when does CON-0042 end?', { kind: 'contract', reference: 'CON-0042' }],
  ['tell me about con-0107 please', { kind: 'contract', reference: 'CON-0107' }],
  ['CON-0042', { kind: 'contract', reference: 'CON-0042' }],
  ['details of HSG/2024/17', { kind: 'contract', reference: 'HSG/2024/17' }],
  ['is CON-0042-L2 ending soon', { kind: 'contract', reference: 'CON-0042-L2' }],
  // Suppliers and service areas.
  ['contracts with Capita', { kind: 'renewals', supplier: 'capita', from: '2026-12-01', to: '2027-12-01' }],
  ['contracts from Civica UK ending this year', { supplier: 'civica uk', to: '2026-12-31', understood: 'Contracts with civica uk ending 1–31 December 2026' }],
  ['contracts supplied by northgate', { supplier: 'northgate' }],
  ['housing contracts ending this year', { serviceArea: 'housing', to: '2026-12-31', understood: 'Housing contracts ending 1–31 December 2026' }],
  ['libraries contracts ending in the next 6 months', { serviceArea: 'libraries', to: '2027-06-01' }],
  // Mine, overdue, obligations, savings.
  ['mine', { kind: 'mine' }],
  ['what do i own', { kind: 'mine' }],
  ['my contracts ending in March', { kind: 'renewals', mine: true, understood: 'Your contracts ending 1–31 March 2027' }],
  ['what is overdue', { kind: 'overdue' }],
  ['anything past the deadline?', { kind: 'overdue' }],
  ['which deadlines have we missed', { kind: 'overdue' }],
  ['what obligations are due this month', { kind: 'obligations', from: '2026-12-01', to: '2026-12-31' }],
  ['obligations', { kind: 'obligations' }],
  ['how much have we saved in savings this year', { kind: 'savings' }],
  // Near misses: these must fall to help rather than be answered confidently.
  ['nonsense ending in END', { kind: 'help' }],
  ['the end', { kind: 'help' }],
  ['due diligence on the new supplier', { kind: 'help' }],
  ['what is due diligence', { kind: 'help' }],
  ['order more paper', { kind: 'help' }],
  ["what's the weather in March", { kind: 'help' }],
  ['contracts', { kind: 'help' }],
  ['exporter contracts', { kind: 'help' }],
  ['I am due a holiday', { kind: 'help' }],
  ['happy christmas', { kind: 'help' }],
  ['show me the money', { kind: 'help' }],
  ['contracts renewing in the next constructor weeks', { kind: 'renewals', from: '2026-12-01', to: '2027-03-01' }],
  ['contracts ending in the next 3 __proto__', { kind: 'renewals', to: '2027-03-01' }],
];

describe('understandQuestion', () => {
  it('is checked on at least 60 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PHRASINGS)('reads "%s"', (text, expected) => {
    const question = understandQuestion(text, TODAY);
    const { from, to, endsOnly, ...rest } = expected;
    expect({ ...question, from: question.window?.from, to: question.window?.to }).toMatchObject({
      kind: 'renewals',
      ...rest,
      ...(endsOnly !== undefined ? { endsOnly } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    if ('endsOnly' in expected && expected.endsOnly === undefined) expect(question.endsOnly).toBeUndefined();
  });

  it('offers the financial year beside the calendar year, as a question it reads', () => {
    const question = understandQuestion('contracts ending this year', TODAY);
    expect(question.alternatives).toEqual([{ label: 'Financial year 2026/27', ask: 'contracts ending in 2026/27' }]);
    expect(understandQuestion(question.alternatives[0]?.ask ?? '', TODAY).window).toEqual({ from: TODAY, to: '2027-03-31', words: '1 December 2026 – 31 March 2027' });
  });

  it('says which default it took when no period was named, and offers others', () => {
    expect(understandQuestion('which contracts are ending?', TODAY).alternatives.map((a) => a.label)).toEqual(['The next 30 days', 'Financial year 2026/27']);
  });

  it('reads the same words the same way on the same day', () => {
    expect(understandQuestion('contracts ending in March', TODAY)).toEqual(understandQuestion('contracts ending in March', TODAY));
  });

  it('does not read a text longer than a question as one', () => {
    expect(understandQuestion(`contracts ending in March ${'please '.repeat(80)}`, TODAY).kind).toBe('help');
  });

  it('takes "in March" in March as this March, from today', () => {
    expect(understandQuestion('contracts ending in March', '2027-03-10').window).toMatchObject({ from: '2027-03-10', to: '2027-03-31' });
  });
});
