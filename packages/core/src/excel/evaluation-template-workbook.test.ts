import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EvaluationSchema, type EvaluationInput } from '../evaluation/evaluation.schema.js';
import { readEvaluationWorkbook, writeEvaluationTemplateWorkbook } from './evaluation-template-workbook.js';
import { flattenCellValue } from './flatten-cell-value.js';
import { minimalXlsx, type MinimalCell } from '../../../../tests/support/minimal-xlsx.js';

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as EvaluationInput;

async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeEvaluationTemplateWorkbook(example)) as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the Excel evaluation template', () => {
  it('reads the worked example back, written into the template, as the JSON gives it', async () => {
    const result = await readEvaluationWorkbook(await writeEvaluationTemplateWorkbook(example));
    const expected = EvaluationSchema.parse(example);
    delete expected.$schema;
    expect(result).toEqual({ success: true, value: expected });
  });

  it('writes a blank template with the ten rules, their guidance and a score column that only takes 0 to 5', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeEvaluationTemplateWorkbook()) as unknown as ArrayBuffer);
    const main = workbook.getWorksheet('Evaluation');
    expect(main?.getCell('C9').value).toBe('Alignment with Organisational Goals');
    expect(main?.getCell('B18').value).toBe('improvement');
    expect(String(main?.getCell('F12').value)).toContain('Technology Code of Practice');
    expect(workbook.getWorksheet('Scores')?.getCell('D7').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 5] });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Evaluation', 'Options', 'Scores', 'Cash flows', 'Moderated', 'Other benefits']);
  });

  it('reads rich text, formula results and hyperlinks as the plain values they show', async () => {
    const bytes = await edited((workbook) => {
      workbook.getWorksheet('Evaluation')!.getCell('B2').value = { richText: [{ text: 'Housing repairs ' }, { text: 'scheduling', font: { bold: true } }] };
      workbook.getWorksheet('Scores')!.getCell('D2').value = { formula: '2+2', result: 4 };
      workbook.getWorksheet('Scores')!.getCell('C2').value = { text: 'a.khan@council.gov.uk', hyperlink: 'mailto:a.khan@council.gov.uk' };
    });
    const result = await readEvaluationWorkbook(bytes);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.value.title).toBe('Housing repairs scheduling');
      expect(result.value.options[0]?.scores[0]).toMatchObject({ evaluator: 'a.khan@council.gov.uk', score: 4 });
    }
  });

  it('names the sheet and cell of each bad entry', async () => {
    const bytes = await edited((workbook) => {
      const scores = workbook.getWorksheet('Scores')!;
      scores.getCell('D7').value = 'four';
      scores.getCell('E8').value = null;
      scores.getCell('A9').value = 'Supplier Z';
      workbook.getWorksheet('Cash flows')!.getCell('B3').value = 'next year';
      workbook.getWorksheet('Options')!.getCell('C2').value = 'maybe';
    });
    const result = await readEvaluationWorkbook(bytes);
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.problems.map((p) => p.message);
    expect(messages).toEqual([
      'Options!C2: "maybe" is not pass or fail',
      'Scores!D7: "four" is not a score — write a whole number from 0 to 5',
      'Scores!E8: give the reason for this score',
      'Scores!A9: "Supplier Z" is not on the Options sheet: add it there, or correct the name',
      'Cash flows!B3: "next year" is not a year — write a whole number, 0 for now',
    ]);
    expect(result.success ? [] : result.problems[1]?.path).toEqual(['Scores', 'D7']);
  });

  it('places the cross-field rules at the cells they concern', async () => {
    const bytes = await edited((workbook) => {
      workbook.getWorksheet('Evaluation')!.getCell('D11').value = 30;
    });
    const result = await readEvaluationWorkbook(bytes);
    expect(result.success ? [] : result.problems.map((p) => p.message)).toEqual(['Evaluation!D19: The weights total 120%, not 100%: adjust them so they add up to 100.']);
  });

  it('leaves the scores of the blank template empty, so a reason written without a score is reported, not counted as 0', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeEvaluationTemplateWorkbook()) as unknown as ArrayBuffer);
    const scores = workbook.getWorksheet('Scores')!;
    const filled = new Set<number>();
    scores.eachRow((row, r) => {
      if (r === 1) return;
      expect(row.getCell(4).value, `Scores!D${r}`).toBeNull();
      row.getCell(5).value = 'Meets the need';
      // Everyone scores every row but the first.
      if (r > 2) {
        row.getCell(4).value = 3;
        filled.add(r);
      }
    });
    const main = workbook.getWorksheet('Evaluation')!;
    main.getCell('B2').value = 'Housing repairs scheduling';
    const result = await readEvaluationWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.success ? [] : result.problems.map((p) => p.message)).toEqual(['Scores!D2: give a score — a whole number from 0 to 5 (a blank is not a zero)']);
    expect(filled.size).toBeGreaterThan(10);
  });

  it('reads a workbook with inline strings and no shared strings or styles part, as openpyxl and other libraries write it', async () => {
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load((await writeEvaluationTemplateWorkbook(example)) as unknown as ArrayBuffer);
    const sheets = new Map<string, MinimalCell[][]>();
    ours.eachSheet((sheet) => {
      const rows: MinimalCell[][] = [];
      for (let r = 1; r <= sheet.rowCount; r++) {
        const cells: MinimalCell[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) {
          const value = flattenCellValue(sheet.getCell(r, c).value);
          cells.push(value === undefined ? null : typeof value === 'number' ? value : value instanceof Date ? value.toISOString() : String(value));
        }
        rows.push(cells);
      }
      sheets.set(sheet.name, rows);
    });
    const bytes = minimalXlsx(sheets);
    expect(bytes.includes('sharedStrings')).toBe(false);
    expect(bytes.includes('styles.xml')).toBe(false);
    const expected = EvaluationSchema.parse(example);
    delete expected.$schema;
    expect(await readEvaluationWorkbook(bytes)).toEqual({ success: true, value: expected });
  });

  it('says a file that is not a workbook is not one', async () => {
    const result = await readEvaluationWorkbook(Buffer.from('not a zip'));
    expect(result).toMatchObject({ success: false, problems: [{ code: 'not-a-spreadsheet', message: expect.stringContaining('not a readable .xlsx workbook') as string }] });
  });
});
