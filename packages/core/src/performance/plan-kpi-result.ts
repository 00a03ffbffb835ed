import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import { convertResultRows, RESULT_COLUMNS } from './convert-result-rows.js';
import type { Kpi, KpiResult } from './kpi.schema.js';
import { rateResult, type RatedResult } from './rate-result.js';

export interface ManualKpiResult {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** As a person typed it: "97.5", "97.5%", yes or no for a yes/no KPI; blank with a note for "not measured". */
  readonly value: string;
  readonly note?: string;
  /** Who enters it (email/UPN) and when (ISO 8601 instant). */
  readonly by: string;
  readonly at: string;
}

/**
 * One KPI result entered by hand (the bot's card), read by the same rules as a row of
 * `steward kpis record` (convertResultRows), and its rating with the rule behind it.
 *
 * @example planKpiResult(kpi, { periodStart: '2026-01-01', periodEnd: '2026-03-31', value: '97', by, at })
 */
export function planKpiResult(kpi: Kpi, input: ManualKpiResult): Result<{ readonly result: KpiResult; readonly rated: RatedResult }> {
  const row = [kpi.contract, kpi.name, input.periodStart, input.periodEnd, input.value, input.note ?? ''];
  const converted = convertResultRows(
    [
      { sheet: 'Result', row: 1, cells: [...RESULT_COLUMNS] },
      { sheet: 'Result', row: 2, cells: row },
    ],
    { contracts: new Set([kpi.contract]), kpis: [kpi] },
    { by: input.by, at: input.at },
  );
  const [result] = converted.results;
  if (converted.problems.length > 0 || !result) {
    // The file's cell address means nothing on a card: keep the sentence after it.
    return fail(converted.problems.map((p): Problem => ({ code: p.code, path: ['value'], message: p.message.slice(p.message.indexOf(': ') + 2) })));
  }
  return ok({ result, rated: rateResult(kpi, result.value) });
}
