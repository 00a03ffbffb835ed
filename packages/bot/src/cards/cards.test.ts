import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeUtilisation, ContractSchema, parseQuarter, evaluateOptions, KpiSchema, performanceHistory, summarisePerformance, summariseContractLaw, UsageSchema, financialYearOf, type Contract, type EvaluationResult, type ImportReport, type SavingSummary } from '@contract-steward/core';
import { CARD_VERBS, parseCardAction } from '../actions.schema.js';
import { cardBytes, escapeMarkdown, MAX_CARD_BYTES, type AdaptiveCard, type CardElement } from './card-kit.js';
import { contractCard } from './contract-card.js';
import { dutyWarningCard } from './duty-warning-card.js';
import { obligationsCard } from './obligations-card.js';
import { publishCard } from './publish-card.js';
import { evaluationRankingCard } from './evaluation-card.js';
import { importClosedCard, importDoneCard, importDryRunCard, importProgressCard } from './import-card.js';
import { complianceDigestCard, performanceCard } from './performance-card.js';
import { DIGEST_ROW_LIMIT, renewalsDigestCard } from './renewals-digest-card.js';
import { savingsTotalsCard } from './savings-card.js';
import { scoreFormCard } from './score-card.js';
import { tenderPackDoneCard, tenderPackFormCard } from './tender-pack-card.js';
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
    expect(verbs).toEqual(['"verb":"acknowledge"', '"verb":"acknowledge"', '"verb":"snooze"', '"verb":"decide"']);
    // Details are a section of the same card, so opening them never replaces the actions.
    expect(text).toContain('"type":"Action.ToggleVisibility","title":"Contract details","targetElements":["details"]');
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

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What each input of a card sends when left as it is: its value, or a choice set's first choice. */
function defaultInputs(card: unknown): Json {
  const inputs: Json = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    // A ShowCard's inner card is walked with its own action; its inputs are not the outer card's.
    if (node.type === 'Action.ShowCard') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') {
      const first = Array.isArray(node.choices) && isObject(node.choices[0]) ? node.choices[0].value : undefined;
      const value = node.value ?? first;
      if (value !== undefined) inputs[node.id] = value;
    }
    Object.values(node).forEach(walk);
  };
  walk(isObject(card) ? [card.body, card.actions] : card);
  return inputs;
}

/**
 * Checks a card against the Adaptive Card 1.5 shape Teams renders, and every action on it
 * against the action union: each Action.Execute (and its Action.Submit fallback) carries a known
 * verb and data that, with the card's inputs as they stand, the action schema accepts.
 * Returns the verbs, in order.
 */
function checkCard(card: AdaptiveCard): string[] {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  expect(card.body.length).toBeGreaterThan(0);
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  const verbs: string[] = [];
  const visit = (node: unknown, inputs: Json): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inputs));
    if (!isObject(node)) return;
    expect(typeof node.type === 'string' || !('type' in node), JSON.stringify(node).slice(0, 80)).toBe(true);
    if (node.type === 'Action.ShowCard' && isObject(node.card)) {
      // Actions on a shown card send its inputs and the outer card's.
      return visit([node.card.body, node.card.actions], { ...inputs, ...defaultInputs(node.card) });
    }
    if (node.type === 'Action.Execute') {
      const verb = String(node.verb);
      verbs.push(verb);
      expect(CARD_VERBS.has(verb), `unknown verb ${verb}`).toBe(true);
      const parsed = parseCardAction({ action: { type: 'Action.Execute', verb, data: { ...inputs, ...(node.data as Json) } } });
      expect(parsed, verb).toMatchObject({ ok: true, action: { verb } });
      if (isObject(node.fallback)) {
        expect(node.fallback.type).toBe('Action.Submit');
        expect(parseCardAction({ ...inputs, ...(node.fallback.data as Json) }), `${verb} fallback`).toMatchObject({ ok: true, action: { verb } });
      }
      return;
    }
    Object.values(node).forEach((child) => visit(child, inputs));
  };
  visit([card.body, card.actions, card.refresh?.action], defaultInputs(card));
  expect(accessibilityProblems(card)).toEqual([]);
  return verbs;
}

