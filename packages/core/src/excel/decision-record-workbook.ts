import ExcelJS from 'exceljs';
import { criterionById, TDA_CRITERIA } from '../evaluation/criteria.js';
import { greenBookDiscountFormula } from '../evaluation/discounting.js';
import type { EvaluationResult, OptionResult } from '../evaluation/evaluate-options.js';
import { decisionStatus, type DecisionRecordDetails } from '../evaluation/decision-record-details.js';
import { formatLongDate } from '../shared/calendar.js';
import { describeSensitivity } from '../evaluation/describe-sensitivity.js';
import { columnLetter, formatNumber, formatPounds } from '../shared/format.js';
import { xlsxSafe } from './spreadsheet-safety.js';
import { addLogo, fitRowHeight, HEADER_FILL, namedFont, styleSheet, type DocumentIdentity } from './workbook-style.js';

/** Pounds and pence, negatives in red with a minus sign. */
const GBP = '"£"#,##0.00;[Red]-"£"#,##0.00';
const SCORE = '0.00';
const FACTOR = '0.0000';
const MODERATED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const TOTAL_FONT: Partial<ExcelJS.Font> = namedFont({ bold: true });
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/** Where the first criterion sits on the Criteria, evaluator and Combined sheets. */
const CRITERIA_FIRST_ROW = 4;
const CRITERIA_LAST_ROW = CRITERIA_FIRST_ROW + TDA_CRITERIA.length - 1;
/** The Decision sheet: the record's details, then the live leader and recommendation, then the ranking. */
export const DECISION_ROWS = { council: 2, status: 3, date: 4, evaluators: 5, leader: 7, recommendation: 8, asEvaluated: 9, changed: 10, header: 12 } as const;
/** The Decision sheet's last column (K): paragraphs span A to K. */
const DECISION_COLUMNS = 11;

export interface DecisionRecordOptions extends DecisionRecordDetails {
  readonly identity?: DocumentIdentity | undefined;
}

/**
 * The TDA decision record (rule 9) as an Excel workbook a finance officer or auditor can
 * check: every total is a live formula over the scores, weights and cash flows it comes from,
 * so changing a weight or a score in Excel recalculates the ranking. Each formula also carries
 * the value we computed as its cached result, so viewers that do not recalculate (previews,
 * mail clients) still show the right figures.
 *
 * The recommendation and the current leader on the Decision sheet are live formulas over the
 * ranking; beside them stands the recommendation and sensitivity as evaluated on the record's
 * date, and a check that says when the live leader is no longer that option.
 *
 * Sheets: Decision (status, date, evaluators, ranking, recommendation, approval), Criteria (the ten rules, weights, price
 * weight), one sheet per evaluator (scores and rationale), Combined (moderated or mean scores
 * and the quality score), Gates, Cash flows (Green Book discount factors and present values).
 */
