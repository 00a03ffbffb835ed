import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { PackClause, TenderPack } from '../tenders/build-pack.js';
import { CLAUSE_LIBRARY_SOURCE } from '../tenders/clause-library.js';
import { describeInclusion } from '../tenders/render-pack-markdown.js';
import { packRecord } from '../tenders/pack-record.js';
import { formatLongDate } from '../shared/calendar.js';

const FONT = 'Arial';
/** A4 with 2 cm margins leaves 17 cm of text width: 9638 twentieths of a point. */
const TEXT_WIDTH = 9638;
const GREY = 'F2F2F2';
const BULLETS = 'tender-pack-bullets';
const CHARGES_LABELS = { 'no-charge': 'no additional charge', 'declare-charges': 'all charges stated' } as const;

/**
 * The pack as a Word document to paste into (or attach to) the tender: a title block, the
 * preamble, the numbered clauses by section and, when asked, the officer guidance as an annex
 * that is clearly marked for removal before issue.
 */
export async function writeTenderPackDocx(pack: TenderPack): Promise<Buffer> {
  const document = new Document({
    title: `${pack.title}: data access and API requirements`,
    subject: `Tender ${pack.reference}`,
    creator: 'Contract Steward',
    description: `Appendix M tender wording, clause library ${pack.libraryVersion}`,
    styles: {
      default: { document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 40, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 60 } } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 28, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1800, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: footer(pack) },
        children: [...titleBlock(pack), ...clauses(pack), ...(pack.includeGuidance ? guidanceAnnex(pack) : []), ...recordAnnex(pack)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function titleBlock(pack: TenderPack): (Paragraph | Table)[] {
  return [
    new Paragraph({ style: 'Title', children: [new TextRun(pack.title)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: 'Data access and API requirements', size: 28, color: '595959' })] }),
    keyValueTable([
      ['Tender reference', pack.reference],
      ['Date', formatLongDate(pack.date)],
      ['Clause library', `${pack.libraryVersion} (Appendix M, data access and API requirements)`],
    ]),
    new Paragraph({ spacing: { before: 360, after: 240 }, children: [new TextRun(pack.preamble)] }),
  ];
}

function clauses(pack: TenderPack): Paragraph[] {
  return pack.sections.flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${section.number}. ${section.title}`)] }),
    ...section.clauses.flatMap((clause) => clauseParagraphs(clause)),
  ]);
}

function clauseParagraphs(clause: PackClause): Paragraph[] {
  // A hanging indent keeps the number in its own column, as in a printed contract.
  const indent: IParagraphOptions['indent'] = clause.level === 0 ? { left: 851, hanging: 851 } : { left: 1701, hanging: 850 };
  return [
    new Paragraph({
      indent,
      tabStops: [{ type: 'left', position: clause.level === 0 ? 851 : 1701 }],
      keepLines: true,
      keepNext: clause.items.length > 0,
      children: [new TextRun({ text: clause.number, bold: true }), new TextRun({ text: '\t' }), new TextRun(clause.text)],
    }),
    ...clause.items.map(
      (item, index) =>
        new Paragraph({
          numbering: { reference: BULLETS, level: 0 },
          spacing: { after: index === clause.items.length - 1 ? 120 : 40 },
          children: [new TextRun(item)],
        }),
    ),
  ];
}

function guidanceAnnex(pack: TenderPack): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: ['Clause', 'How to include it', 'Explanation / caveat'].map((text, i) => cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })], COLUMNS[i] ?? 0, GREY)),
  });
  const rows = pack.sections.flatMap((section) =>
    section.clauses.map(
      (clause) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: clause.number, bold: true })] }),
                new Paragraph({ children: [new TextRun({ text: clause.id, color: '595959' })] }),
              ],
              COLUMNS[0] ?? 0,
            ),
            cell(
              [new Paragraph({ children: [new TextRun(describeInclusion(clause))] }), ...(clause.chargesChoice ? [new Paragraph({ children: [new TextRun({ text: `Chosen: ${CHARGES_LABELS[clause.chargesChoice]}`, italics: true })] })] : [])],
              COLUMNS[1] ?? 0,
            ),
            cell(clause.guidance.map((text) => new Paragraph({ children: [new TextRun(text)] })), COLUMNS[2] ?? 0),
          ],
        }),
    ),
  );
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Annex: guidance for the procurement officer')] }),
    new Paragraph({
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF2CC' },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'BF9000', space: 8 } },
      spacing: { after: 240 },
      children: [new TextRun({ text: 'Remove this annex before the tender is issued. ', bold: true }), new TextRun('It explains each clause for the officer preparing the tender and is not part of the requirements.')],
    }),
    ...pack.sections.map(
      (section) => new Paragraph({ children: [new TextRun({ text: `${section.number}. ${section.title}: `, bold: true }), new TextRun(`${section.scope}.`)] }),
    ),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMNS, rows: [header, ...rows] }),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `Source: ${CLAUSE_LIBRARY_SOURCE}`, size: 18, color: '595959' })] }),
  ];
}

/** The clauses left out (with reasons) and reworded (beside the original), whether or not the guidance is added. */
function recordAnnex(pack: TenderPack): Paragraph[] {
  const record = packRecord(pack);
  if (record.length === 0) return [];
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Annex: record of choices')] }),
    new Paragraph({
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF2CC' },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'BF9000', space: 8 } },
      spacing: { after: 240 },
      children: [new TextRun({ text: 'Remove this annex before the tender is issued. ', bold: true }), new TextRun('It records where this pack departs from Appendix M, and why.')],
    }),
    ...record.map((line) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, spacing: { after: 80 }, children: [new TextRun(line)] })),
  ];
}

const COLUMNS = [1300, 2300, TEXT_WIDTH - 3600];

function keyValueTable(rows: readonly (readonly [string, string])[]): Table {
  const widths = [2400, TEXT_WIDTH - 2400];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([key, value]) =>
        new TableRow({
          children: [
            cell([new Paragraph({ children: [new TextRun({ text: key, bold: true })] })], widths[0] ?? 0, GREY),
            cell([new Paragraph({ children: [new TextRun(value)] })], widths[1] ?? 0),
          ],
        }),
    ),
  });
}

function cell(children: Paragraph[], width: number, fill?: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 80, bottom: 40, left: 100, right: 100 },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children,
  });
}

function footer(pack: TenderPack): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ size: 16, color: '595959', children: [`${pack.reference} · Data access and API requirements · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
