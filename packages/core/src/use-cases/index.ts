export { recordDecision, type RecordDecisionInput, type RecordDecisionProblem, type DecisionRecorded, type RenegotiatedPrices } from './record-decision.js';
export type { Recorder } from './write-modification.js';
