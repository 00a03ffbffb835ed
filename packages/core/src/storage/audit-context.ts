/** Who made a change, from where, and when (defaults to now). Recorded in the audit trail. */
export interface AuditContext {
  /** A person's email/UPN, or a system actor such as `cli` or `renewals-job`. */
  readonly actor: string;
  /** Where the change came from: `cli`, `teams`, `import:register-2026.xlsx`, ... */
  readonly source: string;
  readonly at?: Date;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';
