import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@contract-steward/core';
import { afterAll, describe, expect, it } from 'vitest';
import { importRegister, problemsWorkbook } from '../../packages/core/src/use-cases/import-register.js';
import { corruptedNorfolkRegister } from '../support/corrupted-norfolk-register.js';
import { convertToPdf } from '../support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../support/pdf.js';

const folder = mkdtempSync(join(tmpdir(), 'steward-problems-office-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the problems workbook in LibreOffice', () => {
  it('prints Norfolk\'s rejected rows on a few A4 pages, each naming the council and the original row', async () => {
    const store = await openStore({ kind: 'sqlite', path: join(folder, 'steward.db') });
    const { bytes, spoiled } = corruptedNorfolkRegister();
    const report = await importRegister(store, { name: 'norfolk_cc_contracts_2015.csv', bytes }, { dryRun: true, actor: 'test' });
    await store.close();
    expect(report.rejected).toBe(spoiled);
    const xlsx = join(folder, 'norfolk problems.xlsx');
    writeFileSync(xlsx, await problemsWorkbook(report, { councilName: 'Norfolk County Council' }));
    const pdf = await convertToPdf(xlsx, join(folder, 'pdf'));
    await screenshotFirstPage(pdf, 'problems-workbook-page-1');
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    // 59 rows of 39 columns, a few pages across, and the Summary: 10 pages, not the 81 Letter pages it was.
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(16);

    expect(text).toContain('Norfolk County Council');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The original row repeats on every page across; no message starts with the file name.
    expect(text.match(/Original row/g)?.length).toBeGreaterThanOrEqual(pages - 1);
    expect(text).not.toContain('norfolk_cc_contracts_2015.csv!');
    expect(text).not.toMatch(/Organisati\s/);
  });
});