/**
 * What makes a card hard to use without colour or without sight: text coloured Warning (amber)
 * or Good (pale green), which fall below 4.5:1 contrast in light themes and carry meaning by
 * colour alone; an input without a label for a screen reader to announce (Adaptive Cards 1.5
 * `label`; a placeholder vanishes once typed in); a required input with no error message.
 */
function accessibilityProblems(card: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if ((type === 'TextBlock' || type === 'TextRun') && /^(warning|good)$/i.test(String(node.color))) problems.push(`${String(node.color)} text: ${String(node.text).slice(0, 60)}`);
    if (type.startsWith('Input.')) {
      if (typeof node.label !== 'string' || node.label.trim() === '') problems.push(`${type} ${String(node.id)} has no label`);
      if (node.isRequired === true && typeof node.errorMessage !== 'string') problems.push(`${type} ${String(node.id)} is required but has no errorMessage`);
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return problems;
}

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as unknown;
function evaluated(): EvaluationResult {
  const result = evaluateOptions(example);
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The parts of an import report the cards read; the rest is the importer's. */
const report = {
  dryRun: true,
  fileName: 'register.xlsx',
  sheet: 'Contracts',
  headerRow: 1,
  rows: 12,
  created: 3,
  updated: 2,
  unchanged: 6,
  rejected: 1,
  provisional: 1,
  lots: 2,
  duplicatesSkipped: 1,
  renamed: [],
  refused: false,
  problems: [{ row: 7, column: 'E', severity: 'error', code: 'invalid-date', message: 'register.xlsx!E7: "31/02/2027" is not a date' }],
  ignoredColumns: ['Notes'],
  reading: { headers: ['Ref', 'Title', 'Supplier', 'Owner', 'Expiry'] },
  rejectedRows: [],
} as unknown as ImportReport;
const importId = 'A'.repeat(32);

describe('each card, rendered from sample data', () => {
  it('welcome: the greeting, every command in the menu, and no actions', () => {
    const card = welcomeCard({ personName: 'Asha Khan', scope: 'personal' });
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain('Hello Asha.');
    expect(json(card)).toContain('tender pack');
  });

  it('contract: its values, key dates and no actions', () => {
    const card = contractCard(contract, [notice], '2026-09-01');
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain('IEG4 Ltd');
    expect(json(card)).toContain('30 Sep 2026');
  });

  it('contract: regime and how it was found, next statutory deadline, headroom as a gauge with a text fallback, and utilisation flagged', () => {
    const lawful = ContractSchema.parse({ ...contract, startDate: '2026-04-01', law: { regime: 'PA2023', enteredInto: '2026-03-20', contractType: 'services', vatIncluded: true } });
    const law = summariseContractLaw(lawful, { today: '2026-04-10' });
    const usage = computeUtilisation(UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 }), { annualCost: 100000 });
    const card = contractCard(lawful, [notice], '2026-04-10', { law, utilisation: [usage], utilisationFloor: 0.7 });
    expect(checkCard(card)).toEqual([]);
    const text = json(card);
    expect(text).toContain('**Regime**: Procurement Act 2023');
    expect(text).toContain('recorded in the register');
    expect(text).toContain('**Next statutory deadline**: Contract details notice (UK7), due 18 Apr 2026 (in 8 days)');
    const gauge = card.body.flatMap((e) => (e.type === 'Container' ? (e.items as CardElement[]) : [e])).find((e) => e.type === 'Chart.Gauge');
    expect(gauge).toMatchObject({ value: 10, max: 10, fallback: { type: 'Container' } });
    expect(json(gauge?.fallback)).toContain('£30,000 (10% of the value on award, of at most 10%): the next change can be this much');
    expect(text).toContain('**Modification headroom**');
    expect(text).toContain('licences: 60 of 100 used (**60%**)');
    expect(text).toContain('Review usage before renewing: under the 70% level; the unused 40 cost **£40,000 a year**');
  });

  it('contract: without law or usage given, shows neither', () => {
    const text = json(contractCard(contract, [notice], '2026-09-01'));
    expect(text).not.toContain('Procurement law');
    expect(text).not.toContain('Utilisation');
  });

  it('warning: at a renewal deadline, utilisation and the review-usage flag with the yearly cost of unused capacity', () => {
    const usage = computeUtilisation(UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 65 }), { annualCost: 100000, floor: 0.7 });
    const card = warningCard({ warningKey: 'k', contract, deadline: notice, today: '2026-08-31', usage: { utilisation: [usage], floor: 0.7 } });
    expect(checkCard(card)).toEqual(['acknowledge', 'snooze', 'decide', 'refreshWarning']);
    expect(json(card)).toContain('licences: 65 of 100 used (**65%**)');
    expect(json(card)).toContain('Review usage before renewing: under the 70% level; the unused 35 cost **£35,000 a year**');
    const fine = computeUtilisation(UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 90 }), { annualCost: 100000 });
    expect(json(warningCard({ warningKey: 'k', contract, deadline: notice, today: '2026-08-31', usage: { utilisation: [fine], floor: 0.7 } }))).not.toContain('Review usage');
  });

  it('performance: last ratings with their rules, compliance against 80%, a Chart.Line per KPI and a Chart.Donut of ratings, each with a text fallback', () => {
    const kpi = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'monthly', from: '2026-04-01' });
    const at = (periodStart: string, value: number | null) => ({ contract: 'CON-0042', kpi: 'Availability', periodStart, periodEnd: periodStart.replace(/01$/, '28'), value, enteredBy: 'a', enteredAt: '2026-07-02T09:00:00Z' });
    const usage = UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 });
    const history = performanceHistory(contract, [kpi], [at('2026-04-01', 99.2), at('2026-05-01', 98.7), at('2026-06-01', 97)], [usage]);
    const card = performanceCard({ contract, history, complianceGoal: 0.8, utilisationFloor: 0.7 });
    expect(checkCard(card)).toEqual([]);
    const text = json(card);
    expect(text).toContain('**Availability**: 97% (target at least 99%), **Requires improvement**');
    expect(text).toContain('misses the target');
    expect(text).toContain('**Compliance, latest results**: 0% rated Good, below the 80% goal');
    const line = card.body.find((e) => e.type === 'Chart.Line');
    expect(line).toMatchObject({ data: [{ legend: 'Availability', values: [{ x: 'Apr 2026', y: 99.2 }, { x: 'May 2026', y: 98.7 }, { x: 'Jun 2026', y: 97 }] }, { legend: 'Target' }] });
    expect(json(line?.fallback)).toContain('Apr 2026: 99.2%, Good · May 2026: 98.7%, Approaching target · Jun 2026: 97%, Requires improvement');
    const donut = card.body.find((e) => e.type === 'Chart.Donut');
    expect(donut).toMatchObject({ data: [{ legend: 'Good', value: 1 }, { legend: 'Approaching target', value: 1 }, { legend: 'Requires improvement', value: 1 }] });
    expect(json(donut?.fallback)).toContain('Good: 1 · Approaching target: 1 · Requires improvement: 1');
    expect(text).toContain('Review usage before renewing');
  });

  it('performance: a contract with no KPIs says how to add them', () => {
    const card = performanceCard({ contract, history: performanceHistory(contract, [], [], []), complianceGoal: 0.8, utilisationFloor: 0.7 });
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain('No KPIs are recorded for CON-0042');
    expect(json(card)).not.toContain('Chart.');
  });

  it('compliance digest: contracts below 80%, and a clear line when there are none', () => {
    const kpi = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, frequency: 'monthly', from: '2026-04-01' });
    const performance = summarisePerformance(contract, [kpi], [{ contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-06-01', periodEnd: '2026-06-30', value: 90, enteredBy: 'a', enteredAt: '2026-07-02T09:00:00Z' }], []);
    const card = complianceDigestCard([{ contract, performance }], { goal: 0.8, measured: 3 });
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain('Contracts below 80% compliance');
    expect(json(card)).toContain('**CON-0042**: Revenues and benefits e-forms');
    expect(json(card)).toContain('0% rated Good; not Good: Availability (Requires improvement)');
    const none = complianceDigestCard([], { goal: 0.8, measured: 3 });
    expect(checkCard(none)).toEqual([]);
    expect(json(none)).toContain('✓ Every contract with results meets the 80% goal.');
  });

  it('renewals digest: one row per contract that opens the contract', () => {
    const card = renewalsDigestCard({ title: 'Renewals in the next 90 days', subtitle: 'soonest first', today: '2026-09-01', rows: [{ contract, deadline: notice }], emptyText: 'none' });
    expect(checkCard(card)).toEqual(['showContract']);
    expect(json(card)).toContain('Renewals in the next 90 days');
    expect(json(card)).toContain('CON-0042');
    expect(json(card)).toContain('1 contract, £100,000 a year.');
    const two = renewalsDigestCard({ title: 't', subtitle: 's', today: '2026-09-01', rows: [{ contract, deadline: notice }, { contract: { ...contract, reference: 'CON-0043' }, deadline: notice }], emptyText: 'none' });
    expect(json(two)).toContain('2 contracts, £200,000 a year between them.');
  });

  it('uses no amber or pale green text, and says urgency in words', () => {
    const soon = renewalsDigestCard({ title: 't', subtitle: 's', today: '2026-09-01', rows: [{ contract, deadline: notice }], emptyText: 'none' });
    const done = warningCard({ warningKey: 'k', contract, deadline: notice, today: '2026-08-31', outcome: { kind: 'acknowledged', by: 'Asha Khan', at: '2026-08-31T10:00:00Z' } });
    for (const card of [soon, done]) expect(json(card)).not.toMatch(/"color":"(Warning|Good)"/);
    expect(json(soon)).toContain('⏰ Soon: **30 Sep 2026** (in 29 days)');
    expect(json(done)).toContain('✓ Acknowledged by Asha Khan');
  });

  it('flags amber and pale green text, an unlabelled input and a required input with no error message', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Due soon', color: 'Warning' },
        { type: 'Container', items: [{ type: 'TextBlock', text: 'Done', color: 'good' }] },
        { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'why', placeholder: 'Why' }, { type: 'Input.Date', id: 'on', label: 'On', isRequired: true }] } }] },
        { type: 'TextBlock', text: 'Overdue', color: 'Attention' },
        { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Give a title' },
      ],
    };
    expect(accessibilityProblems(card)).toEqual(['Warning text: Due soon', 'good text: Done', 'Input.Text why has no label', 'Input.Date on is required but has no errorMessage']);
  });

  it('duty warning: a notice due, with Record publication and Acknowledge; once recorded, what was recorded', () => {
    const input = { warningKey: 'CON-0042|UK7', contract, kind: 'UK7' as const, deadline: '2026-09-30', rule: 'UK7 within 30 days of entering into the contract (section 53)', subject: { type: 'obligation' as const, occurrence: 'UK7' }, today: '2026-09-20' };
    expect(checkCard(dutyWarningCard(input))).toEqual(['recordPublication', 'acknowledge', 'showContract']);
    const done = dutyWarningCard({ ...input, outcome: { kind: 'published', by: 'Asha Khan', publishedOn: '2026-09-21', noticeId: '012345-2026' } });
    expect(checkCard(done)).toEqual(['showContract']);
    expect(json(done)).toContain('✓ Recorded by Asha Khan');
  });

  it('duty warning: a missing KPI result asks for the result and a note', () => {
    const kpi = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, frequency: 'monthly', from: '2026-04-01' });
    const card = dutyWarningCard({ warningKey: 'k', contract, kind: 'kpi-result', deadline: '2026-09-30', rule: 'r', subject: { type: 'kpi-result', kpi: 'Availability', periodStart: '2026-08-01', periodEnd: '2026-08-31' }, kpi, today: '2026-09-20' });
    expect(checkCard(card)).toEqual(['enterResult', 'acknowledge', 'showContract']);
  });

  it('obligations: each notice due or overdue, opening its contract', () => {
    const obligation = { reference: 'CON-0042', obligation: 'UK7' as const, key: 'UK7', due: '2026-09-10', status: 'overdue' as const, rule: 'r' };
    const card = obligationsCard({ days: 30, today: '2026-09-20', obligations: [obligation], contracts: new Map([[contract.reference, contract]]) });
    expect(checkCard(card)).toEqual(['showContract']);
    expect(json(card)).toContain('overdue');
  });

  it('publish: the Transparency file\'s counts and why the OCDS package was not made', () => {
    const quarter = parseQuarter('2026Q2');
    if (!quarter.success) throw new Error('2026Q2 is a quarter');
    const card = publishCard({ quarter: quarter.value, transparency: { listed: 3, noValue: ['CON-0107'], notOverThreshold: [], endedBefore: [], startsAfter: [] }, ocds: { missing: ['STEWARD_OCID_PREFIX'] } });
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain('**OCDS package**: not made');
  });

  it('warning: acknowledge, snooze, decide and its refresh, each readable by the action schema', () => {
    const card = warningCard({ warningKey: 'CON-0042|notice|2026-09-30|30', contract, deadline: notice, today: '2026-08-31' });
    expect(checkCard(card)).toEqual(['acknowledge', 'snooze', 'decide', 'refreshWarning']);
    expect(json(card)).toContain('Notice deadline in 30 days');
  });

  it('warning once snoozed: snooze and decide stay, acknowledge goes', () => {
    const card = warningCard({ warningKey: 'k', contract, deadline: notice, today: '2026-08-31', outcome: { kind: 'snoozed', by: 'Asha Khan', at: '2026-08-31T10:00:00Z', until: '2026-09-07' } });
    expect(checkCard(card)).toEqual(['snooze', 'decide', 'refreshWarning']);
  });

  it('import dry run: the counts, the first problem in plain words, and Import, Cancel and Problems workbook', () => {
    const card = importDryRunCard(report, { importId, uploaderName: 'Asha Khan', confirmBy: '10:15' });
    expect(checkCard(card)).toEqual(['importRegister', 'cancelImport', 'importProblems']);
    expect(json(card)).toContain('Import register.xlsx?');
    expect(json(card)).toContain('Row 7, Expiry (column E)');
    expect(json(card)).toContain('until 10:15');
  });

  it('import done, progress and closed: what happened, and no actions', () => {
    expect(checkCard(importDoneCard({ ...report, dryRun: false }, 'Asha Khan'))).toEqual([]);
    expect(json(importDoneCard(report, 'Asha Khan'))).toContain('By Asha Khan');
    expect(checkCard(importProgressCard('register.xlsx', 'Checking 2 MB'))).toEqual([]);
    expect(json(importClosedCard('register.xlsx', 'Cancelled: nothing was written'))).toContain('Cancelled: nothing was written');
  });

  it('savings: the year\'s totals and its largest saving', () => {
    const year = financialYearOf('2026-09-01');
    const summary: SavingSummary = { id: 's1', contract: 'CON-0042', description: 'Renegotiated e-forms', serviceArea: null, kind: 'renegotiation', state: 'validated', cashable: true, start: '2026-04-01', end: '2027-03-31', termMonths: 12, annualSaving: 12000, oneOffCosts: 0, totalSaving: 12000, byFinancialYear: { [year.label]: 12000 } } as SavingSummary;
    const card = savingsTotalsCard([summary], year, '2026-09-01');
    expect(checkCard(card)).toEqual([]);
    expect(json(card)).toContain(`Savings ${year.label}`);
    expect(json(card)).toContain('£12,000');
  });

  it('evaluation ranking: the recommendation, and a score form for each option', () => {
    const result = evaluated();
    const card = evaluationRankingCard(result, 'ev-1');
    expect(checkCard(card)).toEqual(result.evaluation.options.slice(0, 5).map(() => 'scoreOption'));
    expect(json(card)).toContain(result.winner ? `Recommended: ${escapeMarkdown(result.winner)}` : 'No recommendation');
    expect(checkCard(evaluationRankingCard(result))).toEqual([]);
  });

  it('score form: a score and a reason for each rule, sent with Save my scores', () => {
    const result = evaluated();
    const option = result.evaluation.options[0];
    if (!option) throw new Error('the example has options');
    const card = scoreFormCard({ evaluationId: 'ev-1', evaluationTitle: result.evaluation.title, optionIndex: 0, option, evaluator: 'a.khan@council.gov.uk', problems: ['value: give a reason'] });
    expect(checkCard(card)).toEqual(['saveScores']);
    expect(json(card)).toContain('value: give a reason');
  });

  it('tender pack: the form sends tenderPack, and the done card names the pack', () => {
    expect(checkCard(tenderPackFormCard(['Give the tender a title']))).toEqual(['tenderPack']);
    const done = tenderPackDoneCard({ title: 'Waste vehicles', reference: 'CCC-2027-014', clauses: 12, sections: 2, excluded: ['api-3'], libraryVersion: '1.0', date: '2026-09-01' });
    expect(checkCard(done)).toEqual([]);
    expect(json(done)).toContain('Tender pack CCC-2027-014');
    expect(json(done)).toContain('Left out: api-3.');
  });
});
