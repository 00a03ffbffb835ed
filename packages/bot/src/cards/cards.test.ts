import { describe, expect, it } from 'vitest';
import { ContractSchema, type Contract } from '@contract-steward/core';
import { cardBytes, escapeMarkdown, MAX_CARD_BYTES } from './card-kit.js';
import { contractCard } from './contract-card.js';
import { DIGEST_ROW_LIMIT, renewalsDigestCard } from './renewals-digest-card.js';
import { warningCard } from './warning-card.js';
import { welcomeCard } from './welcome-card.js';

const contract: Contract = ContractSchema.parse({
  reference: 'CON-0042',
  title: 'Revenues and benefits e-forms',
  supplier: { name: 'IEG4 Ltd' },
  owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' },
  endDate: '2027-03-31',
  noticePeriod: { amount: 6, unit: 'months' },
  value: { annual: 100000, total: 300000 },
});
const notice = { kind: 'notice' as const, date: '2026-09-30', rule: '31 March 2027 minus the notice period of 6 months is 30 September 2026.' };
const json = (value: unknown) => JSON.stringify(value);

describe('cards', () => {
  it('welcomes a person by first name and lists every command', () => {
    const card = welcomeCard({ personName: 'Asha Khan', scope: 'personal' });
    expect(card.version).toBe('1.5');
    expect(json(card)).toContain('Hello Asha.');
    for (const command of ['help', 'renewals 90', 'mine', 'contract CON-0042', 'overdue']) expect(json(card)).toContain(command);
  });

  it('shows a contract with its values in pounds and each key date with its rule', () => {
    const card = json(contractCard(contract, [notice], '2026-09-01'));
    expect(card).toContain('£100,000');
    expect(card).toContain('30 Sep 2026 (in 29 days)');
    expect(card).toContain('minus the notice period of 6 months');
  });

  it('gives a warning card the deadline, days left, the rule and the three actions carrying the warning key', () => {
    const card = warningCard({ warningKey: 'CON-0042|notice|2026-09-30|30', contract, deadline: notice, today: '2026-08-31' });
    const text = json(card);
    expect(text).toContain('Notice deadline in 30 days: CON-0042');
    expect(text).toContain('£100,000');
    expect(text).toContain('Why this date');
    const verbs = JSON.stringify(card.actions).match(/"verb":"(\w+)"/g);
    expect(verbs).toEqual(['"verb":"acknowledge"', '"verb":"acknowledge"', '"verb":"snooze"', '"verb":"decide"', '"verb":"showContract"']);
    expect(text).toContain('"warningKey":"CON-0042|notice|2026-09-30|30"');
  });

  it('shows who acted once a warning is decided, and offers no more warning actions', () => {
    const card = warningCard({ warningKey: 'k', contract, deadline: notice, today: '2026-08-31', outcome: { kind: 'decided', by: 'Asha Khan', at: '2026-09-01T10:00:00Z', decision: 'reprocure' } });
    expect(json(card)).toContain('Decision recorded by Asha Khan on 1 Sep 2026: **Re-procure**');
    expect(json(card.actions)).not.toContain('"verb":"decide"');
  });

  it('escapes markdown in register data so a title cannot restyle the card', () => {
    const card = contractCard({ ...contract, title: '**Bold** [link](http://x)' }, [], '2026-01-01');
    expect(json(card)).toContain('\\\\*\\\\*Bold\\\\*\\\\*');
  });

  it('keeps a digest of a huge register under 28 KB by listing the soonest and counting the rest', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      contract: { ...contract, reference: `CON-${String(i).padStart(5, '0')}`, title: 'A long contract title about '.repeat(5) },
      deadline: notice,
    }));
    const card = renewalsDigestCard({ title: 'Renewals', subtitle: 'next 90 days', today: '2026-09-01', rows, emptyText: 'none' });
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(json(card)).toContain(`and ${10_000 - DIGEST_ROW_LIMIT} more`);
  });

  it('keeps every other card under 28 KB even with long register text', () => {
    const long = { ...contract, title: 'x'.repeat(4000), supplier: { name: 'y'.repeat(2000) } };
    const rule = { ...notice, rule: 'z'.repeat(2000) };
    for (const card of [welcomeCard({ scope: 'channel', unrecognised: 'q'.repeat(200) }), contractCard(long, [rule, rule, rule], '2026-01-01'), warningCard({ warningKey: 'k'.repeat(400), contract: long, deadline: rule, today: '2026-01-01', escalation: 'e'.repeat(500) })]) {
      expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    }
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['[Click](https://evil.example)', '\\[Click\\](https://evil.example)'],
    ['**bold** _it_ `code` ~~gone~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~'],
    ['- a list\n# a heading', '\\- a list \\# a heading'],
    ['2027. a numbered list', '2027\\. a numbered list'],
    ['<at>Everyone</at> ![img](x)', '\\<at\\>Everyone\\</at\\> !\\[img\\](x)'],
    ['Fleet Ltd', 'Fleet Ltd'],
  ])('shows %j as written', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
