import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateOptions, summariseEvaluation, type EvaluationResult } from '../evaluation/evaluate-options.js';
import type { EvaluationInput } from '../evaluation/evaluation.schema.js';
import { TDA_CRITERIA } from '../evaluation/criteria.js';
import { DECISION_ROWS, writeDecisionRecordWorkbook } from './decision-record-workbook.js';
import { convertToPdf, recalculatedXlsx } from '../../../../tests/support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../../../../tests/support/pdf.js';

const OPTIONS = { date: '2026-03-12', identity: { councilName: 'Exampleton Borough Council' } } as const;
const folder = mkdtempSync(join(tmpdir(), 'steward-decision-record-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as EvaluationInput;

function evaluated(input: unknown): EvaluationResult {
  const result = evaluateOptions(input);
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/**
 * Drops every cached formula result, has LibreOffice recalculate and save the workbook,
 * and reads it back: the values are LibreOffice's, not ours.
 */
async function recalculatedInLibreOffice(bytes: Buffer, name: string, edit: (workbook: ExcelJS.Workbook) => void = () => undefined): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(workbook);
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && 'formula' in value && value.formula) cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  const input = join(folder, 'in', `${name}.xlsx`);
  mkdirSync(join(folder, 'in'), { recursive: true });
  writeFileSync(input, Buffer.from(await workbook.xlsx.writeBuffer()));

  const output = await recalculatedXlsx(input, join(folder, 'out'));
  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  return recalculated;
}

function valueOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value as { result?: unknown } | null;
  return value && typeof value === 'object' && 'result' in value ? value.result : value;
}

function decisionRows(workbook: ExcelJS.Workbook, count: number) {
  const sheet = workbook.getWorksheet('Decision');
  if (!sheet) throw new Error('no Decision sheet');
  return Array.from({ length: count }, (_, i) => {
    const row = sheet.getRow(DECISION_ROWS.header + 1 + i);
    const rank = valueOf(row.getCell(1));
    return {
      rank: typeof rank === 'number' ? rank : null,
      option: valueOf(row.getCell(2)),
      eligible: valueOf(row.getCell(3)) === 'Yes',
      qualityScore: Math.round(Number(valueOf(row.getCell(4))) * 100) / 100,
      totalScore: Math.round(Number(valueOf(row.getCell(6))) * 100) / 100,
      undiscountedWholeLifeCost: Math.round(Number(valueOf(row.getCell(7))) * 100) / 100,
      wholeLifeCost: Math.round(Number(valueOf(row.getCell(8))) * 100) / 100,
      presentValueBenefits: Math.round(Number(valueOf(row.getCell(9))) * 100) / 100,
      npv: Math.round(Number(valueOf(row.getCell(10))) * 100) / 100,
    };
  });
}

describe('the Excel decision record, recalculated by LibreOffice', () => {
  it('gives the same ranking, scores, whole-life costs and NPVs as the JSON output', async () => {
    const result = evaluated(example);
    const recalculated = await recalculatedInLibreOffice(await writeDecisionRecordWorkbook(result, OPTIONS), 'example');
    const json = summariseEvaluation(result).ranking.map(({ rank, option, eligible, qualityScore, totalScore, undiscountedWholeLifeCost, wholeLifeCost, presentValueBenefits, npv }) => ({
      rank,
      option,
      eligible,
      qualityScore,
      totalScore,
      undiscountedWholeLifeCost,
      wholeLifeCost,
      presentValueBenefits,
      npv,
    }));
    expect(decisionRows(recalculated, json.length)).toEqual(json);
    expect(valueOf(recalculated.getWorksheet('Criteria')!.getCell('D14'))).toBe(100);
    expect(Number(valueOf(recalculated.getWorksheet('Cash flows')!.getCell('F6')))).toBeCloseTo(1 / 1.035, 10);
  });

  it('combines quality and price with live formulas when a price weight is set', async () => {
    const result = evaluated({ ...example, priceWeight: 60 });
    const recalculated = await recalculatedInLibreOffice(await writeDecisionRecordWorkbook(result, OPTIONS), 'priced');
    const json = summariseEvaluation(result).ranking;
    const rows = decisionRows(recalculated, json.length);
    expect(rows.map((r) => [r.option, r.rank, r.totalScore])).toEqual(json.map((r) => [r.option, r.rank, r.totalScore]));
    // Supplier B has the lowest eligible whole-life cost, so it takes all 60 price marks and
    // overtakes Supplier A: 69 × 0.4 + 60 = 87.6 against 76.33 × 0.4 + 60 × 211,572 / 230,452 = 85.6.
    expect(rows[0]).toMatchObject({ option: 'Supplier B', rank: 1, totalScore: 87.6 });
  });

  it('recommends the live leader, and names the other supplier once a weight changes in the file', async () => {
    const result = evaluated(example);
    const bytes = await writeDecisionRecordWorkbook(result, OPTIONS);
    const asWritten = (await recalculatedInLibreOffice(bytes, 'leader')).getWorksheet('Decision')!;
    expect(valueOf(asWritten.getCell(`C${DECISION_ROWS.leader}`))).toBe('Supplier A');
    expect(valueOf(asWritten.getCell(`C${DECISION_ROWS.recommendation}`))).toBe(
      'Recommendation: Supplier A, with 76.33 out of 100, a whole-life cost of £230,452 (present value) and a net present value of £17,876.',
    );
    expect(valueOf(asWritten.getCell(`C${DECISION_ROWS.changed}`))).toBe('The live ranking agrees with the recommendation as evaluated.');

    // The record says Supplier B wins once risk weighs more than 34.15%: give it 40, the rest in proportion.
    const reweighted = (
      await recalculatedInLibreOffice(bytes, 'reweighted', (workbook) => {
        const criteria = workbook.getWorksheet('Criteria')!;
        TDA_CRITERIA.forEach((criterion, i) => {
          const cell = criteria.getCell(`D${4 + i}`);
          cell.value = criterion.id === 'risk' ? 40 : (Number(cell.value) * 60) / 90;
        });
      })
    ).getWorksheet('Decision')!;
    expect(valueOf(reweighted.getCell(`C${DECISION_ROWS.leader}`))).toBe('Supplier B');
    expect(String(valueOf(reweighted.getCell(`C${DECISION_ROWS.recommendation}`)))).toMatch(/^Recommendation: Supplier B, with \d+\.\d\d out of 100/);
    expect(valueOf(reweighted.getCell(`C${DECISION_ROWS.changed}`))).toBe(
      'The current leader is not the option recommended on 12 March 2026: a weight or score has changed since. Score the evaluation again before the TDA decides.',
    );
    // What was evaluated on the day stays as it was, and says so.
    expect(valueOf(reweighted.getCell(`A${DECISION_ROWS.asEvaluated}`))).toBe('As evaluated on 12 March 2026');
    expect(String(valueOf(reweighted.getCell(`C${DECISION_ROWS.asEvaluated}`)))).toContain('Recommendation: Supplier A');
  });

  it('prints on A4 with the council, title and page numbers, and no formula errors', async () => {
    const xlsx = join(folder, 'decision-record.xlsx');
    writeFileSync(xlsx, await writeDecisionRecordWorkbook(evaluated(example), OPTIONS));
    const pdf = await convertToPdf(xlsx, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(16);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain('Housing repairs scheduling: TDA decision record');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain('Current leader Supplier A');
    expect(text).toContain('Draft: for approval by the Technical Design Authority');
    expect(text).toMatch(/Name Role Date Signature/);
    await screenshotFirstPage(pdf, 'tda-decision-record-page-1');
  });
});
