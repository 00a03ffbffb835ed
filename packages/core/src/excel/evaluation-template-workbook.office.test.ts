import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvaluationSchema, type EvaluationInput } from '../evaluation/evaluation.schema.js';
import { readEvaluationWorkbook, writeEvaluationTemplateWorkbook } from './evaluation-template-workbook.js';
import { convertToPdf, recalculatedXlsx } from '../../../../tests/support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../../../../tests/support/pdf.js';

const folder = mkdtempSync(join(tmpdir(), 'steward-evaluation-template-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as EvaluationInput;
const identity = { councilName: 'Exampleton Borough Council' };

describe('the Excel evaluation template in LibreOffice', () => {
  it('reads back the same evaluation after LibreOffice has opened and saved it', async () => {
    const input = join(folder, 'filled.xlsx');
    writeFileSync(input, await writeEvaluationTemplateWorkbook(example, { identity }));
    const saved = await recalculatedXlsx(input, join(folder, 'resaved'));
    const expected = EvaluationSchema.parse(example);
    delete expected.$schema;
    expect(await readEvaluationWorkbook(readFileSync(saved))).toEqual({ success: true, value: expected });
  });

  it('prints the blank template on A4, the guidance readable, with no formula errors', async () => {
    const xlsx = join(folder, 'evaluation-template.xlsx');
    writeFileSync(xlsx, await writeEvaluationTemplateWorkbook(undefined, { identity }));
    const pdf = await convertToPdf(xlsx, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(12);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain(`Page 1 of ${pages}`);
    // The last guidance line of rule 1 and the next rule both print: the row is tall enough.
    expect(text).toMatch(/for our residents\. 2 evaluation Comprehensive Evaluation/);
    await screenshotFirstPage(pdf, 'tda-evaluation-template-page-1');
  });
});
