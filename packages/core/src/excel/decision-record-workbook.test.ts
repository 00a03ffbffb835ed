import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateOptions, type EvaluationResult } from '../evaluation/evaluate-options.js';
import { writeDecisionRecordWorkbook } from './decision-record-workbook.js';

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as {
  options: { name: string; scores: { rationale: string }[] }[];
};

function evaluated(input: unknown): EvaluationResult {
  const result = evaluateOptions(input);
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function load(result: EvaluationResult): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeDecisionRecordWorkbook(result, { date: '2026-03-12', identity: { councilName: 'Exampleton Borough Council' } })) as unknown as ArrayBuffer);
  return workbook;
}

describe('the Excel decision record', () => {
  it('has a sheet for the decision, the criteria, each evaluator, the combined scores, the gates and the cash flows', async () => {
    const workbook = await load(evaluated(example));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Decision',
      'Criteria',
      'Evaluator 1',
      'Evaluator 2',
      'Evaluator 3',
      'Combined',
      'Gates',
      'Cash flows',
    ]);
  });

  it('computes the quality score with SUMPRODUCT over the weights, caching the value we computed', async () => {
    const workbook = await load(evaluated(example));
    const cell = workbook.getWorksheet('Combined')!.getCell('D14').value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toBe('SUMPRODUCT($C$4:$C$13,D4:D13)/5');
    expect(cell.result).toBeCloseTo(76.3333, 4);
    const mean = workbook.getWorksheet('Combined')!.getCell('D5').value as ExcelJS.CellFormulaValue;
    expect(mean.formula).toBe("AVERAGE('Evaluator 1'!B5,'Evaluator 2'!B5,'Evaluator 3'!B5)");
  });

  it('writes a moderated score as the agreed value, not a formula', async () => {
    const workbook = await load(evaluated(example));
    expect(workbook.getWorksheet('Combined')!.getCell('E8').value).toBe(4);
  });

  it('discounts each cash flow with a Green Book formula and sums present values per option', async () => {
    const workbook = await load(evaluated(example));
    const sheet = workbook.getWorksheet('Cash flows')!;
    expect((sheet.getCell('F6').value as ExcelJS.CellFormulaValue).formula).toBe('1/(1.035^MIN(B6,30)*1.03^MAX(MIN(B6,75)-30,0)*1.025^MAX(MIN(B6,125)-75,0))');
    expect(sheet.getCell('G6').numFmt).toContain('£');
    const decision = workbook.getWorksheet('Decision')!;
    expect(decision.getCell('B13').value).toBe('Supplier A');
    expect((decision.getCell('J13').value as ExcelJS.CellFormulaValue).result).toBeCloseTo(17_876.31, 2);
  });

  it('recommends the live leader with a formula, beside the recommendation and sensitivity as evaluated on the day', async () => {
    const decision = (await load(evaluated(example))).getWorksheet('Decision')!;
    expect(decision.getCell('A2').value).toBe('Exampleton Borough Council');
    expect(decision.getCell('C3').value).toBe('Draft: for approval by the Technical Design Authority');
    expect(decision.getCell('C4').value).toBe('12 March 2026');
    expect(decision.getCell('C5').value).toBe('a.khan@council.gov.uk; b.jones@council.gov.uk; c.patel@council.gov.uk');
    const leader = decision.getCell('C7').value as ExcelJS.CellFormulaValue;
    expect(leader.formula).toContain('INDEX($B$13:$B$15,MATCH(1,$A$13:$A$15,0))');
    expect(leader.result).toBe('Supplier A');
    const live = decision.getCell('C8').value as ExcelJS.CellFormulaValue;
    expect(live.formula).toContain('"Recommendation: "&C7');
    expect(live.result).toBe('Recommendation: Supplier A, with 76.33 out of 100, a whole-life cost of £230,452 (present value) and a net present value of £17,876.');
    expect(decision.getCell('A9').value).toBe('As evaluated on 12 March 2026');
    expect(decision.getCell('C9').value).toContain('rises from 10% above 34.15%');
    expect((decision.getCell('C10').value as ExcelJS.CellFormulaValue).formula).toContain('C7="Supplier A"');
  });

  it('keeps formula-like text from evaluators as text', async () => {
    const hostile = structuredClone(example);
    hostile.options[0]!.scores[0]!.rationale = '=HYPERLINK("http://evil","x")';
    const workbook = await load(evaluated(hostile));
    expect(workbook.getWorksheet('Evaluator 1')!.getCell('C4').value).toBe('=HYPERLINK("http://evil","x")');
  });
});
