import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Contract } from '../../register/contract.schema.js';
import { computeObligations, noObligationsReason, OBLIGATION_CODES, type Obligation } from '../../procurement-act/obligations.js';
import { planPublication } from '../../procurement-act/plan-publication.js';
import { registerObligations } from '../../procurement-act/register-obligations.js';
import { checkModification, type ModificationCheck, type ModificationProposal } from '../../procurement-act/modifications.js';
import { GROUND_PATTERN, type ModificationRecord } from '../../procurement-act/modification-record.js';
import { legalFacts } from '../../procurement-act/regime.js';
import type { Store } from '../../storage/store.js';
import { writeModification } from '../../use-cases/write-modification.js';
import { draftNotice } from '../../publish/draft-notice.js';
import { asOfOption, daysOption, isoDateOption } from '../as-of-option.js';
import { CliError, type CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

/** The obligations, modifications and regime of one contract, for `contracts show`. */
export async function procurementLawOf(store: Store, contract: Contract, today: string) {
  const facts = legalFacts(contract);
  const modifications = await store.procurementAct.listModifications(contract.reference);
  const publications = await store.procurementAct.listPublications(contract.reference);
  const obligations = computeObligations(contract, { today, modifications, publications });
  return {
    regime: { regime: facts.regime, derived: facts.regimeDerived, rule: facts.regimeRule, ...(facts.threshold ? { thresholdAmount: facts.threshold.amount, thresholdSource: facts.threshold.set.source } : {}) },
    obligations: obligations.map(publicObligation),
    ...(noObligationsReason(facts) ? { noObligations: noObligationsReason(facts) } : {}),
    modifications,
  };
}

function publicObligation(o: Obligation) {
  return { reference: o.reference, obligation: o.obligation, due: o.due, status: o.status, rule: o.rule, key: o.key, ...(o.publishedOn ? { publishedOn: o.publishedOn } : {}), ...(o.noticeId ? { noticeId: o.noticeId } : {}), ...(o.assumed ? { assumed: true } : {}) };
}

export const obligationsList: CliCommand = {
  path: ['obligations'],
  summary: 'List statutory obligations (Procurement Act 2023 notices) and their deadlines',
  usage: 'obligations [--as-of YYYY-MM-DD] [--within DAYS] [--json]',
  details: `Codes: ${OBLIGATION_CODES.join(', ')}. Status is due, overdue or done. --within DAYS keeps those not done and due within DAYS of --as-of (overdue ones included).`,
  options: { 'as-of': { type: 'string' }, within: { type: 'string' }, json: { type: 'boolean' } },
  async run({ options, io, withStore, print, printJson }) {
    const today = asOfOption(options['as-of'], io.now);
    const within = typeof options.within === 'string' ? daysOption('--within', options.within, { min: 0, max: 3650 }) : undefined;
    const shown = await withStore(async (store) =>
      registerObligations(await store.contracts.list(), { today, modifications: await store.procurementAct.listAllModifications(), publications: await store.procurementAct.listPublications(), ...(within === undefined ? {} : { within }) }),
    );
    if (options.json) {
      printJson(shown.map(publicObligation));
      return 0;
    }
    if (shown.length === 0) {
      print('No statutory obligations. Contracts under the Procurement Act 2023 need "Regime" or "Procurement started" in the register.');
      return 0;
    }
    print(formatTable(['Reference', 'Obligation', 'Due', 'Status'], shown.map((o) => [o.reference, o.obligation, o.due, o.status])));
    return 0;
  },
};

export const obligationsDone: CliCommand = {
  path: ['obligations', 'done'],
  summary: 'Record that a statutory notice or copy was published',
  usage: 'obligations done REF OBLIGATION --date YYYY-MM-DD [--notice-id ID] [--by EMAIL]',
  details: `OBLIGATION is one of ${OBLIGATION_CODES.filter((c) => c !== 'kpis').join(', ')}; it settles the earliest one not yet done.`,
  options: { date: { type: 'string' }, 'notice-id': { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const [reference = '', code = ''] = positionals;
    if (typeof options.date !== 'string') throw new CliError('Give the day it was published: --date YYYY-MM-DD', 2);
    const date = isoDateOption('--date', options.date);
    const by = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
    const settled = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      if (!contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      const today = asOfOption(undefined, io.now);
      const obligations = computeObligations(contract, { today, modifications: await store.procurementAct.listModifications(reference), publications: await store.procurementAct.listPublications(reference) });
      const planned = planPublication(contract, obligations, code, { publishedOn: date, ...(typeof options['notice-id'] === 'string' ? { noticeId: options['notice-id'] } : {}), by, at: (io.now?.() ?? new Date()).toISOString() });
      if (!planned.success) {
        const [problem] = planned.problems;
        const hint = problem?.code === 'nothing-outstanding' ? ` See them with: steward contracts show ${reference}` : '';
        throw new CliError(`${problem?.message ?? 'cannot record it'}${hint}`, problem?.code === 'nothing-outstanding' ? 1 : 2);
      }
      await store.procurementAct.recordPublication(planned.value, { actor: by, source: 'cli', ...(io.now ? { at: io.now() } : {}) });
      return planned.value;
    });
    if (options.json) printJson(settled);
    else print(`Recorded: ${code} for ${reference} published on ${date}${settled.noticeId ? ` (notice ${settled.noticeId})` : ''}.`);
    return 0;
  },
};

export const obligationsDraft: CliCommand = {
  path: ['obligations', 'draft'],
  summary: 'Draft a UK7, UK10 or UK11 notice as the OCDS release that carries its data',
  usage: 'obligations draft REF UK7|UK10|UK11|KEY --ocid-prefix ocds-xxxxxx --publisher NAME [--out FILE.json] [--as-of YYYY-MM-DD]',
  details: 'UK7 drafts the contract release (contract details notice, s.53), UK10 the contractAmendment (contract change notice, s.75), UK11 the contractTermination (termination notice, s.80), as a release package to paste into the Central Digital Platform or an eSender. A code drafts the earliest occurrence not yet published; a key such as UK10:MOD-1 (listed by steward obligations --json) drafts that one. --ocid-prefix and --publisher are as for export ocds (or STEWARD_OCID_PREFIX, STEWARD_PUBLISHER).',
  options: { 'ocid-prefix': { type: 'string' }, publisher: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' } },
  positionals: { min: 2, max: 2 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const [reference = '', wanted = ''] = positionals;
    const prefix = typeof options['ocid-prefix'] === 'string' ? options['ocid-prefix'] : io.env.STEWARD_OCID_PREFIX;
    if (prefix === undefined) throw new CliError('Give the council\'s ocid prefix: --ocid-prefix ocds-xxxxxx (or set STEWARD_OCID_PREFIX).', 2);
    const publisher = typeof options.publisher === 'string' ? options.publisher : (io.env.STEWARD_PUBLISHER ?? '');
    const today = asOfOption(options['as-of'], io.now);
    const out = typeof options.out === 'string' ? resolve(io.cwd, options.out) : undefined;
    const result = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      if (!contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      const modifications = await store.procurementAct.listModifications(reference);
      const obligations = computeObligations(contract, { today, modifications, publications: await store.procurementAct.listPublications(reference) });
      const references = (await store.contracts.list()).map((c) => c.reference);
      return draftNotice({ contract, modifications }, obligations, wanted, {
        ocidPrefix: prefix, publisher, today, references, uri: out ? pathToFileURL(out).href : `urn:steward:draft:${reference}`, publishedDate: (io.now?.() ?? new Date()).toISOString(),
      });
    });
    if (!result.success) throw new CliError(result.problem.message, result.problem.code === 'no-such-obligation' ? 1 : 2);
    const { obligation } = result.value;
    const settled = obligation.status === 'done' ? ` It is already recorded as published on ${obligation.publishedOn ?? 'an earlier day'}${obligation.noticeId ? ` (notice ${obligation.noticeId})` : ''}.` : '';
    if (out === undefined) {
      printJson(result.value.package);
      io.stderr.write(`${obligation.key} for ${reference}, due ${obligation.due}.${settled}\n`);
    } else {
      await writeFile(out, `${JSON.stringify(result.value.package, null, 2)}\n`, 'utf8');
      print(`${obligation.key} for ${reference}, due ${obligation.due}: the ${result.value.package.releases[0]?.tag[0] ?? ''} release written to ${out}.${settled}`);
    }
    return 0;
  },
};

export const modifyCommand: CliCommand = {
  path: ['modify'],
  summary: 'Check a contract modification against the law (s.74, s.75; regulation 72) and record it',
  usage: 'modify REF --value-change AMOUNT [--new-end-date YYYY-MM-DD] [--date YYYY-MM-DD] [--ground G | --not-substantial REASON] [--description TEXT] [--dry-run] [--json]',
  details: 'Grounds: below-threshold, schedule-8-para-1 … 9 (Act), reg-72-1-a … f (Regulations); --not-substantial "reason" relies on s.74(1)(b) or regulation 72(1)(e). Without --dry-run a permitted change is recorded and the contract\'s value and end date updated.',
  options: {
    'value-change': { type: 'string' },
    'new-end-date': { type: 'string' },
    date: { type: 'string' },
    ground: { type: 'string' },
    'not-substantial': { type: 'string' },
    description: { type: 'string' },
    by: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ options, positionals, io, withStore, print, printJson }) {
    const reference = positionals[0] ?? '';
    const proposal = proposalFrom(options, asOfOption(undefined, io.now));
    const by = typeof options.by === 'string' ? options.by : (io.env.USER ?? 'cli');
    const result = await withStore(async (store) => {
      const contract = await store.contracts.get(reference);
      if (!contract) throw new CliError(`No contract with reference "${reference}". List them with: steward contracts list`);
      const check = await checkAgainstStore(store, contract, proposal);
      if (options['dry-run'] || !check.permitted) return { check, recorded: false };
      await recordModification(store, contract, proposal, check, by, io.now);
      return { check, recorded: true };
    });
    const { check } = result;
    if (options.json) {
      printJson(modifyJson(check));
    } else {
      print(`${check.reference} (${check.regime}): ${check.permitted ? 'permitted' : 'NOT permitted'}${check.noticeRequired ? '; a contract change notice must be published first' : ''}.`);
      for (const line of [...check.reasons, ...check.warnings]) print(`- ${line}`);
      if (result.recorded) print('Recorded in the change log.');
    }
    return check.permitted ? 0 : 1;
  },
};

