import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAIN, OUTER_LAYERS, findCycles, findViolations, layerOf, readSourceFiles, type SourceFile, type Violation } from './support/import-graph.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = readSourceFiles(ROOT, ['packages/core/src', 'packages/bot/src']);
const SHIPPED = FILES.filter((f) => !f.path.endsWith('.test.ts'));

/**
 * Imports that break a rule, each to be removed when its file moves; none today. The list can
 * only shrink: an entry that no longer breaks the rule fails the test, so it is deleted.
 */
const KNOWN_EXCEPTIONS: readonly Omit<Violation, 'rule'>[] = [];

const key = (v: Omit<Violation, 'rule'>) => `${v.file} imports ${v.imports}`;
const file = (path: string, ...imports: string[]): SourceFile => ({ path, imports });

describe('the architecture (ARCHITECTURE.md)', () => {
  it('reads the imports of every source file of core and the bot', () => {
    expect(FILES.length).toBeGreaterThan(150);
    const decisions = FILES.find((f) => f.path === 'packages/core/src/renewals/decisions.ts');
    expect(decisions?.imports).toContain('packages/core/src/register/contract.schema.ts');
    expect(decisions?.imports).toContain('packages/core/src/shared/problem.ts');
  });

  it('puts every folder of core in a layer, so a new folder is checked too', () => {
    const folders = readdirSync(`${ROOT}packages/core/src`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const layered: readonly string[] = [...DOMAIN, ...OUTER_LAYERS];
    expect(folders.filter((folder) => !layered.includes(folder)), 'add these to DOMAIN or OUTER_LAYERS in tests/support/import-graph.ts').toEqual([]);
  });

  it('keeps every import in its direction, apart from the known exceptions', () => {
    const known = new Set(KNOWN_EXCEPTIONS.map(key));
    const found = findViolations(FILES);
    expect(found.filter((v) => !known.has(key(v))).map((v) => `${key(v)}: ${v.rule}`)).toEqual([]);
  });

  it('lists only exceptions that are still needed', () => {
    const found = new Set(findViolations(FILES).map(key));
    expect(KNOWN_EXCEPTIONS.map(key).filter((k) => !found.has(k)), 'delete these from KNOWN_EXCEPTIONS').toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(findCycles(SHIPPED)).toEqual([]);
  });

  it('has no import cycle between the folders of core', () => {
    const folder = (path: string) => (path.startsWith('packages/core/src/') && layerOf(path) !== 'core' ? layerOf(path) : undefined);
    expect(findCycles(SHIPPED, folder)).toEqual([]);
  });
});

describe('the import rules', () => {
  const rulesBroken = (...files: SourceFile[]) => findViolations(files).map((v) => `${v.file} -> ${v.imports}`);

  it('refuse storage, adapters, the CLI, node built-ins and other packages in the domain', () => {
    expect(
      rulesBroken(
        file('packages/core/src/renewals/a.ts', 'packages/core/src/storage/store.ts', 'packages/core/src/excel/read-register.ts', 'packages/core/src/cli/main.ts', 'node:fs', 'child_process', 'exceljs'),
        file('packages/core/src/register/import/b.ts', 'node:fs/promises', 'packages/core/src/word/x.ts'),
      ),
    ).toEqual([
      'packages/core/src/renewals/a.ts -> packages/core/src/storage/store.ts',
      'packages/core/src/renewals/a.ts -> packages/core/src/excel/read-register.ts',
      'packages/core/src/renewals/a.ts -> packages/core/src/cli/main.ts',
      'packages/core/src/renewals/a.ts -> node:fs',
      'packages/core/src/renewals/a.ts -> child_process',
      'packages/core/src/renewals/a.ts -> exceljs',
      'packages/core/src/register/import/b.ts -> node:fs/promises',
      'packages/core/src/register/import/b.ts -> packages/core/src/word/x.ts',
    ]);
  });

  it('let the domain use the domain and zod, and let its tests read fixtures', () => {
    expect(
      rulesBroken(
        file('packages/core/src/tenders/a.ts', 'packages/core/src/register/contract.schema.ts', 'packages/core/src/shared/problem.ts', 'zod'),
        file('packages/core/src/tenders/a.test.ts', 'node:fs', 'packages/core/src/excel/read-register.ts'),
      ),
    ).toEqual([]);
  });

  it('refuse the bot and its packages anywhere in core, tests included', () => {
    expect(
      rulesBroken(
        file('packages/core/src/storage/a.ts', 'packages/bot/src/config.ts'),
        file('packages/core/src/cli/b.test.ts', 'botbuilder', 'restify', '@contract-steward/bot'),
        file('packages/bot/src/teams/c.ts', 'botbuilder', '@contract-steward/core'),
      ),
    ).toEqual([
      'packages/core/src/storage/a.ts -> packages/bot/src/config.ts',
      'packages/core/src/cli/b.test.ts -> botbuilder',
      'packages/core/src/cli/b.test.ts -> restify',
      'packages/core/src/cli/b.test.ts -> @contract-steward/bot',
    ]);
  });

  it('refuse storage and the CLI in the adapters, and adapters and the CLI in storage', () => {
    expect(
      rulesBroken(
        file('packages/core/src/excel/a.ts', 'packages/core/src/storage/store.ts', 'packages/core/src/register/contract.schema.ts', 'exceljs', 'node:fs'),
        file('packages/core/src/word/b.ts', 'packages/core/src/cli/main.ts'),
        file('packages/core/src/storage/c.ts', 'packages/core/src/excel/read-register.ts', 'packages/core/src/renewals/warnings.ts'),
      ),
    ).toEqual([
      'packages/core/src/excel/a.ts -> packages/core/src/storage/store.ts',
      'packages/core/src/word/b.ts -> packages/core/src/cli/main.ts',
      'packages/core/src/storage/c.ts -> packages/core/src/excel/read-register.ts',
    ]);
  });

  it('let the use cases use the domain, the adapters and storage, but not the CLI; and keep them out of the adapters and storage', () => {
    expect(
      rulesBroken(
        file('packages/core/src/use-cases/a.ts', 'packages/core/src/storage/store.ts', 'packages/core/src/excel/read-register.ts', 'packages/core/src/renewals/decisions.ts', 'node:stream', 'packages/core/src/cli/main.ts', 'packages/core/src/index.ts'),
        file('packages/core/src/use-cases/b.ts', 'botbuilder'),
        file('packages/core/src/excel/c.ts', 'packages/core/src/use-cases/a.ts'),
        file('packages/core/src/storage/d.ts', 'packages/core/src/use-cases/a.ts'),
      ),
    ).toEqual([
      'packages/core/src/use-cases/a.ts -> packages/core/src/cli/main.ts',
      'packages/core/src/use-cases/a.ts -> packages/core/src/index.ts',
      'packages/core/src/use-cases/b.ts -> botbuilder',
      'packages/core/src/excel/c.ts -> packages/core/src/use-cases/a.ts',
      'packages/core/src/storage/d.ts -> packages/core/src/use-cases/a.ts',
    ]);
  });

  it('find a cycle of files and a cycle of folders', () => {
    const files = [
      file('packages/core/src/storage/store.ts', 'packages/core/src/storage/repo.ts'),
      file('packages/core/src/storage/repo.ts', 'packages/core/src/storage/store.ts'),
      file('packages/core/src/register/a.ts', 'packages/core/src/tenders/b.ts'),
      file('packages/core/src/tenders/c.ts', 'packages/core/src/register/d.ts'),
    ];
    expect(findCycles(files)).toEqual([['packages/core/src/storage/repo.ts', 'packages/core/src/storage/store.ts']]);
    expect(findCycles(files, layerOf)).toEqual([['register', 'tenders']]);
  });
});
