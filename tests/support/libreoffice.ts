import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../packages/core/src/excel/parse-csv.js';

const run = promisify(execFile);

/**
 * A fresh LibreOffice profile that recalculates every formula when it opens an .xlsx (by
 * default it trusts the cached results), so a conversion shows what Excel would compute.
 */
function recalculatingProfile(): string {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

async function soffice(args: readonly string[], outDir: string): Promise<void> {
  const profile = recalculatingProfile();
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args, '--outdir', outDir], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens an .xlsx in LibreOffice, recalculates it, and returns every sheet as rows of raw
 * cell values (not as formatted), keyed by sheet name.
 */
export async function recalculatedSheets(xlsx: string): Promise<Map<string, string[][]>> {
  const outDir = join(tmpdir(), `lo-out-${randomBytes(6).toString('hex')}`);
  mkdirSync(outDir);
  // Filter options: comma, double quote, UTF-8, from line 1, default columns, en-US, then
  // "detect special numbers", no "as shown", no formulas, ... and -1: one file per sheet.
  await soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', xlsx], outDir);
  const stem = basename(xlsx, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(outDir)) {
    if (!file.startsWith(`${stem}-`) || !file.endsWith('.csv')) continue;
    sheets.set(file.slice(stem.length + 1, -4), [...parseCsv(readFileSync(join(outDir, file), 'utf8'))]);
  }
  rmSync(outDir, { recursive: true, force: true });
  return sheets;
}

/** Opens an .xlsx in LibreOffice, recalculates it and saves it as .xlsx in `outDir`; returns that path. */
export async function recalculatedXlsx(xlsx: string, outDir: string): Promise<string> {
  await soffice(['--convert-to', 'xlsx', xlsx], outDir);
  return join(outDir, basename(xlsx));
}

/** Converts a workbook to PDF with LibreOffice; returns the PDF's path in `outDir`. */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  await soffice(['--convert-to', 'pdf', file], outDir);
  return join(outDir, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}
