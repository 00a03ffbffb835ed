import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiSchema, writeEvaluationTemplateWorkbook, type EvaluationInput } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { createOcdsValidator } from '../support/ocds-validator.js';
import { teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, cardOf, PRIYA, type Harness } from './bot-harness.js';
import { actionData, BEN, consentOf, FEMI, fileConsentInvoke, inChannel, personal, press, servedUrl, startFilesHarness, uploadMessage } from './files-support.js';

const EVALUATION = readFileSync(new URL('../../examples/evaluation.example.json', import.meta.url));

describe('tender packs and TDA decision records as files in Teams', () => {
  let bot: Harness;

  beforeAll(async () => {
    bot = await startFilesHarness();
    bot.connector.files.set('evaluation.json', { body: EVALUATION });
    bot.connector.files.set('broken.json', { body: Buffer.from('{"title": "Half an evaluation",') });
    bot.connector.files.set('incomplete.json', { body: Buffer.from('{"title": "No options"}') });
    bot.connector.files.set('evaluation.xlsx', { body: await writeEvaluationTemplateWorkbook(JSON.parse(EVALUATION.toString('utf8')) as EvaluationInput) });
    const misscored = new ExcelJS.Workbook();
    await misscored.xlsx.load((await writeEvaluationTemplateWorkbook(JSON.parse(EVALUATION.toString('utf8')) as EvaluationInput)) as unknown as ArrayBuffer);
    misscored.getWorksheet('Scores')!.getCell('D7').value = 'four';
    bot.connector.files.set('misscored.xlsx', { body: Buffer.from(await misscored.xlsx.writeBuffer()) });
  });
  afterAll(() => bot?.close());

  const say = async (text: string, person = PRIYA, expect = 1) => bot.exchange(teamsMessage(bot.connector.serviceUrl, text, personal(person)), expect);
  const accept = async (activity: Record<string, unknown> | undefined) => {
    const consent = consentOf(activity);
    const before = bot.connector.uploads.length;
    await bot.exchange(fileConsentInvoke(bot, PRIYA, 'accept', consent.fileId, consent.name));
    return bot.connector.uploads[before]?.raw ?? Buffer.alloc(0);
  };

  it('opens the tender pack form, and returns the Word pack, the compliance matrix and a Markdown summary', async () => {
    const [form] = await say('tender pack');
    expect(cardOf(form)).toContain('"id":"businessFunctions"');
    expect(Buffer.byteLength(cardOf(form))).toBeLessThan(28 * 1024);
    const before = bot.connector.activities.length;
    const answer = await press(bot, PRIYA, 'tenderPack', {
      v: 1,
      title: 'Revenues e-forms platform',
      reference: 'CCC-2027-014',
      sections: 'data-extraction,api',
      chargesDataExtraction: 'no-charge',
      chargesApi: 'declare-charges',
      exclude: 'API-1.7',
      businessFunctions: 'Council Tax reduction claims\nPayment arrangements',
      timestampedDatasets: '',
      includeGuidance: 'true',
    });
    expect(JSON.stringify(answer.value)).toContain('Tender pack CCC-2027-014');
    expect(JSON.stringify(answer.value)).toContain('Left out: API-1.7.');
    await bot.connector.waitForActivities(before + 4);
    const [summary, word, matrix, notes] = bot.connector.activities.slice(before);
    expect(String(summary?.text)).toContain('**Tender pack CCC-2027-014: Revenues e-forms platform**');
    expect(consentOf(word).name).toBe('Tender pack CCC-2027-014.docx');
    expect(consentOf(matrix).name).toBe('Tender pack CCC-2027-014 compliance matrix.xlsx');
    // The officer's guidance and record of choices come apart from the pack suppliers receive.
    expect(consentOf(notes).name).toBe('Tender pack CCC-2027-014 officer notes.docx');
    const docx = await accept(word);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await accept(matrix)) as unknown as ArrayBuffer);
    expect(JSON.stringify(workbook.worksheets[0]?.getSheetValues())).toContain('Council Tax reduction claims');
  });

  it('gives the form back with the problem when a clause cannot be left out', async () => {
    const answer = await press(bot, PRIYA, 'tenderPack', { v: 1, title: 'X', reference: 'R-1', sections: 'api', chargesApi: 'no-charge', exclude: 'API-1.1' });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('API-1.1');
    expect(JSON.stringify(answer.value)).toContain('"id":"title"');
  });

  it('keeps tender packs to procurement and administrators', async () => {
    const [reply] = await say('tender pack', BEN);
    expect(String(reply?.text)).toContain('Sorry, only procurement');
  });

  it('scores an attached evaluation and returns the ranking card and the decision record files', async () => {
    const replies = await bot.exchange(uploadMessage(bot, PRIYA, 'evaluation.json', servedUrl(bot, 'evaluation.json'), 'evaluate'), 3);
    const [ranking, workbook, markdown] = replies;
    expect(cardOf(ranking)).toContain('Housing repairs scheduling');
    expect(cardOf(ranking)).toMatch(/Recommended: |No recommendation/);
    expect(Buffer.byteLength(cardOf(ranking))).toBeLessThan(28 * 1024);
    expect(consentOf(workbook).name).toBe('Decision record Housing repairs scheduling.xlsx');
    expect(consentOf(markdown).name).toBe('Decision record Housing repairs scheduling.md');
    expect((await accept(markdown)).toString('utf8')).toContain('Housing repairs scheduling');
  });

  it('lets an evaluator enter their scores for an option through a card, and ranks again', async () => {
    const [ranking] = await bot.exchange(uploadMessage(bot, PRIYA, 'evaluation.json', servedUrl(bot, 'evaluation.json'), 'evaluate'), 3);
    const data = actionData(ranking, 'scoreOption');
    expect(data).toMatchObject({ option: 0 });
    const evaluationId = String(data.evaluationId);

    const refused = await press(bot, FEMI, 'scoreOption', data);
    expect(String(refused.value)).toContain('You are not one of those who can score');
    expect(String(refused.value)).toContain('only the evaluators it lists can');
    expect(String(refused.value)).not.toContain('b.jones@council.gov.uk');

    const form = await press(bot, ASHA, 'scoreOption', data);
    expect(JSON.stringify(form.value)).toContain('Score Supplier A');
    expect(JSON.stringify(form.value)).toContain('Supports the housing TOM');
    expect(Buffer.byteLength(JSON.stringify(form.value))).toBeLessThan(28 * 1024);

    const missingReason = await press(bot, ASHA, 'saveScores', { ...data, 'score-alignment': '1', 'why-alignment': '' });
    expect(JSON.stringify(missingReason.value)).toContain('alignment: give a reason for the score of 1.');

    const saved = await press(bot, ASHA, 'saveScores', { ...data, 'score-alignment': '1', 'why-alignment': 'On reflection it does not fit the repairs operating model' });
    expect(JSON.stringify(saved.value)).toContain('Housing repairs scheduling');
    const stored = await bot.store.evaluations.get(evaluationId);
    const mine = stored?.evaluation.options[0]?.scores.filter((s) => s.evaluator === ASHA.email && s.criterion === 'alignment');
    expect(mine).toEqual([{ criterion: 'alignment', evaluator: ASHA.email, score: 1, rationale: 'On reflection it does not fit the repairs operating model' }]);
  });

  it('says what is wrong with an evaluation that is not valid JSON or misses its options', async () => {
    const [broken] = await bot.exchange(uploadMessage(bot, PRIYA, 'broken.json', servedUrl(bot, 'broken.json'), 'evaluate'));
    expect(String(broken?.text)).toContain('broken.json is not valid JSON');
    const [incomplete] = await bot.exchange(uploadMessage(bot, PRIYA, 'incomplete.json', servedUrl(bot, 'incomplete.json'), 'evaluate'));
    expect(String(incomplete?.text)).toMatch(/^incomplete\.json has \d+ problems?:/);
  });

  it('offers the blank template when evaluate comes without a file', async () => {
    const [note, template, workbook] = await say('evaluate', PRIYA, 3);
    expect(String(note?.text)).toContain('Attach your evaluation');
    expect(consentOf(template).name).toBe('TDA evaluation.json');
    expect(consentOf(workbook).name).toBe('TDA evaluation.xlsx');
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load((await accept(workbook)) as unknown as ArrayBuffer);
    expect(blank.getWorksheet('Evaluation')?.getCell('C9').value).toBe('Alignment with Organisational Goals');
  });

  it('scores an evaluation filled in on the Excel template, as it scores the JSON', async () => {
    const [ranking, workbook] = await bot.exchange(uploadMessage(bot, PRIYA, 'evaluation.xlsx', servedUrl(bot, 'evaluation.xlsx'), 'evaluate'), 3);
    expect(cardOf(ranking)).toContain('Housing repairs scheduling');
    expect(cardOf(ranking)).toContain('Supplier A');
    expect(consentOf(workbook).name).toBe('Decision record Housing repairs scheduling.xlsx');
  });

  it('says which cell of an Excel evaluation is wrong', async () => {
    const [reply] = await bot.exchange(uploadMessage(bot, PRIYA, 'misscored.xlsx', servedUrl(bot, 'misscored.xlsx'), 'evaluate'));
    expect(String(reply?.text)).toContain('misscored.xlsx has 1 problem:');
    expect(String(reply?.text)).toContain('Scores!D7: "four" is not a score — write a whole number from 0 to 5');
  });
});

