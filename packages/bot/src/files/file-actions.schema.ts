import { z } from 'zod';

/** Bumped when the shape of these card actions changes. */
export const FILE_ACTION_VERSION = 1;

const ImportId = z.string().regex(/^[A-Za-z0-9_-]{32}$/);
const Version = z.literal(FILE_ACTION_VERSION);
const EvaluationId = z.string().trim().min(1).max(100);
const OptionIndex = z.coerce.number().int().min(0).max(100);

/** The card actions of the file features (import, documents), a closed union on `verb`. */
export const FileActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('importRegister'), v: Version, importId: ImportId }),
  z.object({ verb: z.literal('cancelImport'), v: Version, importId: ImportId }),
  z.object({ verb: z.literal('importProblems'), v: Version, importId: ImportId }),
  // The tender pack form: its inputs arrive merged with the data, as strings.
  z.object({ verb: z.literal('tenderPack'), v: Version }).catchall(z.unknown()),
  // An evaluator opens the score form of one option of a saved TDA evaluation, and sends it.
  z.object({ verb: z.literal('scoreOption'), v: Version, evaluationId: EvaluationId, option: OptionIndex }),
  z.object({ verb: z.literal('saveScores'), v: Version, evaluationId: EvaluationId, option: OptionIndex }).catchall(z.unknown()),
]);
export type FileAction = z.infer<typeof FileActionSchema>;

export const FILE_VERBS: ReadonlySet<string> = new Set(['importRegister', 'cancelImport', 'importProblems', 'tenderPack', 'scoreOption', 'saveScores']);

export type FileActionParse = { readonly ok: true; readonly action: FileAction } | { readonly ok: false; readonly message: string };

/**
 * Reads an `adaptiveCard/action` value ({action: {verb, data}}) or an Action.Submit value, and
 * returns undefined when the verb is not one of the file actions (another handler's action).
 */
export function parseFileAction(value: unknown): FileActionParse | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const envelope = (value as { action?: { verb?: unknown; data?: unknown } }).action;
  const data: Record<string, unknown> =
    envelope && typeof envelope === 'object'
      ? { ...(typeof envelope.data === 'object' && envelope.data !== null ? (envelope.data as Record<string, unknown>) : {}), ...(typeof envelope.verb === 'string' ? { verb: envelope.verb } : {}) }
      : { ...(value as Record<string, unknown>) };
  if (typeof data.verb !== 'string' || !FILE_VERBS.has(data.verb)) return undefined;
  const parsed = FileActionSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, message: 'This card is out of date or damaged, so I did nothing. Upload the file or ask for the document again.' };
  }
  return { ok: true, action: parsed.data };
}
