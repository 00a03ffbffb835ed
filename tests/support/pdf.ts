import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/documents/', import.meta.url));

export interface PdfSummary {
  readonly pages: number;
  /** Every page's size, e.g. "A4" as pdfinfo (poppler) names it, and whether it is landscape. */
  readonly pageSizes: readonly { readonly name: string; readonly landscape: boolean }[];
  /** The text as pdftotext lays it out, whitespace collapsed. */
  readonly text: string;
}

/** Reads a PDF's pages, page sizes and text with poppler's pdfinfo and pdftotext. */
export async function readPdf(pdf: string): Promise<PdfSummary> {
  const info = (await run('pdfinfo', ['-f', '1', '-l', '9999', pdf])).stdout;
  const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \(([^)]+)\))?/gm)].map((m) => ({
    name: m[3] ?? 'unknown',
    landscape: Number(m[1]) > Number(m[2]),
  }));
  const text = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).stdout.replace(/\s+/g, ' ');
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0), pageSizes, text };
}

/**
 * With STEWARD_SCREENSHOTS=1, renders the PDF's first page as docs/screenshots/documents/NAME.png,
 * the picture the README shows of each document.
 */
export async function screenshotFirstPage(pdf: string, name: string): Promise<void> {
  if (process.env.STEWARD_SCREENSHOTS !== '1') return;
  const out = join(SCREENSHOTS, name);
  mkdirSync(dirname(out), { recursive: true });
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
}
