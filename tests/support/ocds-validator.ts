import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ErrorObject } from 'ajv-draft-04';

// ajv-draft-04 is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;

/** The OCDS schemas copied into the repository (see tests/fixtures/ocds/PROVENANCE.md). */
const ROOT = fileURLToPath(new URL('../fixtures/ocds/', import.meta.url));
const RELEASE_SCHEMA_ID = 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json';

/** The extensions the export may declare, by the folder their schema is kept in. */
export const EXTENSION_FOLDERS = { uk: 'extensions/uk', metrics: 'extensions/metrics', contractCompletion: 'extensions/contract_completion' } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readJson(path: string): Json {
  return JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as Json;
}

/** RFC 7396 JSON Merge Patch: how OCDS extensions change the release schema. */
export function mergePatch(target: Json, patch: Json): Json {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, Json> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** The codes of a codelist: the core CSV plus the rows each extension adds (`+name.csv`) or its own CSV. */
function codelist(name: string): Set<string> {
  const files = [`1.1.5/codelists/${name}`, ...Object.values(EXTENSION_FOLDERS).flatMap((f) => [`${f}/codelists/${name}`, `${f}/codelists/+${name}`])];
  const codes = new Set<string>();
  for (const file of files) {
    if (!existsSync(`${ROOT}${file}`)) continue;
    const lines = readFileSync(`${ROOT}${file}`, 'utf8').split(/\r?\n/).slice(1);
    for (const line of lines) if (line.trim() !== '') codes.add(line.split(',')[0] ?? '');
  }
  if (codes.size === 0) throw new Error(`codelist ${name} not found in the fixtures`);
  return codes;
}

export interface OcdsValidation {
  readonly valid: boolean;
  /** Each error as `path message`, for readable test failures. */
  readonly errors: readonly string[];
}

/**
 * Validates a release package against OCDS 1.1.5 with the UK, metrics and contract completion
 * extensions merged in, and every field with a closed codelist against its codes.
 */
export function createOcdsValidator(): (pkg: unknown) => OcdsValidation {
  let releaseSchema = readJson('1.1.5/release-schema.json');
  for (const folder of Object.values(EXTENSION_FOLDERS)) releaseSchema = mergePatch(releaseSchema, readJson(`${folder}/release-schema.json`));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addKeyword({
    keyword: 'codelist',
    schemaType: 'string',
    errors: true,
    validate: function check(name: string, data: unknown, parent?: Record<string, unknown>) {
      if (parent?.openCodelist !== false || data === null || data === undefined) return true;
      const codes = codelist(name);
      const values = Array.isArray(data) ? data : [data];
      const bad = values.filter((v) => typeof v !== 'string' || !codes.has(v));
      if (bad.length === 0) return true;
      (check as unknown as { errors: Partial<ErrorObject>[] }).errors = [{ keyword: 'codelist', message: `${JSON.stringify(bad)} not in the closed codelist ${name}`, params: { codelist: name } }];
      return false;
    },
  });
  for (const keyword of ['openCodelist', 'deprecated', 'omitWhenMerged', 'versionId', 'wholeListMerge']) ajv.addKeyword(keyword);
  ajv.addSchema(releaseSchema as object, RELEASE_SCHEMA_ID);
  const validate = ajv.compile(readJson('1.1.5/release-package-schema.json') as object);
  return (pkg) => {
    const valid = validate(pkg);
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`) };
  };
}
