import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeEvaluationTemplateWorkbook, type EvaluationInput } from '@contract-steward/core';
import { steward } from '../support/run-steward.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../examples/evaluation.example.json', import.meta.url), 'utf8')) as EvaluationInput;

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-evaluate-excel-'));
});

const run = (args: string[]) => steward(args, { USER: 'a.khan' }, folder);

describe('steward evaluate with the Excel template', () => {
  it('writes the blank template as a workbook with --template OUT.xlsx', async () => {
    const result = await run(['evaluate', '--template', 'blank.xlsx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote the blank evaluation to ${join(folder, 'blank.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'blank.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Evaluation', 'Options', 'Scores', 'Cash flows', 'Moderated', 'Other benefits']);
    expect(workbook.getWorksheet('Scores')?.getCell('B11').value).toBe('improvement');
  });

  it('scores a filled-in workbook as it scores the same evaluation in JSON', async () => {
    writeFileSync(join(folder, 'repairs.xlsx'), await writeEvaluationTemplateWorkbook(EXAMPLE));
    writeFileSync(join(folder, 'repairs.json'), JSON.stringify(EXAMPLE));
    const fromExcel = await run(['evaluate', 'repairs.xlsx', '--json']);
    expect(fromExcel.stderr).toBe('');
    expect(fromExcel.code).toBe(0);
    expect(JSON.parse(fromExcel.stdout)).toHaveProperty('winner', 'Supplier A');
    expect(fromExcel.stdout).toBe((await run(['evaluate', 'repairs.json', '--json'])).stdout);
  });

  it('lists each problem with its sheet and cell, and exits 1', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeEvaluationTemplateWorkbook(EXAMPLE)) as unknown as ArrayBuffer);
    workbook.getWorksheet('Scores')!.getCell('D7').value = 'four';
    await workbook.xlsx.writeFile(join(folder, 'bad.xlsx'));
    const result = await run(['evaluate', 'bad.xlsx']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'bad.xlsx: Scores!D7: "four" is not a score — write a whole number from 0 to 5\nsteward: bad.xlsx has 1 problem (above): fix it and run again\n',
    );
  });

  it('says the blank template needs filling in before it can be scored', async () => {
    await run(['evaluate', '--template', 'blank.xlsx']);
    const result = await run(['evaluate', 'blank.xlsx']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('blank.xlsx: Scores!E2: give the reason for this score');
  });

  it('refuses a template name that is not .xlsx, and a missing workbook, in one line', async () => {
    const wrong = await run(['evaluate', '--template', 'blank.txt']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--template writes an Excel workbook');
    expect((await run(['evaluate', 'nope.xlsx'])).stderr).toBe('steward: cannot read nope.xlsx: no such file. Start one with: steward evaluate --template nope.xlsx\n');
  });
});
