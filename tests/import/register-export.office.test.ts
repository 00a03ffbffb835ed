import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRegisterWorkbook } from '@contract-steward/core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContract } from '../support/contracts.js';
import { convertToPdf } from '../support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../support/pdf.js';

const folder = mkdtempSync(join(tmpdir(), 'steward-register-office-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the register export in LibreOffice', () => {
  it('prints on A4 landscape, a few pages across, the header and reference repeated on every page', async () => {
    const contracts = Array.from({ length: 60 }, (_, i) =>
      makeContract({ reference: `CON-${String(i + 1).padStart(4, '0')}`, title: i % 7 === 0 ? 'Revenues and benefits e-forms, with the citizen portal, integrations and hosting' : 'Library management system' }),
    );
    const xlsx = join(folder, 'register.xlsx');
    await writeRegisterWorkbook(xlsx, contracts, { identity: { councilName: 'Exampleton Borough Council' } });
    const pdf = await convertToPdf(xlsx, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4' && p.landscape)).toBe(true);
    // 48 columns fitted to a few pages across (not 1, unreadably small; not 10), 60 rows on one or two pages down.
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(10);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The Reference header and a reference print on every page, as the repeated column.
    expect(text.match(/Reference/g)?.length).toBeGreaterThanOrEqual(pages);
    expect(text.match(/CON-0001/g)?.length).toBeGreaterThanOrEqual(Math.min(pages, 3));
    await screenshotFirstPage(pdf, 'register-export-page-1');
  });
});
