import { writeTenderComplianceMatrix } from '../excel/tender-compliance-matrix.js';
import type { IsoDate } from '../shared/iso-date.js';
import { ok, type Result } from '../shared/problem.js';
import { buildTenderPack, type TenderPack } from '../tenders/build-pack.js';
import { renderPackMarkdown } from '../tenders/render-pack-markdown.js';
import { writeTenderPackDocx, writeTenderPackOfficerDocx } from '../word/tender-pack-docx.js';
import type { DocumentIdentity } from '../excel/workbook-style.js';

/**
 * The files a tender pack comes as: the Word clause pack and the compliance matrix (both for
 * suppliers), the officer's notes (guidance and record of choices, never for suppliers), Markdown.
 */
export type TenderPackFormat = 'docx' | 'xlsx' | 'officer-docx' | 'md';

export interface TenderPackFile {
  readonly format: TenderPackFormat;
  /** `Tender pack REF.docx`, `Tender pack REF compliance matrix.xlsx`, `Tender pack REF officer notes.docx`, `Tender pack REF.md`. */
  readonly name: string;
  readonly bytes: Buffer;
}

export interface TenderPackMade {
  readonly pack: TenderPack;
  /** One file for each format asked for, in the order asked. */
  readonly files: readonly TenderPackFile[];
}

/**
 * Builds a tender clause pack from its options (as read from a JSON file or a card's form) and
 * renders it in the formats asked for, for the CLI and the bot alike. Nothing is stored; a
 * problem with the options comes back with its `code` and `path`, and no file is made.
 */
export async function makeTenderPack(
  options: unknown,
  input: { readonly date: IsoDate; readonly formats: readonly TenderPackFormat[]; readonly identity?: DocumentIdentity | undefined },
): Promise<Result<TenderPackMade>> {
  const built = buildTenderPack(options, { date: input.date });
  if (!built.success) return built;
  const pack = built.value;
  const files: TenderPackFile[] = [];
  for (const format of input.formats) files.push({ format, name: fileNameOf(pack, format), bytes: await render(pack, format, input.identity) });
  return ok({ pack, files });
}

async function render(pack: TenderPack, format: TenderPackFormat, identity: DocumentIdentity | undefined): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return writeTenderPackDocx(pack, { identity });
    case 'xlsx':
      return writeTenderComplianceMatrix(pack, { identity });
    case 'officer-docx':
      return writeTenderPackOfficerDocx(pack, { identity });
    case 'md':
      return Buffer.from(renderPackMarkdown(pack), 'utf8');
  }
}

function fileNameOf(pack: TenderPack, format: TenderPackFormat): string {
  const stem = `Tender pack ${pack.reference}`;
  if (format === 'xlsx') return `${stem} compliance matrix.xlsx`;
  if (format === 'officer-docx') return `${stem} officer notes.docx`;
  return `${stem}.${format}`;
}