export function modifyJson(check: ModificationCheck) {
  return {
    reference: check.reference,
    regime: check.regime,
    belowThreshold: check.belowThreshold,
    substantial: check.substantial,
    permitted: check.permitted,
    noticeRequired: check.noticeRequired,
    thresholdAmount: check.thresholdAmount,
    aggregateBelowThreshold: check.aggregateBelowThreshold,
    headroom: check.headroom,
    reasons: [...check.reasons, ...check.warnings],
  };
}

/** Runs the check against the contract's recorded change log; bad input is a CliError. */
export async function checkAgainstStore(store: Store, contract: Contract, proposal: ModificationProposal): Promise<ModificationCheck> {
  const previous = await store.procurementAct.listModifications(contract.reference);
  const outcome = checkModification(contract, proposal, previous);
  if (!outcome.success) throw new CliError(outcome.problems.map((p) => p.message).join(' '));
  return outcome.value;
}

/** Records a permitted modification and applies it to the contract, in one transaction. */
export async function recordModification(store: Store, contract: Contract, proposal: ModificationProposal, check: ModificationCheck, by: string, now?: () => Date): Promise<ModificationRecord> {
  const recorder = { actor: by, source: 'cli', at: now?.() ?? new Date() };
  return store.transaction((tx) => writeModification(tx, contract, proposal, check, recorder));
}

