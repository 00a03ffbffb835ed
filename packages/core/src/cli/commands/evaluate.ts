import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { evaluateOptions, summariseEvaluation, type EvaluationResult } from '../../evaluation/evaluate-options.js';
import { describeSensitivity } from '../../evaluation/describe-sensitivity.js';
import { describeDivergence, recommendationHeadline } from '../../evaluation/describe-recommendation.js';
import { evaluationTemplate } from '../../evaluation/evaluation-template.js';
import { formatNumber, formatPounds } from '../../shared/format.js';
import { renderDecisionRecordMarkdown } from '../../evaluation/render-decision-record-markdown.js';
import { writeDecisionRecordWorkbook } from '../../excel/decision-record-workbook.js';
import { writeEvaluationTemplateWorkbook } from '../../excel/evaluation-template-workbook.js';
import { readEvaluation } from '../../use-cases/read-evaluation.js';
import { londonToday } from '../../shared/calendar.js';
import { CliError, type CliCommand, type CommandInput } from '../command.js';
import { COUNCIL_DETAILS, COUNCIL_OPTION, documentIdentity } from '../document-identity.js';
import { formatTable } from '../format-table.js';

const RECORD_FORMATS = ['.xlsx', '.md'] as const;

const recordOptions = {
  json: { type: 'boolean' },
  out: { type: 'string' },
  ...COUNCIL_OPTION,
} as const;

const recordDetails = [
  '  --json              print the ranking, winner and sensitivity as JSON',
  '  --out RECORD.xlsx   write the decision record as an Excel workbook with live formulas',
  '  --out RECORD.md     write the decision record as Markdown',
  COUNCIL_DETAILS,
];

