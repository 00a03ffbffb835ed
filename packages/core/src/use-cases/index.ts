export { recordDecision, type RecordDecisionInput, type RecordDecisionProblem, type DecisionRecorded, type RenegotiatedPrices } from './record-decision.js';
export type { Recorder } from './write-modification.js';
export { readEvaluation, EVALUATION_FILE_TYPES, type EvaluationFileProblem } from './read-evaluation.js';
export { importSavingsFile, type SavingsImportOptions, type SavingsImportReport } from './import-savings.js';