function proposalFrom(options: Record<string, unknown>, today: string): ModificationProposal {
  const valueText = options['value-change'];
  if (typeof valueText !== 'string') throw new CliError('Give the change in value: --value-change AMOUNT (e.g. 25000, -10000 or 0)', 2);
  const cleaned = valueText.replace(/[£,\s]/g, '');
  if (!/^[+-]?\d+(\.\d{1,2})?$/.test(cleaned)) throw new CliError(`--value-change "${valueText}" is not an amount of money: write it as 25000 or -10000.50`, 2);
  const ground = typeof options.ground === 'string' ? options.ground.trim().toLowerCase() : undefined;
  const reason = typeof options['not-substantial'] === 'string' ? options['not-substantial'] : undefined;
  if (ground !== undefined && reason !== undefined) throw new CliError('Give either --ground or --not-substantial, not both.', 2);
  if (ground !== undefined && !GROUND_PATTERN.test(ground)) throw new CliError(`--ground "${ground}" is not a ground: use below-threshold, schedule-8-para-1 … 9 (Procurement Act 2023) or reg-72-1-a … f (Public Contracts Regulations 2015).`, 2);
  return {
    date: typeof options.date === 'string' ? isoDateOption('--date', options.date) : today,
    valueChange: Number(cleaned),
    ...(typeof options['new-end-date'] === 'string' ? { newEndDate: isoDateOption('--new-end-date', options['new-end-date']) } : {}),
    ...(ground !== undefined ? { ground } : {}),
    ...(reason !== undefined ? { ground: 'not-substantial', reason } : {}),
    ...(typeof options.description === 'string' ? { description: options.description } : {}),
  };
}

