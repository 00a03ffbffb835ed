import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeEvaluationTemplateWorkbook } from '../excel/evaluation-template-workbook.js';
import { readEvaluation } from './read-evaluation.js';

const jsonBytes = readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url));

describe('readEvaluation', () => {
  it('scores the same evaluation from JSON bytes and from the Excel template', async () => {
    const fromJson = await readEvaluation(jsonBytes, 'TDA evaluation.json');
    const fromXlsx = await readEvaluation(await writeEvaluationTemplateWorkbook(JSON.parse(jsonBytes.toString('utf8'))), 'TDA evaluation.XLSX');
    expect(fromJson).toMatchObject({ success: true, value: { winner: 'Supplier A' } });
    expect(fromXlsx).toMatchObject({ success: true, value: { winner: 'Supplier A' } });
  });

  it('says the JSON is not JSON, and the workbook not a workbook, as problems with a code', async () => {
    expect(await readEvaluation(Buffer.from('{"title": '), 'e.json')).toMatchObject({ success: false, problems: [{ code: 'invalid-json', in: 'file' }] });
    expect(await readEvaluation(Buffer.from('not a zip'), 'e.xlsx')).toMatchObject({ success: false, problems: [{ code: 'not-a-spreadsheet', in: 'file' }] });
    expect(await readEvaluation(jsonBytes, 'e.docx')).toMatchObject({ success: false, problems: [{ code: 'unsupported-file-type' }] });
  });

  it('gives the evaluation problems with their JSON path', async () => {
    const result = await readEvaluation(Buffer.from(JSON.stringify({ title: 'x' })), 'e.json');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems.every((p) => p.in === 'evaluation')).toBe(true);
  });
});
