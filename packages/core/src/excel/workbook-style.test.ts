import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';
import { fitRowHeights, headerFooter, pngSize, styleSheet, validateRange } from './workbook-style.js';

async function written(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('styleSheet', () => {
  it('prints a wide list on A4 landscape, a few pages across, with its header row repeated and filtered', async () => {
    const zip = await written((workbook) => {
      const sheet = workbook.addWorksheet('Register');
      sheet.columns = Array.from({ length: 30 }, (_, i) => ({ header: `Column ${i + 1}`, width: 16 }));
      sheet.addRow(['CON-1']);
      styleSheet(sheet, { title: 'Contracts register', identity: { councilName: 'Exampleton & District Council' }, list: { headerRow: 1, columns: 30 }, repeatRows: [1, 1] });
    });
    const sheetXml = readZipEntry(zip, 'xl/worksheets/sheet1.xml') ?? '';
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="2"[^>]*fitToHeight="0"/);
    expect(sheetXml).toContain('<autoFilter ref="A1:AD1"/>');
    expect(sheetXml).toContain('state="frozen"');
    expect(sheetXml).toContain('Exampleton &amp;&amp; District Council');
    expect(sheetXml).toContain('Page &amp;P of &amp;N');
    expect(readZipEntry(zip, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Register&apos;!$1:$1</definedName>');
  });

  it('names the font of every written cell, keeping it bold, so LibreOffice does not fall back to a serif', async () => {
    const zip = await written((workbook) => {
      const sheet = workbook.addWorksheet('Decision');
      sheet.getCell('A1').value = 'Title';
      sheet.getCell('A1').font = { bold: true, size: 14 };
      sheet.getCell('B2').value = 3;
      styleSheet(sheet, { title: 'Decision record' });
    });
    const fonts = readZipEntry(zip, 'xl/styles.xml')?.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)?.[1] ?? '';
    // exceljs's default font is first; every font the cells use has a name.
    const used = fonts.split('</font>').slice(1).filter((f) => f.includes('<font'));
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) expect(font).toContain('<name val="Arial"/>');
    expect(used.some((f) => f.includes('<b/>') && f.includes('<sz val="14"/>'))).toBe(true);
  });
});

describe('headerFooter', () => {
  it('leaves the council line out when no council is configured, rather than inventing one', () => {
    const { oddHeader } = headerFooter('TDA decision record');
    expect(oddHeader).not.toContain('&L');
    expect(oddHeader).toContain('TDA decision record');
  });
});

describe('validateRange', () => {
  it('writes one validation for a whole range, not overlapping copies', async () => {
    const zip = await written((workbook) => {
      const sheet = workbook.addWorksheet('Scores');
      validateRange(sheet, 'D2:D501', { type: 'whole', operator: 'between', formulae: [0, 5], allowBlank: true });
    });
    const xml = readZipEntry(zip, 'xl/worksheets/sheet1.xml') ?? '';
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
    expect(xml).toContain('sqref="D2:D501"');
  });
});

describe('fitRowHeights', () => {
  it('makes a row tall enough for its wrapped text', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Guidance');
    sheet.getColumn(1).width = 20;
    sheet.getCell('A1').value = 'word '.repeat(40);
    sheet.getCell('A1').alignment = { wrapText: true };
    sheet.getCell('A2').value = 'short';
    fitRowHeights(sheet);
    expect(sheet.getRow(1).height).toBeGreaterThan(100);
    expect(sheet.getRow(2).height).toBeUndefined();
  });
});

describe('pngSize', () => {
  it('reads the size from a PNG header and refuses other bytes', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000300000001008060000001f15c489', 'hex');
    expect(pngSize(png)).toEqual({ width: 48, height: 16 });
    expect(pngSize(Buffer.from('GIF89a not a png at all'))).toBeUndefined();
  });
});
