export { recordDecision, type RecordDecisionInput, type RecordDecisionProblem, type DecisionRecorded, type RenegotiatedPrices } from './record-decision.js';
export type { Recorder } from './write-modification.js';
export { readEvaluation, EVALUATION_FILE_TYPES, type EvaluationFileProblem } from './read-evaluation.js';
export { importSavingsFile, type SavingsImportOptions, type SavingsImportReport } from './import-savings.js';
export { importRegister, problemsWorkbook, type ImportOptions, type ImportReport } from './import-register.js';
export { importKpiResults, type KpiResultsImportOptions, type KpiResultsImportReport } from './import-kpi-results.js';
export { importUsage, type UsageImportOptions, type UsageImportReport } from './import-usage.js';
export type { SpreadsheetFile } from '../excel/read-register.js';
export { makeTenderPack, type TenderPackFile, type TenderPackFormat, type TenderPackMade } from './make-tender-pack.js';
