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
import { approveEvaluation, type ApproveEvaluationProblem } from '../../use-cases/approve-evaluation.js';
import { decisionStatus, type DecisionApproval } from '../../evaluation/decision-record-details.js';
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
    await report(result, input, out, savedId === undefined ? {} : { savedId });
    return 0;
  },
};

export const evaluationsList: CliCommand = {
  path: ['evaluations', 'list'],
  summary: 'List the saved TDA evaluations, newest first, each approved or a draft',
  usage: 'evaluations list [--json]',
  details: [
    '  Status is "approved DATE" once the TDA has approved it (steward evaluations approve), else "draft".',
    '  --json              print them as JSON, each with its approval (name, role, date) when it has one',
  ].join('\n'),
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
        ['ID', 'Title', 'Winner', 'Options', 'Status', 'Saved by', 'Saved at'],
        saved.map((e) => [
          e.id,
          e.title,
          e.winner ?? '(none)',
          String(e.optionCount),
          e.approval ? `approved ${e.approval.date}` : 'draft',
          e.createdBy,
          e.createdAt.slice(0, 16).replace('T', ' '),
        ]),
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
  details: [
    ...recordDetails,
    '',
    'The record is a draft for the TDA to sign until the evaluation is approved (steward evaluations',
    'approve); then it says who approved it, in what role and when.',
  ].join('\n'),
  options: recordOptions,
  positionals: { min: 1, max: 1 },
  async run(input) {
    const id = input.positionals[0] ?? '';
    const out = outOption(input);
    const saved = await input.withStore((store) => store.evaluations.get(id));
    if (!saved) throw new CliError(notFound(id));
    await report(evaluated(saved.evaluation, id, input), input, out, { saved: { approval: saved.approval } });
    return 0;
  },
};

export const evaluationsApprove: CliCommand = {
  path: ['evaluations', 'approve'],
  summary: 'Record the TDA’s approval of a saved evaluation, so its decision record reads Approved',
  usage: 'evaluations approve ID --name NAME --role ROLE [--on YYYY-MM-DD] [--by EMAIL]',
  details: [
    '  --name NAME         who approved it for the Technical Design Authority, e.g. --name "Jane Smith"',
    '  --role ROLE         their role, e.g. --role "Chair, Technical Design Authority"',
    '  --on YYYY-MM-DD     the day they approved it, not after today (default: today in Europe/London)',
    '  --by EMAIL          who is recording the approval, for the audit trail (default: $USER)',
    '',
    'Approving again replaces the approval. Saving the evaluation again under its id clears it:',
    'the approval was given for what was evaluated then. Write the approved record with:',
    'steward evaluations show ID --out RECORD.xlsx (or RECORD.md).',
  ].join('\n'),
  options: { name: { type: 'string' }, role: { type: 'string' }, on: { type: 'string' }, by: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print }) {
    const id = positionals[0] ?? '';
    const at = io.now?.() ?? new Date();
    const today = londonToday(at);
    const text = (name: string) => (typeof options[name] === 'string' ? options[name] : '');
    const approval = { name: text('name'), role: text('role'), date: typeof options.on === 'string' ? options.on : today };
    const actor = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
    const result = await withStore((store) => approveEvaluation(store, { id, approval, today, by: { actor, source: 'cli', at } }));
    if (!result.success) {
      // A wrong or missing option is a usage mistake (exit 2); an id nobody saved is not.
      const usage = result.problems.some((p) => p.code !== 'evaluation-not-found');
      throw new CliError(result.problems.map((p) => approvalMessage(p, { id, on: approval.date, today })).join(' '), usage ? 2 : 1);
    }
    const saved = result.value;
    print(`${saved.id}: ${saved.title}`);
    print(decisionStatus({ date: today, approval: saved.approval }));
    print(`Write its decision record with: steward evaluations show ${saved.id} --out record.xlsx (or record.md)`);
    return 0;
  },
};

function notFound(id: string): string {
  return `No evaluation with id "${id}". List them with: steward evaluations list`;
}

/** The CLI's words for an approval problem, naming the option to give or change. */
function approvalMessage(problem: ApproveEvaluationProblem, { id, on, today }: { readonly id: string; readonly on: string; readonly today: string }): string {
  switch (problem.code) {
    case 'evaluation-not-found':
      return notFound(id);
    case 'approver-name-missing':
      return 'Say who approved it with --name, e.g. --name "Jane Smith".';
    case 'approver-role-missing':
      return 'Give their role with --role, e.g. --role "Chair, Technical Design Authority".';
    case 'invalid-approval-date':
      return `--on "${on}" is not a date: write the day of the approval as YYYY-MM-DD, e.g. --on ${today}.`;
    case 'approval-date-in-future':
      return `--on ${on.trim()} is after today (${today}): record the approval once it has been given, on the day it was given (leave --on out for today).`;
  }
}

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

async function report(
  result: EvaluationResult,
  input: CommandInput,
  out: string | undefined,
  { savedId, saved }: { readonly savedId?: string; readonly saved?: { readonly approval?: DecisionApproval | undefined } },
): Promise<void> {
  const { options, io, print, printJson } = input;
  const approval = saved?.approval;
  // With --json, stdout is the JSON alone; notes go to stderr.
  const note = (line: string) => (options.json ? io.stderr.write(`${line}\n`) : print(line));
  if (out !== undefined) {
    const identity = await documentIdentity(input);
    const date = londonToday(io.now ? io.now() : new Date());
    const bytes = out.toLowerCase().endsWith('.xlsx')
      ? await writeDecisionRecordWorkbook(result, { date, identity, approval })
      : renderDecisionRecordMarkdown(result, { date, councilName: identity.councilName, approval });
    await writeFile(out, bytes);
  }
  if (options.json) printJson({ ...summariseEvaluation(result), ...(savedId ? { id: savedId } : {}), ...(approval ? { approval } : {}) });
  else printSummary(result, print);
  // A saved evaluation is approved or a draft; one only scored from a file is neither yet.
  if (saved && !options.json) print(`Status: ${decisionStatus({ date: londonToday(io.now ? io.now() : new Date()), approval })}`);
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
