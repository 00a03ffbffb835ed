import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join('/');

/** The tracked code that tests, benchmarks and scripts run: where a path outside the repository could hide. */
function trackedCode(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--', 'tests', 'packages', 'bench', 'scripts', 'manifest', 'vitest*.ts', 'eslint.config.js'], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\0').filter((file) => /\.(ts|mts|js|mjs|cjs)$/.test(file) && file !== SELF);
}

/** Relative path literals that climb out of the repository, and absolute paths into the machine's /work. */
function pathsOutside(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const literal = match[1] ?? '';
    const target = resolve(dirname(resolve(ROOT, file)), literal);
    if (relative(ROOT, target).startsWith('..')) found.push(literal);
  }
  for (const match of text.matchAll(/['"`](\/work\/[^'"`\s]*)['"`]/g)) found.push(match[1] ?? '');
  return found;
}

describe('the repository tests itself', () => {
  it('finds the code it checks', () => {
    const files = trackedCode();
    expect(files).toContain('tests/real-data/real-registers.test.ts');
    expect(files).toContain('packages/core/src/tenders/clause-library.test.ts');
  });

  it('has no test, benchmark or script that reads a path outside the repository', () => {
    const outside = trackedCode().flatMap((file) => pathsOutside(file, readFileSync(resolve(ROOT, file), 'utf8')).map((path) => `${file}: ${path}`));
    expect(outside, 'keep the files a test needs in tests/fixtures/ (with a PROVENANCE.md)').toEqual([]);
  });

  it('would catch the seed text read from a shared folder beside the repository', () => {
    const escaping = ['..', '..', '..', '..', '..', 'shared', 'seed', 'x.txt'].join('/');
    expect(pathsOutside('packages/core/src/tenders/clause-library.test.ts', `new URL('${escaping}', import.meta.url)`)).toEqual([escaping]);
    expect(pathsOutside('packages/core/src/cli/as-of-option.ts', `import '../shared/iso-date.js';`)).toEqual([]);
  });
});
