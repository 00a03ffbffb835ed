import type { CliCommand } from '../command.js';
import { contractsList, contractsShow } from './contracts.js';
import { decideCommand } from './decide.js';
import { renewalsCommand } from './renewals.js';
import { warningsCommand } from './warnings.js';
import { evaluateCommand, evaluationsApprove, evaluationsList, evaluationsShow } from './evaluate.js';
import { savingsExport, savingsImport, savingsList, savingsSchema, savingsState } from './savings.js';
import { exportOcds, exportRegister, exportTransparency } from './export.js';
import { importCommand } from './import.js';
import { sampleCommand } from './sample.js';
import { templateCommand } from './template.js';
import { tenderPackCommand } from './tender-pack.js';
import { modifyCommand, obligationsDone, obligationsDraft, obligationsList } from './procurement-act.js';
import { kpisAdd, kpisList, kpisRecord } from './kpis.js';
import { performanceCommand, performanceExport, performanceTemplate, performanceUk9 } from './performance.js';
import { reviewsAdd, reviewsDone, reviewsList } from './reviews.js';
import { usageAdd, usageList, usageRecord } from './usage.js';

/** Every `steward` subcommand, in the order `steward --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [contractsList, contractsShow, renewalsCommand, warningsCommand, decideCommand, importCommand, sampleCommand, exportRegister, exportTransparency, exportOcds, templateCommand, savingsImport, savingsList, savingsExport, savingsState, savingsSchema, tenderPackCommand, evaluateCommand, evaluationsList, evaluationsShow, evaluationsApprove, obligationsList, obligationsDone, obligationsDraft, modifyCommand, kpisAdd, kpisList, kpisRecord, usageAdd, usageList, usageRecord, performanceCommand, performanceExport, performanceTemplate, performanceUk9, reviewsList, reviewsAdd, reviewsDone];
