import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CRITERION_IDS, TDA_CRITERIA, type CriterionId } from '../evaluation/criteria.js';
import { checkEvaluation } from '../evaluation/check-evaluation.js';
import { evaluationTemplate } from '../evaluation/evaluation-template.js';
import { EvaluationSchema, type Evaluation, type EvaluationInput } from '../evaluation/evaluation.schema.js';
import type { Problem, Result } from '../shared/problem.js';
import { flattenCellValue } from './flatten-cell-value.js';
import { loadXlsxWorkbook } from './load-xlsx-workbook.js';
import { RegisterFileError } from './register-file-error.js';
import { addLogo, fitRowHeights, namedFont, styleHeaderRow, styleSheet, validateRange, type DocumentIdentity } from './workbook-style.js';

/**
 * The TDA evaluation as an Excel workbook evaluators can fill in, and its reader. The sheets:
 * Evaluation (title, rationale, evaluators, price weight, and one row per Appendix K rule with
 * its weight, whether it is a gate, and its guidance), Options (name, description, a pass/fail
 * column per gate), Scores (one row per option × criterion × evaluator), Cash flows, and the
 * optional Moderated and Other benefits sheets. The reader gives the same object as the JSON
 * format, checked by the same schema and rules, with each problem naming its sheet and cell.
 */
const SHEETS = { evaluation: 'Evaluation', options: 'Options', scores: 'Scores', cashflows: 'Cash flows', moderated: 'Moderated', benefits: 'Other benefits' } as const;
const FIELD_ROWS = { title: 2, description: 3, rationale: 4, evaluators: 5, priceWeight: 6 } as const;
const CRITERIA_HEADER_ROW = 8;
const FIRST_CRITERION_ROW = CRITERIA_HEADER_ROW + 1;
const TOTAL_ROW = FIRST_CRITERION_ROW + CRITERION_IDS.length;
/** Rows given data validation on the entry sheets, beyond what the evaluation fills. */
const SPARE_ROWS = 500;
const GATE_PREFIX = 'Gate: ';
/** An evaluation workbook is a few hundred KB unpacked; anything past this is damaged or hostile. */
const MAX_UNPACKED_BYTES = 64 * 1_048_576;

export interface EvaluationWorkbookOptions {
  readonly identity?: DocumentIdentity | undefined;
}

/**
 * Writes the blank template; given an evaluation, writes it into the same layout. In the
 * blank template the score cells are empty, not 0: a blank is "not scored", which the reader
 * reports, while a 0 is a score (unacceptable) and would count.
 */
