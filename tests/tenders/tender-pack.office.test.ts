import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildTenderPack, type TenderPack } from '@contract-steward/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf } from '../support/libreoffice.js';
import { readPdf as readPdfPages, screenshotFirstPage } from '../support/pdf.js';
import { readZipEntry } from '../support/read-zip-entry.js';
import { steward } from '../support/run-steward.js';

const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL('../../examples/tender-pack.example.json', import.meta.url));
// Whitespace aside; a line may break after the hyphen of "machine-readable".
const normalise = (text: string) => text.replace(/-\s+/g, '-').replace(/\s+/g, ' ');

/** The PDF's page count and its text as pdftotext (poppler) lays it out, so a number stays beside its clause. */
async function readPdf(pdf: string): Promise<{ pages: number; text: string }> {
  const info = (await run('pdfinfo', [pdf])).stdout;
  const text = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).stdout;
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0), text: normalise(text) };
}

let pack: TenderPack;
let word: { pages: number; text: string };
let notes: { pages: number; text: string };
let excel: { pages: number; text: string };
/** Every page's paper size, from pdfinfo, per document. */
const paper = new Map<string, string[]>();
/** The matrix after LibreOffice opened it and saved it again as .xlsx. */
let resaved: ExcelJS.Worksheet;
let resavedXml: string;
let resavedStyles: string;

/** Whether the cell at `ref` is locked, read from the sheet and style XML (exceljs misreads LibreOffice's). */
function lockedInXml(ref: string): boolean {
  const style = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(resavedXml)?.[1] ?? 0);
  const formats = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(resavedStyles)?.[1] ?? '';
  const format = formats.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)?.[style] ?? '';
  return !/locked="(false|0)"/.test(format);
}

/** Opens the workbook in LibreOffice and saves it again, as a supplier using LibreOffice would. */
async function resaveInLibreOffice(xlsx: string, outDir: string): Promise<string> {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', xlsx, '--outdir', outDir], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, 'matrix.xlsx');
}

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'tender-office-'));
  const built = buildTenderPack(JSON.parse(readFileSync(EXAMPLE, 'utf8')), { date: '2026-11-26' });
  if (!built.success) throw new Error(JSON.stringify(built.problems));
  pack = built.value;
  for (const out of ['pack.docx', 'matrix.xlsx']) {
    const result = await steward(['tender-pack', '--options', EXAMPLE, '--out', join(folder, out), '--date', '2026-11-26', '--council', 'Exampleton Borough Council']);
    expect(result.code, result.stderr).toBe(0);
  }
  const pdfs = { word: await convertToPdf(join(folder, 'pack.docx'), folder), notes: await convertToPdf(join(folder, 'pack officer notes.docx'), folder), excel: await convertToPdf(join(folder, 'matrix.xlsx'), folder) };
  word = await readPdf(pdfs.word);
  notes = await readPdf(pdfs.notes);
  excel = await readPdf(pdfs.excel);
  for (const [name, pdf] of Object.entries(pdfs)) paper.set(name, (await readPdfPages(pdf)).pageSizes.map((p) => p.name));
  await screenshotFirstPage(pdfs.word, 'tender-pack-word-page-1');
  await screenshotFirstPage(pdfs.excel, 'tender-compliance-matrix-page-1');
  const resavedDir = join(folder, 'resaved');
  mkdirSync(resavedDir);
  const workbook = new ExcelJS.Workbook();
  const resavedFile = await resaveInLibreOffice(join(folder, 'matrix.xlsx'), resavedDir);
  await workbook.xlsx.readFile(resavedFile);
  resavedXml = readZipEntry(readFileSync(resavedFile), 'xl/worksheets/sheet1.xml') ?? '';
  resavedStyles = readZipEntry(readFileSync(resavedFile), 'xl/styles.xml') ?? '';
  const sheet = workbook.getWorksheet('Compliance matrix');
  if (!sheet) throw new Error('LibreOffice lost the compliance matrix sheet');
  resaved = sheet;
}, 240_000);

