import { evaluateOptions, type EvaluationResult } from '../evaluation/evaluate-options.js';
import { readEvaluationWorkbook } from '../excel/evaluation-template-workbook.js';
import { fail, type Problem, type Result } from '../shared/problem.js';

/**
 * A problem with an evaluation file. `in` says where it was found: in the `file` (not JSON, not
 * a workbook, a cell of the template), where the message names its place; or in the
 * `evaluation` it holds (a score out of range, a missing rationale), where `path` is the JSON path.
 */
export interface EvaluationFileProblem extends Problem {
  readonly in: 'file' | 'evaluation';
}

/** The file kinds an evaluation comes in: JSON, or the Excel template. */
export const EVALUATION_FILE_TYPES = ['json', 'xlsx'] as const;

/**
 * Reads and scores an evaluation from the bytes of a .json file or the Excel template (told
 * apart by `fileName`), for the CLI and the bot alike. Nothing is stored; problems come back with
 * a `code` (`unsupported-file-type`, `invalid-json`, the workbook's and the evaluation's own).
 */
export async function readEvaluation(bytes: Uint8Array, fileName: string): Promise<Result<EvaluationResult, EvaluationFileProblem>> {
  const type = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let data: unknown;
  if (type === 'xlsx') {
    const read = await readEvaluationWorkbook(bytes);
    if (!read.success) return fail(read.problems.map((p) => ({ ...p, in: 'file' as const })));
    data = read.value;
  } else if (type === 'json') {
    try {
      data = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch (error) {
      return fail([{ code: 'invalid-json', in: 'file', path: [], message: (error as Error).message }]);
    }
  } else {
    return fail([{ code: 'unsupported-file-type', in: 'file', path: [], message: `an evaluation is a .xlsx or .json file, not .${type || '(no extension)'}` }]);
  }
  const result = evaluateOptions(data);
  return result.success ? result : fail(result.problems.map((p) => ({ ...p, in: 'evaluation' as const })));
}