describe('publish: the Transparency Code file and the OCDS package in Teams', () => {
  let bot: Harness;
  let bare: Harness;
  const audit = { actor: 'test', source: 'test' };

  /** 2026Q3 is the last complete quarter on 26 November 2026: one contract each listed, marked and left out for each reason. */
  async function seed(store: Harness['store']): Promise<void> {
    await store.contracts.upsert(makeContract({ reference: 'CON-LISTED', startDate: '2026-04-01', endDate: '2029-03-31', value: { total: 90000 } }), audit);
    await store.contracts.upsert(makeContract({ reference: 'CON-NOVALUE', startDate: '2026-04-01', endDate: '2027-03-31', value: {} }), audit);
    await store.contracts.upsert(makeContract({ reference: 'CON-SMALL', startDate: '2026-04-01', endDate: '2027-03-31', value: { total: 4000 } }), audit);
    await store.contracts.upsert(makeContract({ reference: 'CON-ENDED', startDate: '2024-04-01', endDate: '2026-05-31', value: { total: 60000 } }), audit);
    await store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-LISTED', name: 'Availability', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2026-04-01' }), audit);
    await store.performance.recordResults([{ contract: 'CON-LISTED', kpi: 'Availability', periodStart: '2026-07-01', periodEnd: '2026-09-30', value: 95, enteredBy: PRIYA.email, enteredAt: '2026-10-02T09:00:00Z' }], audit);
  }

  beforeAll(async () => {
    bot = await startFilesHarness({ OCDS_OCID_PREFIX: 'ocds-abc123', OCDS_PUBLISHER: 'Anytown Council' });
    await seed(bot.store);
    bare = await startFilesHarness();
    await seed(bare.store);
  });
  afterAll(async () => {
    await bot?.close();
    await bare?.close();
  });

  const accept = async (harness: Harness, activity: Record<string, unknown> | undefined) => {
    const consent = consentOf(activity);
    const before = harness.connector.uploads.length;
    await harness.exchange(fileConsentInvoke(harness, PRIYA, 'accept', consent.fileId, consent.name));
    return harness.connector.uploads[before]?.raw ?? Buffer.alloc(0);
  };

  it('sends the last complete quarter\'s Transparency file and a valid OCDS package with KPI results, saying what was left out and why', async () => {
    const [card, transparency, ocds] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'publish', personal(PRIYA)), 3);
    const shown = cardOf(card);
    expect(shown).toContain('Publishing 2026Q3');
    expect(shown).toContain('**Transparency Code file**: 2 contracts');
    expect(shown).toContain('no value recorded (check whether each is over £5,000): 1 contract (CON-NOVALUE)');
    expect(shown).toContain('worth £5,000 or less (the Code publishes contracts over £5,000): 1 contract (CON-SMALL)');
    expect(shown).toContain('ended before 1 Jul 2026: 1 contract (CON-ENDED)');
    expect(shown).toContain('**OCDS package**: 4 contracts');
    expect(shown).toContain('1 implementation');
    expect(Buffer.byteLength(shown)).toBeLessThan(28 * 1024);

    expect(consentOf(transparency).name).toBe('Transparency 2026Q3.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await accept(bot, transparency)) as unknown as ArrayBuffer);
    const references = workbook.worksheets[0]!.getColumn(1).values.slice(2).sort();
    expect(references).toEqual(['CON-LISTED', 'CON-NOVALUE']);

    expect(consentOf(ocds).name).toBe('OCDS 2026-11-26.json');
    const pkg = JSON.parse((await accept(bot, ocds)).toString('utf8'));
    expect(createOcdsValidator()(pkg).errors).toEqual([]);
    expect(pkg.publisher).toEqual({ name: 'Anytown Council' });
    const implementation = pkg.releases.find((r: { tag: string[] }) => r.tag[0] === 'implementation');
    expect(implementation.contracts[0].implementation.metrics[0].observations[0].measureClassification).toMatchObject({ id: 'below', description: 'Requires improvement' });
  });

  it('takes a quarter, and says how to write one it cannot read', async () => {
    const [card] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'publish 2026Q2', personal(PRIYA)), 3);
    expect(cardOf(card)).toContain('Publishing 2026Q2');
    expect(cardOf(card)).toContain('**Transparency Code file**: 3 contracts');
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'publish 2026Q5', personal(PRIYA)));
    expect(String(reply?.text)).toContain('"2026q5" is not a quarter: write the year and Q1 to Q4');
  });

  it('leaves the OCDS package out, naming the settings to add, when the bot has no OCDS prefix or publisher', async () => {
    const [card, transparency] = await bare.exchange(teamsMessage(bare.connector.serviceUrl, 'publish', personal(PRIYA)), 2);
    expect(cardOf(card)).toContain('**OCDS package**: not made. Ask your administrator to set OCDS_OCID_PREFIX and OCDS_PUBLISHER');
    expect(consentOf(transparency).name).toBe('Transparency 2026Q3.xlsx');
  });

  it('keeps publishing to procurement and administrators, and answers a channel in the asker\'s personal chat', async () => {
    const [refusal] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'publish', personal(FEMI)));
    expect(String(refusal?.text)).toContain('Sorry, only procurement');
    const sent = await bot.exchange(teamsMessage(bot.connector.serviceUrl, '<at>Contract Steward</at> publish', inChannel(PRIYA)), 4);
    const channel = sent.filter((a) => (a.conversation as { id: string }).id === '19:procurement@thread.tacv2');
    expect(channel.map((a) => a.text)).toEqual(["I've sent the details to you in a personal chat."]);
    expect(sent.filter((a) => (a.conversation as { id: string }).id !== '19:procurement@thread.tacv2').map((a) => consentOrCard(a))).toEqual(['card', 'Transparency 2026Q3.xlsx', 'OCDS 2026-11-26.json']);
  });
});

function consentOrCard(activity: Record<string, unknown>): string {
  const attachments = (activity.attachments ?? []) as { contentType: string; name?: string }[];
  return attachments[0]?.contentType === 'application/vnd.microsoft.card.adaptive' ? 'card' : (attachments[0]?.name ?? '');
}