describe('the tender pack in LibreOffice', () => {
  it('prints every document on A4, the Word pack and the matrix within a few pages, with no errors', () => {
    for (const [name, sizes] of paper) expect(sizes.length > 0 && sizes.every((size) => size === 'A4'), name).toBe(true);
    expect(word.pages).toBeGreaterThanOrEqual(2);
    expect(word.pages).toBeLessThanOrEqual(4);
    expect(excel.pages).toBeGreaterThanOrEqual(1);
    expect(excel.pages).toBeLessThanOrEqual(4);
    for (const text of [word.text, excel.text]) expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV|#N\/A/);
  });

  it('heads the Word pack for suppliers as the council\'s Appendix M, with no officer annex', () => {
    expect(word.text).toMatch(/^\s*Exampleton Borough Council Appendix M — Data access and API requirements Revenues and benefits e-forms platform/);
    expect(word.text).toContain('CCC-2027-014');
    expect(word.text).toContain('Appendix M, version 1.0.0 (26 November 2026)');
    expect(word.text).toContain(`page 1 of ${word.pages}`);
    expect(word.text).not.toContain('appendix-m-1.0.0');
    expect(word.text).not.toContain('Guidance for the procurement officer');
  });

  it('puts the guidance in the officer\'s notes, marked not for suppliers', () => {
    expect(notes.text).toContain('Not for issue to suppliers.');
    expect(notes.text).toContain('Guidance for the procurement officer');
  });

  it('shows every clause of the Word pack with its number and wording', () => {
    for (const clause of pack.sections.flatMap((s) => s.clauses)) {
      expect(word.text, clause.id).toContain(normalise(`${clause.number} ${clause.text}`));
      for (const item of clause.items) expect(word.text).toContain(item);
    }
  });

  it('opens the Excel compliance matrix as pages with every clause id and the response columns', () => {
    expect(excel.pages).toBeGreaterThanOrEqual(1);
    expect(excel.text).toContain('Compliance matrix: Revenues and benefits e-forms platform');
    expect(excel.text).toContain('Exampleton Borough Council');
    expect(excel.text).toContain("Supplier's legal name");
    expect(excel.text).toContain('Signed for the supplier by (name and role)');
    // Counts below the clauses, recalculated: nothing answered yet.
    expect(excel.text).toMatch(/Yes 0 Partial 0 No 0 Not yet answered (\d+)/);
    expect(Number(/Not yet answered (\d+)/.exec(excel.text)?.[1])).toBe(pack.sections.flatMap((s) => s.clauses).filter((c) => c.needsResponse).length);
    for (const header of ['Clause id', 'Requirement', 'Supplier response', 'Compliant', 'Evidence / reference']) expect(excel.text).toContain(header);
    for (const clause of pack.sections.flatMap((s) => s.clauses)) expect(excel.text).toMatch(new RegExp(`${clause.id.replace('.', '\\.')}\\b`));
    expect(excel.text).toContain('All APIs must come with comprehensive documentation.');
  });

  // Headless LibreOffice has no window, so it saves no view settings (the frozen header);
  // tender-compliance-matrix.test.ts checks the frozen pane in the file we write.
  it('keeps the drop-down and the locking when LibreOffice saves the matrix again', () => {
    let row: ExcelJS.Row | undefined;
    resaved.eachRow((r) => {
      if (r.getCell(1).value === 'DE-1.1') row = r;
    });
    const validation = row?.getCell(5).dataValidation;
    expect(validation?.type).toBe('list');
    expect(validation?.formulae?.[0]).toBe('"Yes,Partial,No"');
    // LibreOffice writes sheet="true", which exceljs does not read back, so look at the XML.
    expect(resavedXml).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    const at = (column: string) => `${column}${row?.number ?? 0}`;
    for (const column of ['A', 'B', 'C']) expect(lockedInXml(at(column)), at(column)).toBe(true);
    for (const column of ['D', 'E', 'F', 'G']) expect(lockedInXml(at(column)), at(column)).toBe(false);
  });
});
