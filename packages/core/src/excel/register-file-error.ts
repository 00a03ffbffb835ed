/** Why a file cannot be imported at all. Nothing is written when one of these is thrown. */
export type RegisterFileErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'legacy-xls'
  | 'password-protected'
  | 'not-a-spreadsheet'
  | 'zip-bomb'
  | 'inconsistent-zip'
  | 'too-many-rows'
  | 'cell-too-long'
  | 'merged-cells'
  | 'no-register-sheet'
  | 'no-supplier-column'
  | 'buyer-not-found'
  | 'buyer-needs-ocds'
  | 'sheet-not-found'
  | 'unclosed-quote';

/** A file the importer refuses, with one sentence that says what to do instead. */
export class RegisterFileError extends Error {
  constructor(
    readonly code: RegisterFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterFileError';
  }
}
