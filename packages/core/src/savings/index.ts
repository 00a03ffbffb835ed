export * from './saving.schema.js';
export * from './financial-year.js';
export * from './compute-savings.js';
export { savingFromRenegotiation, type RenegotiationTerms } from './saving-from-renegotiation.js';
export { validateSavingRows, savingRowsFromJson, type SavingRow } from './validate-savings.js';
export { IEG4_SAVING } from './ieg4-example.js';
export { renegotiationStart, monthsThrough } from './renegotiation-term.js';