export async function writeEvaluationTemplateWorkbook(given?: EvaluationInput, settings: EvaluationWorkbookOptions = {}): Promise<Buffer> {
  const evaluation = given ?? evaluationTemplate();
  const blank = given === undefined;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contract Steward';
  workbook.title = `${evaluation.title}: TDA evaluation`;
  const bold = namedFont({ bold: true });
  const ids = `"${CRITERION_IDS.join(',')}"`;

  const main = workbook.addWorksheet(SHEETS.evaluation);
  main.columns = [{ width: 18 }, { width: 16 }, { width: 38 }, { width: 12 }, { width: 10 }, { width: 90 }];
  main.getRow(1).values = ['TDA evaluation', 'Fill in column B, and a weight and gate for each rule below. Options, scores and cash flows go on the other sheets.'];
  main.getRow(1).font = bold;
  main.getCell('B1').alignment = { vertical: 'top' };
  const fields: [keyof typeof FIELD_ROWS, string, string | number | undefined][] = [
    ['title', 'Title', evaluation.title],
    ['description', 'Description', evaluation.description],
    ['rationale', 'Rationale', evaluation.rationale],
    ['evaluators', 'Evaluators', evaluation.evaluators?.join(', ')],
    ['priceWeight', 'Price weight (%)', evaluation.priceWeight],
  ];
  for (const [key, label, value] of fields) {
    const row = main.getRow(FIELD_ROWS[key]);
    row.getCell(1).value = label;
    row.getCell(1).font = bold;
    if (value !== undefined) row.getCell(2).value = value;
  }
  main.getCell(`A${FIELD_ROWS.evaluators}`).note = 'Who must score every option, separated by commas. Leave blank for everyone who scored.';
  main.getCell(`A${FIELD_ROWS.priceWeight}`).note = 'Optional: per cent given to price (lowest whole-life cost ÷ the option\'s); quality gets the rest.';
  main.getRow(CRITERIA_HEADER_ROW).values = ['Rule', 'Criterion id', 'Title', 'Weight (%)', 'Gate', 'Guidance'];
  styleHeaderRow(main.getRow(CRITERIA_HEADER_ROW), 6);
  main.getCell(CRITERIA_HEADER_ROW, 4).note = 'Weights total 100. Leave them all blank for equal weights (10 each).';
  main.getCell(CRITERIA_HEADER_ROW, 5).note = 'yes: an option must pass this rule to be eligible at all (record pass or fail on the Options sheet).';
  const gates = new Set(evaluation.gates ?? []);
  TDA_CRITERIA.forEach((criterion, i) => {
    const row = main.getRow(FIRST_CRITERION_ROW + i);
    const weight = evaluation.weights?.[criterion.id];
    row.values = [criterion.number, criterion.id, criterion.title, weight ?? null, gates.has(criterion.id) ? 'yes' : 'no', criterion.questions.join('\n')];
    row.alignment = { vertical: 'top' };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  });
  validateRange(main, `D${FIRST_CRITERION_ROW}:D${TOTAL_ROW - 1}`, { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: 'A weight is a per cent from 0 to 100.' });
  validateRange(main, `E${FIRST_CRITERION_ROW}:E${TOTAL_ROW - 1}`, { type: 'list', formulae: ['"yes,no"'], allowBlank: true, showErrorMessage: true });
  main.getCell(TOTAL_ROW, 3).value = 'Total (must be 100)';
  main.getCell(TOTAL_ROW, 3).font = bold;
  main.getCell(TOTAL_ROW, 4).value = { formula: `SUM(D${FIRST_CRITERION_ROW}:D${TOTAL_ROW - 1})`, result: CRITERION_IDS.reduce((sum, id) => sum + (evaluation.weights?.[id] ?? 0), 0) };

  const sheet = (name: string, headers: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = widths.map((width) => ({ width }));
    ws.getRow(1).values = headers;
    return ws;
  };
  const validate = (ws: ExcelJS.Worksheet, column: string, rows: number, validation: ExcelJS.DataValidation) => {
    validateRange(ws, `${column}2:${column}${rows + SPARE_ROWS}`, validation);
  };

  const gateList = CRITERION_IDS.filter((id) => gates.has(id));
  const options = sheet(SHEETS.options, ['Option', 'Description', ...gateList.map((g) => `${GATE_PREFIX}${g}`)], [28, 60, ...gateList.map(() => 20)]);
  options.getCell('C1').note = `Columns headed "${GATE_PREFIX}<criterion id>" hold pass or fail for each gate. Add one for each gate you add.`;
  for (const option of evaluation.options) {
    options.addRow([option.name, option.description ?? null, ...gateList.map((g) => option.gateResults?.[g] ?? null)]);
  }
  gateList.forEach((_, i) => validate(options, options.getColumn(3 + i).letter, evaluation.options.length, { type: 'list', formulae: ['"pass,fail"'], allowBlank: true, showErrorMessage: true }));

  const scores = sheet(SHEETS.scores, ['Option', 'Criterion id', 'Evaluator', 'Score (0–5)', 'Rationale'], [28, 16, 30, 12, 80]);
  scores.getCell('D1').note = '0 unacceptable, 1 poor, 2 weak, 3 satisfactory, 4 good, 5 excellent. A blank is not a zero: every evaluator scores every option.';
  let scoreRows = 0;
  for (const option of evaluation.options) {
    for (const s of option.scores ?? []) {
      scores.addRow([option.name, s.criterion, s.evaluator, blank ? null : s.score, s.rationale]);
      scoreRows++;
    }
  }
  validate(scores, 'B', scoreRows, { type: 'list', formulae: [ids], allowBlank: true, showErrorMessage: true });
  validate(scores, 'D', scoreRows, { type: 'whole', operator: 'between', formulae: [0, 5], allowBlank: true, showErrorMessage: true, error: 'A score is a whole number from 0 to 5.' });

  const cash = sheet(SHEETS.cashflows, ['Option', 'Year', 'Cost (£)', 'Benefit (£)', 'Label'], [28, 8, 14, 14, 40]);
  cash.getCell('B1').note = '0 is now (not discounted); 1 is a year from now. In real terms (today\'s prices).';
  let cashRows = 0;
  for (const option of evaluation.options) {
    for (const c of option.cashflows ?? []) {
      cash.addRow([option.name, c.year, c.cost ?? 0, c.benefit ?? 0, c.label]);
      cashRows++;
    }
  }
  validate(cash, 'B', cashRows, { type: 'whole', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true });
  for (const column of ['C', 'D']) cash.getColumn(column).numFmt = '£#,##0.00';

  const moderated = sheet(SHEETS.moderated, ['Option', 'Criterion id', 'Moderated score (0–5)'], [28, 16, 22]);
  moderated.getCell('C1').note = 'Optional: the score the panel agreed at moderation; it replaces the mean of the evaluators.';
  let moderatedRows = 0;
  for (const option of evaluation.options) {
    for (const [criterion, score] of Object.entries(option.moderated ?? {})) {
      moderated.addRow([option.name, criterion, score]);
      moderatedRows++;
    }
  }
  validate(moderated, 'B', moderatedRows, { type: 'list', formulae: [ids], allowBlank: true, showErrorMessage: true });

  const benefits = sheet(SHEETS.benefits, ['Option', 'Non-monetised benefit'], [28, 80]);
  benefits.getCell('B1').note = 'Optional: social, environmental or well-being benefits that have no price.';
  for (const option of evaluation.options) {
    for (const benefit of option.nonMonetisedBenefits ?? []) benefits.addRow([option.name, benefit]);
  }

  const documentTitle = `${evaluation.title}: TDA evaluation`;
  styleSheet(main, { title: documentTitle, identity: settings.identity, repeatRows: [CRITERIA_HEADER_ROW, CRITERIA_HEADER_ROW] });
  fitRowHeights(main);
  addLogo(workbook, main, settings.identity, 6);
  for (const ws of [options, scores, cash, moderated, benefits]) {
    ws.eachRow((row, r) => {
      if (r > 1) row.alignment = { vertical: 'top', ...(ws === scores || ws === benefits || ws === options ? { wrapText: true } : {}) };
    });
    styleSheet(ws, { title: documentTitle, identity: settings.identity, list: { headerRow: 1, columns: ws.columnCount }, repeatRows: [1, 1] });
    fitRowHeights(ws);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Cell = ExcelJS.Cell;

/**
 * Reads an evaluation workbook (a path, or the file's bytes) into the evaluation the JSON
 * format gives, checked by the schema and the cross-field rules. Every problem says where it
 * is: `Scores!D7: "four" is not a score — write a whole number from 0 to 5`.
 */
export async function readEvaluationWorkbook(source: string | Uint8Array): Promise<Result<Evaluation>> {
  let workbook: ExcelJS.Workbook;
  try {
    const bytes = typeof source === 'string' ? await readFile(source) : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    workbook = await loadXlsxWorkbook(bytes, MAX_UNPACKED_BYTES);
  } catch (error) {
    if (error instanceof RegisterFileError) return { success: false, problems: [{ code: error.code, path: [], message: error.message }] };
    if (typeof source === 'string' && typeof (error as NodeJS.ErrnoException).code === 'string') throw error;
    return { success: false, problems: [{ code: 'not-a-workbook', path: [], message: 'the file is not an Excel workbook (.xlsx)' }] };
  }
  const problems: Problem[] = [];
  /** JSON path → cell, to place the schema's and the rules' problems. */
  const where = new Map<string, string>();
  const at = (cell: Cell) => `${cell.worksheet.name}!${cell.address}`;
  const problem = (code: string, place: string, message: string) => {
    const [sheetName = '', address = ''] = place.split('!');
    problems.push({ code, path: address ? [sheetName, address] : [sheetName], message: `${place}: ${message}` });
  };
  const text = (cell: Cell): string | undefined => {
    const value = flattenCellValue(cell.value);
    if (value === undefined) return undefined;
    const shown = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
    return shown === '' ? undefined : shown;
  };
  const number = (cell: Cell, describe: string, whole: boolean, min: number, max: number): number | undefined => {
    const value = flattenCellValue(cell.value);
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*£?\s*-?[\d,]+(\.\d+)?\s*$/.test(value) ? Number(value.replace(/[£,\s]/g, '')) : Number.NaN;
    if (Number.isFinite(n) && (!whole || Number.isInteger(n)) && n >= min && n <= max) return n;
    const shown = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    problem('invalid-cell', at(cell), `${shown} is not ${describe}`);
    return undefined;
  };

  const sheets = Object.fromEntries(Object.entries(SHEETS).map(([key, name]) => [key, workbook.getWorksheet(name)])) as Record<keyof typeof SHEETS, ExcelJS.Worksheet | undefined>;
  for (const key of ['evaluation', 'options', 'scores'] as const) {
    if (!sheets[key]) problem('missing-sheet', SHEETS[key], 'the workbook has no sheet of this name: start from the template (steward evaluate --template FILE.xlsx)');
  }
  const main = sheets.evaluation;
  if (!main || !sheets.options || !sheets.scores) return { success: false, problems };

  const data: Record<string, unknown> = {};
  const field = (key: keyof typeof FIELD_ROWS) => main.getCell(FIELD_ROWS[key], 2);
  for (const key of ['title', 'description', 'rationale'] as const) {
    const value = text(field(key));
    where.set(key, at(field(key)));
    if (value !== undefined) data[key] = value;
    else if (key === 'title') problem('missing-title', at(field(key)), 'give the evaluation a title');
  }
  const evaluators = text(field('evaluators'));
  where.set('evaluators', at(field('evaluators')));
  if (evaluators !== undefined) data.evaluators = evaluators.split(/[,;\n]/).map((e) => e.trim()).filter((e) => e !== '');
  if (text(field('priceWeight')) !== undefined) {
    where.set('priceWeight', at(field('priceWeight')));
    const priceWeight = number(field('priceWeight'), 'a price weight — write a per cent from 0 to 99', false, 0, 100);
    if (priceWeight !== undefined) data.priceWeight = priceWeight;
  }

  const weights: Partial<Record<CriterionId, number>> = {};
  const gates: CriterionId[] = [];
  const blankWeights: string[] = [];
  where.set('weights', at(main.getCell(TOTAL_ROW, 4)));
  CRITERION_IDS.forEach((id, i) => {
    const row = main.getRow(FIRST_CRITERION_ROW + i);
    const found = text(row.getCell(2));
    if (found !== id) {
      problem('criterion-moved', at(row.getCell(2)), `expected the criterion "${id}" here: keep the ten rules in the order of the template`);
      return;
    }
    if (text(row.getCell(4)) === undefined) blankWeights.push(at(row.getCell(4)));
    else {
      const weight = number(row.getCell(4), 'a weight — write a per cent from 0 to 100', false, 0, 100);
      if (weight !== undefined) weights[id] = weight;
    }
    const gate = text(row.getCell(5))?.toLowerCase();
    if (gate === 'yes' || gate === 'y' || gate === 'true') {
      where.set(`gates.${gates.length}`, at(row.getCell(5)));
      gates.push(id);
    } else if (gate !== undefined && gate !== 'no' && gate !== 'n' && gate !== 'false') {
      problem('invalid-cell', at(row.getCell(5)), `"${gate}" is not yes or no`);
    }
  });
  if (blankWeights.length === 0) data.weights = weights;
  else if (blankWeights.length < CRITERION_IDS.length) {
    problem('missing-weight', blankWeights[0] ?? '', 'give every criterion a weight (0 to leave it out), or leave them all blank for equal weights');
  }
  data.gates = gates;

  type OptionDraft = { index: number; value: Record<string, unknown> & { scores: unknown[]; cashflows: unknown[]; nonMonetisedBenefits: string[] } };
  const options = new Map<string, OptionDraft>();
  const drafts: OptionDraft[] = [];
  const gateColumns = new Map<number, CriterionId>();
  sheets.options.getRow(1).eachCell((cell, column) => {
    const header = text(cell);
    if (!header?.startsWith(GATE_PREFIX)) return;
    const id = header.slice(GATE_PREFIX.length).trim();
    if ((CRITERION_IDS as readonly string[]).includes(id)) gateColumns.set(column, id as CriterionId);
    else problem('unknown-criterion', at(cell), `"${id}" is not a criterion id: use one of ${CRITERION_IDS.join(', ')}`);
  });
  eachDataRow(sheets.options, (row) => {
    const name = text(row.getCell(1));
    if (name === undefined) {
      problem('missing-option', at(row.getCell(1)), 'give this option a name');
      return;
    }
    if (options.has(name.toLowerCase())) {
      problem('duplicate-option', at(row.getCell(1)), `two options are called "${name}": give each a different name`);
      return;
    }
    const index = drafts.length;
    const value: OptionDraft['value'] = { name, scores: [], cashflows: [], nonMonetisedBenefits: [] };
    where.set(`options.${index}`, at(row.getCell(1)));
    where.set(`options.${index}.name`, at(row.getCell(1)));
    const description = text(row.getCell(2));
    if (description !== undefined) value.description = description;
    const results: Record<string, string> = {};
    for (const [column, id] of gateColumns) {
      const cell = row.getCell(column);
      const result = text(cell)?.toLowerCase();
      where.set(`options.${index}.gateResults.${id}`, at(cell));
      if (result === 'pass' || result === 'fail') results[id] = result;
      else if (result !== undefined) problem('invalid-cell', at(cell), `"${result}" is not pass or fail`);
    }
    value.gateResults = results;
    const draft = { index, value };
    drafts.push(draft);
    options.set(name.toLowerCase(), draft);
  });
  if (drafts.length === 0) problem('no-options', `${SHEETS.options}!A2`, 'list at least one option');

  const optionOf = (cell: Cell): OptionDraft | undefined => {
    const name = text(cell);
    const draft = name === undefined ? undefined : options.get(name.toLowerCase());
    if (!draft) problem('unknown-option', at(cell), name === undefined ? 'say which option this row is for' : `"${name}" is not on the Options sheet: add it there, or correct the name`);
    return draft;
  };
  const criterionOf = (cell: Cell): CriterionId | undefined => {
    const id = text(cell);
    if (id !== undefined && (CRITERION_IDS as readonly string[]).includes(id)) return id as CriterionId;
    problem('unknown-criterion', at(cell), id === undefined ? 'say which criterion this row is for' : `"${id}" is not a criterion id: use one of ${CRITERION_IDS.join(', ')}`);
    return undefined;
  };

  eachDataRow(sheets.scores, (row) => {
    const option = optionOf(row.getCell(1));
    const criterion = criterionOf(row.getCell(2));
    const evaluator = text(row.getCell(3));
    if (evaluator === undefined) problem('missing-evaluator', at(row.getCell(3)), 'say who gave this score');
    const score = text(row.getCell(4)) === undefined ? (problem('missing-score', at(row.getCell(4)), 'give a score — a whole number from 0 to 5 (a blank is not a zero)'), undefined) : number(row.getCell(4), 'a score — write a whole number from 0 to 5', true, 0, 5);
    const rationale = text(row.getCell(5));
    if (rationale === undefined) problem('missing-rationale', at(row.getCell(5)), 'give the reason for this score');
    if (!option || !criterion || evaluator === undefined || score === undefined || rationale === undefined) return;
    const j = option.value.scores.length;
    where.set(`options.${option.index}.scores.${j}`, at(row.getCell(1)));
    where.set(`options.${option.index}.scores.${j}.evaluator`, at(row.getCell(3)));
    option.value.scores.push({ criterion, evaluator, score, rationale });
  });
  drafts.forEach((d) => where.set(`options.${d.index}.scores`, `${SHEETS.scores}!A1`));

  if (sheets.cashflows) {
    eachDataRow(sheets.cashflows, (row) => {
      const option = optionOf(row.getCell(1));
      const year = number(row.getCell(2), 'a year — write a whole number, 0 for now', true, 0, 100);
      const cost = text(row.getCell(3)) === undefined ? 0 : number(row.getCell(3), 'an amount in pounds', false, 0, Number.MAX_SAFE_INTEGER);
      const benefit = text(row.getCell(4)) === undefined ? 0 : number(row.getCell(4), 'an amount in pounds', false, 0, Number.MAX_SAFE_INTEGER);
      const label = text(row.getCell(5));
      if (label === undefined) problem('missing-label', at(row.getCell(5)), 'say what the money is for');
      if (!option || year === undefined || cost === undefined || benefit === undefined || label === undefined) return;
      const j = option.value.cashflows.length;
      where.set(`options.${option.index}.cashflows.${j}`, at(row.getCell(1)));
      where.set(`options.${option.index}.cashflows.${j}.year`, at(row.getCell(2)));
      option.value.cashflows.push({ year, cost, benefit, label });
    });
    drafts.forEach((d) => where.set(`options.${d.index}.cashflows`, `${SHEETS.cashflows}!A1`));
  }
  if (sheets.moderated) {
    eachDataRow(sheets.moderated, (row) => {
      const option = optionOf(row.getCell(1));
      const criterion = criterionOf(row.getCell(2));
      const score = number(row.getCell(3), 'a moderated score — write a number from 0 to 5', false, 0, 5);
      if (!option || !criterion || score === undefined) return;
      const moderated = (option.value.moderated ??= {}) as Record<string, number>;
      if (criterion in moderated) problem('duplicate-moderated', at(row.getCell(2)), `"${option.value.name}" already has a moderated score for ${criterion}: keep one`);
      moderated[criterion] = score;
    });
  }
  if (sheets.benefits) {
    eachDataRow(sheets.benefits, (row) => {
      const option = optionOf(row.getCell(1));
      const benefit = text(row.getCell(2));
      if (benefit === undefined) problem('missing-benefit', at(row.getCell(2)), 'describe the benefit');
      if (option && benefit !== undefined) option.value.nonMonetisedBenefits.push(benefit);
    });
  }
  data.options = drafts.map((d) => d.value);
  if (problems.length > 0) return { success: false, problems };

  const placed = (path: readonly PropertyKey[], code: string, message: string): Problem => {
    for (let n = path.length; n > 0; n--) {
      const place = where.get(path.slice(0, n).map(String).join('.'));
      if (place) {
        const [sheetName = '', address = ''] = place.split('!');
        return { code, path: address ? [sheetName, address] : [sheetName], message: `${place}: ${message}` };
      }
    }
    return { code, path: [], message };
  };
  const parsed = EvaluationSchema.safeParse(data);
  if (!parsed.success) {
    return { success: false, problems: parsed.error.issues.map((issue) => placed(issue.path, `invalid-${issue.code.replaceAll('_', '-')}`, issue.message)) };
  }
  const checked = checkEvaluation(parsed.data);
  if (checked.length > 0) return { success: false, problems: checked.map((p) => placed(p.path, p.code, p.message)) };
  return { success: true, value: parsed.data };
}

/** Calls back for each row below the header with anything in it. */
function eachDataRow(sheet: ExcelJS.Worksheet, callback: (row: ExcelJS.Row) => void): void {
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = (row.values as unknown[]).map((v) => flattenCellValue(v));
    if (values.some((v) => v !== undefined && String(v).trim() !== '')) callback(row);
  });
}
