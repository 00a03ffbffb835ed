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
import { APPENDIX_M_LABEL, CLAUSE_LIBRARY_SOURCE, appendixVersionLabel } from '../tenders/clause-library.js';
import type { DocumentIdentity } from '../excel/workbook-style.js';
import { describeInclusion } from '../tenders/render-pack-markdown.js';
import { packRecord } from '../tenders/pack-record.js';
import { formatLongDate } from '../shared/calendar.js';

const FONT = 'Arial';
/** A4 with 2 cm margins leaves 17 cm of text width: 9638 twentieths of a point. */
const TEXT_WIDTH = 9638;
const GREY = 'F2F2F2';
const BULLETS = 'tender-pack-bullets';
const CHARGES_LABELS = { 'no-charge': 'no additional charge', 'declare-charges': 'all charges stated' } as const;

export interface TenderPackDocxOptions {
  /** Who the pack is from: the council at the top of the first page and in every footer. */
  readonly identity?: DocumentIdentity | undefined;
}

/**
 * The pack as the Word document the council sends to suppliers, to slot into an invitation to
 * tender as its Appendix M: the council, the label, the tender, the preamble and the numbered
 * clauses by section. Nothing for the officer's eyes only: the guidance and the record of
 * choices are in `writeTenderPackOfficerDocx`.
 */
export async function writeTenderPackDocx(pack: TenderPack, options: TenderPackDocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(
    wordDocument(pack, {
      title: `${pack.title}: ${APPENDIX_M_LABEL}`,
      description: `${appendixVersionLabel(pack.libraryVersion, formatLongDate(pack.date))}, clause library ${pack.libraryVersion}`,
      footer: `${pack.reference} · ${APPENDIX_M_LABEL}`,
      identity: options.identity,
      children: [...titleBlock(pack, options.identity), ...clauses(pack)],
    }),
  );
}

/**
 * The officer's companion to the pack, never sent to suppliers: the clause library version
 * used, the record of choices (clauses left out with their reasons, a reworded clause beside
 * the original) and, when the options ask for it, the guidance on each clause.
 */
export async function writeTenderPackOfficerDocx(pack: TenderPack, options: TenderPackDocxOptions = {}): Promise<Buffer> {
  const council = options.identity?.councilName;
  return Packer.toBuffer(
    wordDocument(pack, {
      title: `${pack.title}: officer's notes on Appendix M`,
      description: `Officer's notes for tender ${pack.reference}, clause library ${pack.libraryVersion}`,
      footer: `${pack.reference} · Officer's notes · not for issue to suppliers`,
      identity: options.identity,
      children: [
        ...(council ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: council, bold: true, size: 24, color: '595959' })] })] : []),
        new Paragraph({ style: 'Title', children: [new TextRun(pack.title)] }),
        new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: `Officer's notes on ${APPENDIX_M_LABEL}`, size: 28, color: '595959' })] }),
        notForIssue('Not for issue to suppliers. ', 'These notes explain the clauses and record where the pack departs from Appendix M. Send suppliers the pack and the compliance matrix only.'),
        keyValueTable([
          ['Tender reference', pack.reference],
          ['Date', formatLongDate(pack.date)],
          ['Clause library', `${pack.libraryVersion} (${appendixVersionLabel(pack.libraryVersion, formatLongDate(pack.date))})`],
        ]),
        ...recordSection(pack),
        ...(pack.includeGuidance ? guidanceSection(pack) : []),
      ],
    }),
  );
}

interface DocumentParts {
  readonly title: string;
  readonly description: string;
  readonly footer: string;
  readonly identity: DocumentIdentity | undefined;
  readonly children: (Paragraph | Table)[];
}

function wordDocument(pack: TenderPack, parts: DocumentParts): Document {
  return new Document({
    title: parts.title,
    subject: `Tender ${pack.reference}`,
    creator: parts.identity?.councilName ?? 'Contract Steward',
    description: parts.description,
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
        // A4
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: footer(parts.identity?.councilName ? `${parts.identity.councilName} · ${parts.footer}` : parts.footer) },
        children: parts.children,
      },
    ],
  });
}

function titleBlock(pack: TenderPack, identity: DocumentIdentity | undefined): (Paragraph | Table)[] {
  const date = formatLongDate(pack.date);
  return [
    ...(identity?.councilName ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: identity.councilName, bold: true, size: 24, color: '595959' })] })] : []),
    new Paragraph({ style: 'Title', children: [new TextRun(APPENDIX_M_LABEL)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: pack.title, size: 28, color: '595959' })] }),
    keyValueTable([
      ['Tender reference', pack.reference],
      ['Date', date],
      ['Version', appendixVersionLabel(pack.libraryVersion, date)],
    ]),
    new Paragraph({ spacing: { before: 360, after: 240 }, children: [new TextRun(pack.preamble)] }),
  ];
}

function notForIssue(bold: string, rest: string): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF2CC' },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'BF9000', space: 8 } },
    spacing: { before: 120, after: 240 },
    children: [new TextRun({ text: bold, bold: true }), new TextRun(rest)],
  });
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

function guidanceSection(pack: TenderPack): (Paragraph | Table)[] {
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
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Guidance for the procurement officer')] }),
    new Paragraph({ children: [new TextRun('What each clause is for and how to include it. It is not part of the requirements.')] }),
    ...pack.sections.map(
      (section) => new Paragraph({ children: [new TextRun({ text: `${section.number}. ${section.title}: `, bold: true }), new TextRun(`${section.scope}.`)] }),
    ),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMNS, rows: [header, ...rows] }),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `Source: ${CLAUSE_LIBRARY_SOURCE}`, size: 18, color: '595959' })] }),
  ];
}

/** The clauses left out (with reasons) and reworded (beside the original), or a line saying there are none. */
function recordSection(pack: TenderPack): Paragraph[] {
  const record = packRecord(pack);
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Record of choices')] });
  if (record.length === 0) return [heading, new Paragraph({ children: [new TextRun('The pack uses every clause of the sections chosen, in the wording of Appendix M.')] })];
  return [
    heading,
    new Paragraph({ children: [new TextRun('Where this pack departs from Appendix M, and why.')] }),
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

function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ size: 16, color: '595959', children: [`${text} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