export async function writeDecisionRecordWorkbook(result: EvaluationResult, options: DecisionRecordOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contract Steward';
  workbook.title = `${result.evaluation.title}: TDA decision record`;
  // Added in display order; filled in dependency order below.
  const decision = workbook.addWorksheet('Decision');
  const criteria = workbook.addWorksheet('Criteria');
  const evaluatorSheets = result.evaluators.map((_, i) => workbook.addWorksheet(`Evaluator ${i + 1}`));
  const combined = workbook.addWorksheet('Combined');
  const gates = workbook.addWorksheet('Gates');
  const cashflows = workbook.addWorksheet('Cash flows');

  const refs = {
    weight: (row: number) => `Criteria!$D$${row}`,
    priceWeight: 'Criteria!$D$16',
  };
  writeCriteria(criteria, result);
  evaluatorSheets.forEach((sheet, i) => writeEvaluator(sheet, result, result.evaluators[i] ?? ''));
  const qualityCells = writeCombined(combined, result, evaluatorSheets.map((s) => s.name), refs.weight);
  const eligibleCells = writeGates(gates, result);
  const moneyCells = writeCashFlows(cashflows, result);
  writeDecision(decision, result, options, { qualityCells, eligibleCells, moneyCells, priceWeight: refs.priceWeight });
  const documentTitle = `${result.evaluation.title}: TDA decision record`;
  for (const sheet of workbook.worksheets) {
    const headerRow = sheet === decision ? DECISION_ROWS.header : 3;
    styleSheet(sheet, { title: documentTitle, identity: options.identity, repeatRows: [headerRow, headerRow] });
  }
  addLogo(workbook, decision, options.identity, 10);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeCriteria(sheet: ExcelJS.Worksheet, result: EvaluationResult): void {
  sheet.columns = [{ width: 5 }, { width: 38 }, { width: 15 }, { width: 12 }, { width: 10 }, { width: 100 }];
  title(sheet, 'The ten Technical Design Authority rules (Appendix K)');
  sheet.getCell('A2').value = 'Weights are per cent and must total 100. Change one and the ranking on the Decision sheet recalculates.';
  header(sheet.getRow(3), ['#', 'Criterion', 'Id', 'Weight (%)', 'Gate', 'Guidance questions']);
  TDA_CRITERIA.forEach((criterion, i) => {
    const row = sheet.getRow(CRITERIA_FIRST_ROW + i);
    row.values = [
      criterion.number,
      criterion.title,
      criterion.id,
      result.weights[criterion.id],
      result.evaluation.gates.includes(criterion.id) ? 'pass/fail' : '',
      criterion.questions.map((q) => `• ${q}`).join('\n'),
    ];
    row.alignment = { vertical: 'top' };
    row.getCell(4).numFmt = SCORE;
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    // Neither Excel nor LibreOffice grows a row to fit wrapped text on opening a file.
    row.height = 14 * criterion.questions.reduce((lines, q) => lines + Math.ceil((q.length + 2) / 120), 0);
    row.getCell(5).alignment = { horizontal: 'center', vertical: 'top' };
  });
  const total = sheet.getRow(CRITERIA_LAST_ROW + 1);
  total.getCell(2).value = 'Total (must be 100)';
  total.getCell(4).value = { formula: `SUM(D${CRITERIA_FIRST_ROW}:D${CRITERIA_LAST_ROW})`, result: 100 };
  total.getCell(4).numFmt = SCORE;
  total.font = TOTAL_FONT;
  const price = sheet.getRow(16);
  price.getCell(2).value = 'Price weight (%)';
  price.getCell(4).value = result.evaluation.priceWeight ?? 0;
  price.getCell(4).numFmt = SCORE;
  price.getCell(6).value =
    result.evaluation.priceWeight === undefined
      ? 'Quality alone decides. Set a price weight to combine quality with relative price.'
      : 'Quality counts for the rest. Price score = lowest eligible whole-life cost (PV) ÷ the option’s × the price weight.';
}

function writeEvaluator(sheet: ExcelJS.Worksheet, result: EvaluationResult, evaluator: string): void {
  title(sheet, `Scores from ${evaluator}`);
  sheet.getCell('A2').value = 'Each option scored 0 (unacceptable) to 5 (excellent) against each rule, with the reason.';
  sheet.getColumn(1).width = 38;
  header(sheet.getRow(3), ['Criterion', ...result.options.flatMap((o) => [o.name, 'Rationale'])]);
  result.options.forEach((option, k) => {
    sheet.getColumn(2 + 2 * k).width = 12;
    sheet.getColumn(3 + 2 * k).width = 40;
  });
  TDA_CRITERIA.forEach((criterion, i) => {
    const row = sheet.getRow(CRITERIA_FIRST_ROW + i);
    row.alignment = { vertical: 'top' };
    row.getCell(1).value = criterion.title;
    result.options.forEach((option, k) => {
      const score = option.criteria.find((c) => c.criterion === criterion.id)?.scores.find((s) => s.evaluator === evaluator);
      if (!score) return;
      row.getCell(2 + 2 * k).value = score.score;
      row.getCell(2 + 2 * k).alignment = { horizontal: 'center', vertical: 'top' };
      row.getCell(3 + 2 * k).value = xlsxSafe(score.rationale);
      row.getCell(3 + 2 * k).alignment = { wrapText: true, vertical: 'top' };
    });
    const longest = Math.max(0, ...result.options.map((o) => o.criteria.find((c) => c.criterion === criterion.id)?.scores.find((s) => s.evaluator === evaluator)?.rationale.length ?? 0));
    row.height = 15 * Math.max(1, Math.ceil(longest / 42));
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  });
}

/** Writes the Combined sheet and returns each option's quality-score cell (by option index). */
function writeCombined(sheet: ExcelJS.Worksheet, result: EvaluationResult, evaluatorSheets: readonly string[], weightRef: (row: number) => string): string[] {
  title(sheet, 'Combined scores: the moderated score where the panel agreed one (shaded), otherwise the mean of the evaluators');
  sheet.getCell('A2').value = 'Quality score (0–100) = Σ weight × score ÷ 5. Spread = highest − lowest evaluator score; 2 or more needs discussion.';
  sheet.columns = [{ width: 5 }, { width: 38 }, { width: 12 }, ...result.options.map(() => ({ width: 16 }))];
  header(sheet.getRow(3), ['#', 'Criterion', 'Weight (%)', ...result.options.map((o) => o.name)]);
  const spreadTop = CRITERIA_LAST_ROW + 4;
  header(sheet.getRow(spreadTop - 1), ['#', 'Spread between evaluators', '', ...result.options.map((o) => o.name)]);
  TDA_CRITERIA.forEach((criterion, i) => {
    const r = CRITERIA_FIRST_ROW + i;
    const row = sheet.getRow(r);
    const spreadRow = sheet.getRow(spreadTop + i);
    row.getCell(1).value = criterion.number;
    row.getCell(2).value = criterion.title;
    row.getCell(3).value = { formula: weightRef(r), result: result.weights[criterion.id] };
    row.getCell(3).numFmt = SCORE;
    spreadRow.getCell(1).value = criterion.number;
    spreadRow.getCell(2).value = criterion.title;
    result.options.forEach((option, k) => {
      const score = option.criteria.find((c) => c.criterion === criterion.id);
      if (!score) throw new Error(`No ${criterion.id} score for ${option.name}`);
      const scoreCells = evaluatorSheets
        .filter((_, e) => score.scores.some((s) => s.evaluator === result.evaluators[e]))
        .map((name) => `'${name}'!${columnLetter(2 + 2 * k)}${r}`);
      const cell = row.getCell(4 + k);
      if (score.moderated !== undefined) {
        cell.value = score.moderated;
        cell.fill = MODERATED_FILL;
        cell.note = 'Moderated score agreed by the panel';
      } else if (scoreCells.length > 0) {
        cell.value = { formula: `AVERAGE(${scoreCells.join(',')})`, result: score.score };
      } else {
        cell.value = 0;
        cell.note = 'Not scored: this criterion has no weight';
      }
      cell.numFmt = SCORE;
      const spread = spreadRow.getCell(4 + k);
      spread.value = scoreCells.length > 0 ? { formula: `MAX(${scoreCells.join(',')})-MIN(${scoreCells.join(',')})`, result: score.spread } : 0;
      if (score.divergent) spread.fill = MODERATED_FILL;
    });
  });
  const totalRow = sheet.getRow(CRITERIA_LAST_ROW + 1);
  totalRow.getCell(2).value = 'Quality score (0–100)';
  totalRow.font = TOTAL_FONT;
  return result.options.map((option, k) => {
    const col = columnLetter(4 + k);
    const cell = totalRow.getCell(4 + k);
    cell.value = {
      formula: `SUMPRODUCT($C$${CRITERIA_FIRST_ROW}:$C$${CRITERIA_LAST_ROW},${col}${CRITERIA_FIRST_ROW}:${col}${CRITERIA_LAST_ROW})/5`,
      result: option.qualityScore,
    };
    cell.numFmt = SCORE;
    return `Combined!$${col}$${CRITERIA_LAST_ROW + 1}`;
  });
}

/** Writes the Gates sheet and returns each option's "eligible" cell, or undefined without gates. */
function writeGates(sheet: ExcelJS.Worksheet, result: EvaluationResult): (string | undefined)[] {
  const gateIds = result.evaluation.gates;
  title(sheet, 'Gates: an option that fails one is not eligible, whatever its score');
  sheet.columns = [{ width: 38 }, ...result.options.map(() => ({ width: 16 }))];
  header(sheet.getRow(3), ['Gate', ...result.options.map((o) => o.name)]);
  gateIds.forEach((gate, g) => {
    const row = sheet.getRow(4 + g);
    row.getCell(1).value = criterionById(gate).title;
    result.evaluation.options.forEach((option, k) => {
      row.getCell(2 + k).value = option.gateResults[gate] ?? '';
    });
  });
  const eligibleRow = sheet.getRow(4 + gateIds.length);
  eligibleRow.getCell(1).value = 'Eligible';
  eligibleRow.font = TOTAL_FONT;
  return result.options.map((option, k) => {
    const col = columnLetter(2 + k);
    const cell = eligibleRow.getCell(2 + k);
    if (gateIds.length === 0) {
      cell.value = 'Yes';
      return undefined;
    }
    cell.value = { formula: `IF(COUNTIF(${col}4:${col}${3 + gateIds.length},"fail")=0,"Yes","No")`, result: option.eligible ? 'Yes' : 'No' };
    return `Gates!$${col}$${4 + gateIds.length}`;
  });
}

interface MoneyCells {
  readonly undiscountedCost: string;
  readonly presentValueCost: string;
  readonly presentValueBenefit: string;
  readonly npv: string;
}

/** Writes one block of cash flows per option, with a total row each; returns the total cells. */
function writeCashFlows(sheet: ExcelJS.Worksheet, result: EvaluationResult): MoneyCells[] {
  title(sheet, 'Cash flows in today’s prices, discounted at the HM Treasury Green Book rate (3.5% a year for years 0–30, 3.0% from year 31)');
  sheet.columns = [{ width: 24 }, { width: 7 }, { width: 42 }, { width: 15 }, { width: 15 }, { width: 11 }, { width: 15 }, { width: 15 }, { width: 15 }];
  header(sheet.getRow(3), ['Option', 'Year', 'Item', 'Cost', 'Benefit', 'Discount factor', 'Cost (PV)', 'Benefit (PV)', 'NPV']);
  let r = 4;
  return result.options.map((option) => {
    const first = r;
    for (const flow of option.costBenefit.cashflows) {
      const row = sheet.getRow(r);
      row.values = [option.name, flow.year, xlsxSafe(flow.label), flow.cost, flow.benefit];
      row.getCell(6).value = { formula: greenBookDiscountFormula(`B${r}`), result: flow.discountFactor };
      row.getCell(7).value = { formula: `D${r}*F${r}`, result: flow.presentValueCost };
      row.getCell(8).value = { formula: `E${r}*F${r}`, result: flow.presentValueBenefit };
      money(row, [4, 5, 7, 8]);
      row.getCell(6).numFmt = FACTOR;
      r += 1;
    }
    const last = r - 1;
    const total = sheet.getRow(r);
    const cb = option.costBenefit;
    total.getCell(1).value = `Total: ${option.name}`;
    const sum = (col: string, value: number) => (last >= first ? { formula: `SUM(${col}${first}:${col}${last})`, result: value } : 0);
    total.getCell(4).value = sum('D', cb.undiscountedCost);
    total.getCell(5).value = sum('E', cb.undiscountedBenefit);
    total.getCell(7).value = sum('G', cb.presentValueCost);
    total.getCell(8).value = sum('H', cb.presentValueBenefit);
    total.getCell(9).value = { formula: `H${r}-G${r}`, result: cb.npv };
    total.font = TOTAL_FONT;
    money(total, [4, 5, 7, 8, 9]);
    const cells = {
      undiscountedCost: `'Cash flows'!$D$${r}`,
      presentValueCost: `'Cash flows'!$G$${r}`,
      presentValueBenefit: `'Cash flows'!$H$${r}`,
      npv: `'Cash flows'!$I$${r}`,
    };
    r += 2;
    return cells;
  });
}

function writeDecision(
  sheet: ExcelJS.Worksheet,
  result: EvaluationResult,
  details: DecisionRecordOptions,
  cells: { qualityCells: string[]; eligibleCells: (string | undefined)[]; moneyCells: MoneyCells[]; priceWeight: string },
): void {
  const { evaluation } = result;
  sheet.columns = [{ width: 7 }, { width: 26 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 17 }, { width: 17 }, { width: 17 }, { width: 17 }, { width: 17 }];
  title(sheet, `${evaluation.title}: Technical Design Authority decision record`);
  sheet.mergeCells(1, 1, 1, 9);
  const date = formatLongDate(details.date);
  if (details.identity?.councilName) {
    sheet.getCell(DECISION_ROWS.council, 1).value = xlsxSafe(details.identity.councilName);
    sheet.getCell(DECISION_ROWS.council, 1).font = namedFont({ bold: true, size: 12 });
  }
  field(sheet, DECISION_ROWS.status, 'Status', decisionStatus(details));
  field(sheet, DECISION_ROWS.date, 'Evaluated on', date);
  field(sheet, DECISION_ROWS.evaluators, 'Evaluators', result.evaluators.join('; '));

  const top = DECISION_ROWS.header + 1;
  const bottom = top + result.ranking.length - 1;
  const ranks = `$A$${top}:$A$${bottom}`;
  const first = (column: string) => `INDEX($${column}$${top}:$${column}$${bottom},MATCH(1,${ranks},0))`;
  const leaderCell = `C${DECISION_ROWS.leader}`;
  field(sheet, DECISION_ROWS.leader, 'Current leader', {
    formula: `IF(COUNTIF(${ranks},1)=1,${first('B')},IF(COUNTIF(${ranks},1)>1,"${NO_LEADER}","${NONE_ELIGIBLE}"))`,
    result: result.winner ?? (result.tiedForFirst.length > 0 ? NO_LEADER : NONE_ELIGIBLE),
  });
  sheet.getCell(leaderCell).font = namedFont({ bold: true });
  field(sheet, DECISION_ROWS.recommendation, 'Recommendation (live)', {
    formula:
      `IF(COUNTIF(${ranks},1)=1,"Recommendation: "&${leaderCell}&", with "&TEXT(${first('F')},"0.00")&" out of 100, a whole-life cost of "&TEXT(${first('H')},"£#,##0")` +
      `&" (present value) and a net present value of "&TEXT(${first('J')},"£#,##0")&".","No recommendation: "&${leaderCell}&".")`,
    result: liveRecommendationText(result),
  });
  field(sheet, DECISION_ROWS.asEvaluated, `As evaluated on ${date}`, [recommendationText(result), describeSensitivity(result)].filter(Boolean).join(' '));
  field(
    sheet,
    DECISION_ROWS.changed,
    'Check',
    result.winner
      ? {
          formula: `IF(${leaderCell}="${excelText(result.winner)}","${AGREES}","The current leader is not the option recommended on ${date}: a weight or score has changed since. Score the evaluation again before the TDA decides.")`,
          result: AGREES,
        }
      : { formula: `IF(COUNTIF(${ranks},1)=1,"An option now leads: score the evaluation again before the TDA decides.","${AGREES}")`, result: AGREES },
  );

  header(sheet.getRow(DECISION_ROWS.header), [
    'Rank',
    'Option',
    'Eligible',
    'Quality (0–100)',
    'Price score',
    'Total score',
    'Whole-life cost (undiscounted)',
    'Whole-life cost (PV)',
    'Benefits (PV)',
    'NPV',
    'Cost if eligible',
  ]);
  const priced = evaluation.priceWeight !== undefined;
  result.ranking.forEach((option, i) => {
    const r = top + i;
    const k = result.options.indexOf(option);
    const row = sheet.getRow(r);
    const money_ = cells.moneyCells[k] as MoneyCells;
    const eligibleCell = cells.eligibleCells[k];
    row.getCell(1).value = {
      formula: `IF(C${r}="Yes",1+SUMPRODUCT(($C$${top}:$C$${bottom}="Yes")*(ROUND($F$${top}:$F$${bottom},6)>ROUND(F${r},6))),"—")`,
      result: option.rank ?? '—',
    };
    row.getCell(2).value = option.name;
    row.getCell(3).value = eligibleCell ? { formula: eligibleCell, result: yesNo(option) } : 'Yes';
    row.getCell(4).value = { formula: cells.qualityCells[k] ?? '0', result: option.qualityScore };
    row.getCell(5).value = priced
      ? { formula: `IF(H${r}<=0,${cells.priceWeight},MIN($K$${top}:$K$${bottom})/H${r}*${cells.priceWeight})`, result: option.priceScore ?? 0 }
      : 0;
    row.getCell(6).value = priced
      ? { formula: `D${r}*(100-${cells.priceWeight})/100+E${r}`, result: option.totalScore }
      : { formula: `D${r}`, result: option.totalScore };
    row.getCell(7).value = { formula: money_.undiscountedCost, result: option.costBenefit.undiscountedCost };
    row.getCell(8).value = { formula: money_.presentValueCost, result: option.costBenefit.presentValueCost };
    row.getCell(9).value = { formula: money_.presentValueBenefit, result: option.costBenefit.presentValueBenefit };
    row.getCell(10).value = { formula: money_.npv, result: option.costBenefit.npv };
    // MIN ignores text, so the lowest cost is taken over eligible options only.
    row.getCell(11).value = { formula: `IF(C${r}="Yes",H${r},"")`, result: option.eligible ? option.costBenefit.presentValueCost : '' };
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = SCORE;
    money(row, [7, 8, 9, 10, 11]);
    row.getCell(1).alignment = { horizontal: 'center' };
  });

  if (!priced) {
    sheet.getColumn(5).hidden = true;
    sheet.getColumn(11).hidden = true;
  }

  let r = bottom + 2;
  const line = (text: string, bold = false) => {
    paragraph(sheet, r, text, 11);
    if (bold) sheet.getCell(`A${r}`).font = TOTAL_FONT;
    r += 1;
  };
  if (evaluation.rationale) {
    line('Why a decision is needed', true);
    line(evaluation.rationale);
    r += 1;
  }
  line('Gates', true);
  if (evaluation.gates.length === 0) line('None.');
  for (const option of result.options.filter((o) => !o.eligible)) {
    line(`${option.name} is not eligible: it failed ${option.failedGates.map((g) => criterionById(g).title).join(', ')}.`);
  }
  if (evaluation.gates.length > 0 && result.options.every((o) => o.eligible)) line('Every option passed every gate.');
  r += 1;
  if (result.divergences.length > 0) {
    line('Where evaluators differed by 2 or more', true);
    for (const d of result.divergences) {
      line(`${d.option}, ${criterionById(d.criterion).title}: ${d.lowest} to ${d.highest}${d.moderated ? ' (moderated)' : ' (not moderated: the mean counts)'}`);
    }
    r += 1;
  }
  const benefits = result.options.filter((o) => o.nonMonetisedBenefits.length > 0);
  if (benefits.length > 0) {
    line('Benefits not valued in money', true);
    for (const option of benefits) line(`${option.name}: ${option.nonMonetisedBenefits.join('; ')}`);
    r += 1;
  }
  line('Approval', true);
  line(details.approval ? `${decisionStatus(details)}.` : 'The Technical Design Authority approves this recommendation by signing below.');
  header(sheet.getRow(r), ['', 'Name', 'Role', '', 'Date', '', 'Signature']);
  const spans = (row: number) => {
    sheet.mergeCells(row, 3, row, 4);
    sheet.mergeCells(row, 5, row, 6);
    sheet.mergeCells(row, 7, row, 9);
  };
  spans(r);
  for (let signatory = 0; signatory < 2; signatory++) {
    r += 1;
    const row = sheet.getRow(r);
    row.height = 30;
    spans(r);
    const approval = signatory === 0 ? details.approval : undefined;
    if (approval) {
      row.getCell(2).value = xlsxSafe(approval.name);
      row.getCell(3).value = xlsxSafe(approval.role);
      row.getCell(5).value = formatLongDate(approval.date);
    }
    for (const c of [2, 3, 5, 7]) {
      row.getCell(c).border = { bottom: THIN };
      row.getCell(c).alignment = { vertical: 'bottom' };
    }
  }
}

/** A label in A (spanning A and B) and its value across C to K, wrapped, the row as tall as it needs. */
function field(sheet: ExcelJS.Worksheet, row: number, label: string, value: ExcelJS.CellValue): void {
  sheet.mergeCells(row, 1, row, 2);
  sheet.mergeCells(row, 3, row, DECISION_COLUMNS);
  const labelCell = sheet.getCell(row, 1);
  labelCell.value = label;
  labelCell.font = namedFont({ bold: true });
  labelCell.alignment = { vertical: 'top', wrapText: true };
  const cell = sheet.getCell(row, 3);
  cell.value = typeof value === 'string' ? xlsxSafe(value) : value;
  cell.alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(sheet.getRow(row));
}

/** Text inside a formula's double quotes. */
function excelText(text: string): string {
  return text.replaceAll('"', '""');
}


const NO_LEADER = 'No single leader: options tie for first place';
const NONE_ELIGIBLE = 'None: no option passed every gate';
const AGREES = 'The live ranking agrees with the recommendation as evaluated.';

/** The recommendation as it stood on the record's date. */
function recommendationText(result: EvaluationResult): string {
  const best = result.ranking[0];
  if (result.winner && best) {
    return `Recommendation: ${result.winner}, with ${formatNumber(best.totalScore)} out of 100, a whole-life cost of ${formatPounds(best.costBenefit.presentValueCost)} (present value) and a net present value of ${formatPounds(best.costBenefit.npv)}.`;
  }
  if (result.tiedForFirst.length > 0) return `No recommendation: ${result.tiedForFirst.join(' and ')} tie for first place.`;
  return 'No recommendation: no option passed every gate.';
}

/** What the live recommendation formula shows, as its cached result: the words the formula builds. */
function liveRecommendationText(result: EvaluationResult): string {
  const best = result.ranking[0];
  if (result.winner && best) {
    // Not formatPounds: this must match what Excel's TEXT(x,"£#,##0") shows, hyphen minus and all.
    const pounds = (n: number) => `${n < 0 ? '-' : ''}£${Math.round(Math.abs(n)).toLocaleString('en-GB')}`;
    return `Recommendation: ${result.winner}, with ${best.totalScore.toFixed(2)} out of 100, a whole-life cost of ${pounds(best.costBenefit.presentValueCost)} (present value) and a net present value of ${pounds(best.costBenefit.npv)}.`;
  }
  return `No recommendation: ${result.tiedForFirst.length > 0 ? NO_LEADER : NONE_ELIGIBLE}.`;
}

function yesNo(option: OptionResult): string {
  return option.eligible ? 'Yes' : 'No';
}

function title(sheet: ExcelJS.Worksheet, text: string): void {
  const cell = sheet.getCell('A1');
  cell.value = xlsxSafe(text);
  cell.font = namedFont({ bold: true, size: 14 });
  cell.alignment = { vertical: 'middle' };
}

/** Text across the sheet's columns, wrapped, with room for the lines it needs. */
function paragraph(sheet: ExcelJS.Worksheet, row: number, text: string, lastColumn: number): void {
  sheet.mergeCells(row, 1, row, lastColumn);
  const cell = sheet.getCell(row, 1);
  cell.value = xlsxSafe(text);
  cell.alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(sheet.getRow(row));
}

function header(row: ExcelJS.Row, labels: readonly string[]): void {
  row.height = 30;
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = xlsxSafe(label);
    cell.font = namedFont({ bold: true });
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

function money(row: ExcelJS.Row, columns: readonly number[]): void {
  for (const c of columns) row.getCell(c).numFmt = GBP;
}