export const evaluateCommand: CliCommand = {
  path: ['evaluate'],
  summary: 'Score competing solutions against the ten TDA rules (Appendix K), with Green Book cost-benefit',
  usage: 'evaluate FILE.json|FILE.xlsx [--json] [--out RECORD.xlsx|RECORD.md] [--save [--by EMAIL]]\n       steward evaluate --template [OUT.xlsx]',
  details: [
    '  FILE.json           the evaluation (see examples/evaluation.example.json and',
    '                      packages/core/schemas/evaluation.schema.json)',
    '  FILE.xlsx           the evaluation as the Excel template (steward evaluate --template OUT.xlsx)',
    ...recordDetails,
    '  --save              keep the evaluation in the database (list with: steward evaluations list)',
    '  --by EMAIL          with --save, who is saving it (default: $USER)',
    '  --template          print a blank evaluation to fill in',
    '  --template OUT.xlsx write the blank evaluation as an Excel workbook to fill in',
    COUNCIL_DETAILS,
  ].join('\n'),
  options: { ...recordOptions, save: { type: 'boolean' }, by: { type: 'string' }, template: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run(input) {
    const { options, positionals, io, printJson } = input;
    if (options.template) {
      const out = positionals[0];
      if (out === undefined) {
        printJson(evaluationTemplate());
        return 0;
      }
      if (extname(out).toLowerCase() !== '.xlsx') throw new CliError(`--template writes an Excel workbook: name it OUT.xlsx, not "${out}" (or leave the name out for JSON)`, 2);
      await writeFile(resolve(io.cwd, out), await writeEvaluationTemplateWorkbook(undefined, { identity: await documentIdentity(input) }));
      input.print(`Wrote the blank evaluation to ${resolve(io.cwd, out)}: fill it in, then run steward evaluate ${out}`);
      return 0;
    }
    const file = positionals[0];
    if (file === undefined) {
      throw new CliError('say which evaluation to score: steward evaluate FILE.json|FILE.xlsx (or steward evaluate --template > FILE.json, or --template FILE.xlsx, to start one)', 2);
    }
    const out = outOption(input);
    const result = await scoreFile(resolve(io.cwd, file), file, input);
    let savedId: string | undefined;
    if (options.save) {
      const actor = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
      const saved = await input.withStore((store) =>
        store.evaluations.save(
          result.evaluation,
          { winner: result.winner },
          { actor, source: `cli:${basename(file)}`, ...(io.now ? { at: io.now() } : {}) },
        ),
      );
      savedId = saved.id;
    }
    await report(result, input, out, savedId);
    return 0;
  },
};

export const evaluationsList: CliCommand = {
  path: ['evaluations', 'list'],
  summary: 'List the saved TDA evaluations, newest first',
  usage: 'evaluations list [--json]',
  options: { json: { type: 'boolean' } },
  async run({ options, withStore, print, printJson }) {
    const saved = await withStore((store) => store.evaluations.list());
    if (options.json) {
      printJson(saved);
      return 0;
    }
    if (saved.length === 0) {
      print('No evaluations saved yet. Save one with: steward evaluate FILE.json --save');
      return 0;
    }
    print(
      formatTable(
        ['ID', 'Title', 'Winner', 'Options', 'Saved by', 'Saved at'],
        saved.map((e) => [e.id, e.title, e.winner ?? '(none)', String(e.optionCount), e.createdBy, e.createdAt.slice(0, 16).replace('T', ' ')]),
      ),
    );
    print(`${saved.length} evaluation${saved.length === 1 ? '' : 's'}`);
    return 0;
  },
};

export const evaluationsShow: CliCommand = {
  path: ['evaluations', 'show'],
  summary: 'Score a saved TDA evaluation again and show or export its decision record',
  usage: 'evaluations show ID [--json] [--out RECORD.xlsx|RECORD.md]',
  details: recordDetails.join('\n'),
  options: recordOptions,
  positionals: { min: 1, max: 1 },
  async run(input) {
    const id = input.positionals[0] ?? '';
    const out = outOption(input);
    const saved = await input.withStore((store) => store.evaluations.get(id));
    if (!saved) throw new CliError(`No evaluation with id "${id}". List them with: steward evaluations list`);
    await report(evaluated(saved.evaluation, id, input), input, out, undefined);
    return 0;
  },
};

function outOption({ options, io }: CommandInput): string | undefined {
  if (typeof options.out !== 'string') return undefined;
  if (!(RECORD_FORMATS as readonly string[]).includes(extname(options.out).toLowerCase())) {
    throw new CliError(`--out must end in .xlsx (Excel workbook) or .md (Markdown), not "${options.out}"`, 2);
  }
  return resolve(io.cwd, options.out);
}

/** Reads the file once and scores it with the shared use case; each problem goes to stderr. */
async function scoreFile(path: string, shown: string, { io }: CommandInput): Promise<EvaluationResult> {
  const json = extname(path).toLowerCase() !== '.xlsx';
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${shown}${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}. Start one with: steward evaluate --template ${json ? '> ' : ''}${shown}`);
  }
  // A file named otherwise is read as JSON, as it always was.
  const result = await readEvaluation(bytes, json ? `${shown}.json` : shown);
  if (result.success) return result.value;
  const invalidJson = result.problems.find((p) => p.code === 'invalid-json');
  if (invalidJson) throw new CliError(`${shown} is not valid JSON (${invalidJson.message}): fix it and run again`);
  for (const problem of result.problems) {
    const where = problem.in === 'evaluation' ? problem.path.join('.') : '';
    const message = where && problem.message.startsWith(`${where}: `) ? problem.message.slice(where.length + 2) : problem.message;
    io.stderr.write(`${shown}: ${where ? `${where}: ` : ''}${message}\n`);
  }
  const count = result.problems.length;
  throw new CliError(`${shown} has ${count} problem${count === 1 ? '' : 's'} (above): fix ${count === 1 ? 'it' : 'them'} and run again`);
}

function evaluated(data: unknown, shown: string, { io }: CommandInput): EvaluationResult {
  const result = evaluateOptions(data);
  if (result.success) return result.value;
  for (const problem of result.problems) {
    const where = problem.path.join('.');
    const message = where && problem.message.startsWith(`${where}: `) ? problem.message.slice(where.length + 2) : problem.message;
    io.stderr.write(`${shown}: ${where ? `${where}: ` : ''}${message}\n`);
  }
  const count = result.problems.length;
  throw new CliError(`${shown} has ${count} problem${count === 1 ? '' : 's'} (above): fix ${count === 1 ? 'it' : 'them'} and run again`);
}

async function report(result: EvaluationResult, input: CommandInput, out: string | undefined, savedId: string | undefined): Promise<void> {
  const { options, io, print, printJson } = input;
  // With --json, stdout is the JSON alone; notes go to stderr.
  const note = (line: string) => (options.json ? io.stderr.write(`${line}\n`) : print(line));
  if (out !== undefined) {
    const identity = await documentIdentity(input);
    const date = londonToday(io.now ? io.now() : new Date());
    const bytes = out.toLowerCase().endsWith('.xlsx')
      ? await writeDecisionRecordWorkbook(result, { date, identity })
      : renderDecisionRecordMarkdown(result, { date, councilName: identity.councilName });
    await writeFile(out, bytes);
  }
  if (options.json) printJson({ ...summariseEvaluation(result), ...(savedId ? { id: savedId } : {}) });
  else printSummary(result, print);
  if (out !== undefined) note(`Wrote the decision record to ${out}`);
  if (savedId !== undefined) note(`Saved as ${savedId}. See it again with: steward evaluations show ${savedId}`);
}

function printSummary(result: EvaluationResult, print: (line: string) => void): void {
  const priced = result.evaluation.priceWeight !== undefined;
  print(result.evaluation.title);
  print('');
  print(
    formatTable(
      ['Rank', 'Option', 'Eligible', 'Quality', ...(priced ? ['Price', 'Total'] : []), 'Whole-life cost (PV)', 'NPV'],
      result.ranking.map((o) => [
        o.rank === null ? '-' : String(o.rank),
        o.name,
        o.eligible ? 'yes' : `no (failed ${o.failedGates.join(', ')})`,
        formatNumber(o.qualityScore),
        ...(priced ? [formatNumber(o.priceScore ?? 0), formatNumber(o.totalScore)] : []),
        formatPounds(o.costBenefit.presentValueCost),
        formatPounds(o.costBenefit.npv),
      ]),
    ),
  );
  print('');
  print(recommendationHeadline(result));
  const sensitivity = describeSensitivity(result);
  if (sensitivity) print(`Sensitivity: ${sensitivity}`);
  for (const d of result.divergences) {
    print(`Check: ${describeDivergence(d)}`);
  }
}
