import type { ImportProblem, ImportReport } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, facts, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** Problems shown on the card; the rest are in the problems workbook. */
export const PROBLEMS_ON_CARD = 5;

function counts(report: ImportReport, verb: 'will be' | 'were'): CardElement {
  return facts([
    ['Rows read', `${report.rows} (sheet ${report.sheet})`],
    [`${verb === 'were' ? 'Created' : 'New'}`, String(report.created)],
    ['Updated', String(report.updated)],
    ['Unchanged', String(report.unchanged)],
    ['Rejected', String(report.rejected)],
    // Only when there are any, so a clean file's card stays short.
    ...(report.provisional > 0 ? [['Given a provisional reference', String(report.provisional)] as [string, string]] : []),
    ...(report.lots > 0 ? [['Kept as lots of a repeated reference', String(report.lots)] as [string, string]] : []),
    ...(report.duplicatesSkipped > 0 ? [['Repeated lines skipped', String(report.duplicatesSkipped)] as [string, string]] : []),
    ...(report.renamed.length > 0 ? [['Given their real reference', String(report.renamed.length)] as [string, string]] : []),
  ]);
}

function problemList(report: ImportReport): CardElement[] {
  if (report.problems.length === 0) return [text('✓ No problems found.', { weight: 'Bolder' })];
  const shown = report.problems.slice(0, PROBLEMS_ON_CARD);
  const more = report.problems.length - shown.length;
  return [
    text(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${more > 0 ? `, the first ${shown.length}` : ''}:`, { weight: 'Bolder', spacing: 'Medium' }),
    ...shown.map((problem) => text(`${problem.severity === 'warning' ? 'Warning: ' : ''}${escapeMarkdown(inPlainWords(problem, report.reading.headers))}`, { spacing: 'Small' })),
    ...(more > 0 ? [text(`…and ${more} more in the problems workbook.`, { isSubtle: true })] : []),
  ];
}

/** "Row 4, Expiry (column E): …" rather than the spreadsheet reference "register.csv!E4: …". */
export function inPlainWords(problem: ImportProblem, headers: readonly string[]): string {
  // Row 0 is the file as a whole (such as the buyers of an OCDS file): no row to name.
  if (problem.row === 0) return problem.message;
  const message = problem.message.replace(/^[^:]*![A-Z]*\d+:\s*/, '');
  if (problem.column === '') return `Row ${problem.row}: ${message}`;
  const index = [...problem.column].reduce((n, letter) => n * 26 + (letter.charCodeAt(0) - 64), 0) - 1;
  const header = headers[index];
  return `Row ${problem.row}, ${header ? `${header} (column ${problem.column})` : `column ${problem.column}`}: ${message}`;
}

/** The dry run of an uploaded register: what would change, the first problems, and Import / Cancel / Problems. */
export function importDryRunCard(report: ImportReport, input: { importId: string; uploaderName: string; confirmBy: string }): AdaptiveCard {
  const data = { v: CARD_ACTION_VERSION, importId: input.importId };
  const writes = report.created + report.updated;
  const actions: CardElement[] = [];
  if (writes > 0) {
    actions.push({
      type: 'Action.Execute',
      title: `Import ${writes} contract${writes === 1 ? '' : 's'}`,
      verb: 'importRegister',
      data,
      style: 'positive',
      fallback: { type: 'Action.Submit', title: 'Import', data: { ...data, verb: 'importRegister' } },
    });
  }
  actions.push({ type: 'Action.Execute', title: 'Cancel', verb: 'cancelImport', data, fallback: { type: 'Action.Submit', title: 'Cancel', data: { ...data, verb: 'cancelImport' } } });
  if (report.rejected > 0) {
    actions.push({ type: 'Action.Execute', title: 'Problems workbook', verb: 'importProblems', data, fallback: { type: 'Action.Submit', title: 'Problems workbook', data: { ...data, verb: 'importProblems' } } });
  }
  return adaptiveCard(
    [
      ...heading(`Import ${escapeMarkdown(report.fileName)}?`, 'Dry run: nothing has been written yet.'),
      counts(report, 'will be'),
      ...(report.ignoredColumns.length > 0 ? [text(`Columns not imported: ${escapeMarkdown(report.ignoredColumns.join(', '))}.`, { isSubtle: true })] : []),
      ...problemList(report),
      text(
        writes > 0
          ? `Only ${escapeMarkdown(input.uploaderName)}, who uploaded the file, can confirm, until ${input.confirmBy}. Rejected rows are left out; the rest is written in one go.`
          : 'Nothing in this file would change the register.',
        { isSubtle: true, spacing: 'Medium' },
      ),
    ],
    actions,
  );
}

/** The card after the import: what was written. */
export function importDoneCard(report: ImportReport, by: string): AdaptiveCard {
  return adaptiveCard([
    ...heading(`Imported ${escapeMarkdown(report.fileName)}`, `By ${escapeMarkdown(by)}. Every accepted row was written in one transaction, with one entry in the audit trail.`),
    counts(report, 'were'),
    ...(report.rejected > 0 ? [text(`${report.rejected} rejected row${report.rejected === 1 ? ' was' : 's were'} left out: fix them and upload them again.`, { isSubtle: true })] : []),
  ]);
}

/** While a big file is checked or imported: replaced by the result when the work is done. */
export function importProgressCard(fileName: string, message: string): AdaptiveCard {
  return adaptiveCard([...heading(`Import of ${escapeMarkdown(fileName)}`), text(message), text('This card updates itself when I am done.', { isSubtle: true })]);
}

/** The card after Cancel, or when the import is no longer waiting. */
export function importClosedCard(fileName: string, message: string): AdaptiveCard {
  return adaptiveCard([...heading(`Import of ${escapeMarkdown(fileName)}`), text(message)]);
}
