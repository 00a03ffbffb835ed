/**
 * An expected failure the user can fix, returned as a value rather than thrown.
 * `code` is stable (the bot and CLI map it to words); `path` points at the offending input.
 */
export interface Problem {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type Result<T, P extends Problem = Problem> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly problems: readonly P[] };

export const ok = <T>(value: T): Result<T, never> => ({ success: true, value });
export const fail = <P extends Problem>(problems: readonly P[]): Result<never, P> => ({
  success: false,
  problems,
});

/** Turns zod issues into problems, so validation failures look like every other problem. */
export function problemsFromZod(
  issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[],
): Problem[] {
  return issues.map((issue) => ({
    code: `invalid-${issue.code.replaceAll('_', '-')}`,
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  }));
}
