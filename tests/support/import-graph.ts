import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** A source file and what it imports: repository paths for relative imports, the specifier otherwise. */
export interface SourceFile {
  readonly path: string;
  readonly imports: readonly string[];
}

/** Every .ts file under these folders (paths relative to `root`, with forward slashes). */
export function readSourceFiles(root: string, folders: readonly string[]): SourceFile[] {
  return folders.flatMap((folder) => walk(join(root, folder))).map((file) => {
    const path = relative(root, file).split(sep).join('/');
    // TypeScript's own pre-parser: static, type-only, side-effect and dynamic imports, and re-exports.
    const found = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((i) => i.fileName);
    return { path, imports: found.map((specifier) => resolveImport(path, specifier)) };
  });
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : walk(join(folder, entry.name));
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(folder, entry.name)] : [];
  });
}

/** `./x.js` from `a/b.ts` is `a/x.ts`; a package or node: specifier stays as written. */
function resolveImport(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return posix.join(posix.dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** The layer a path belongs to: a folder of core (`register`, `storage`, ...), `core` for its root files, or `bot`. */
export function layerOf(path: string): string | undefined {
  const core = /^packages\/core\/src\/(?:([^/]+)\/)?[^/]+$/.exec(path) ?? /^packages\/core\/src\/([^/]+)\//.exec(path);
  if (core) return core[1] ?? 'core';
  if (path.startsWith('packages/bot/')) return 'bot';
  return undefined;
}

/** Pure: no I/O, no clock, no environment; they may use only these packages. */
export const DOMAIN = ['register', 'renewals', 'conversation', 'tenders', 'evaluation', 'savings', 'procurement-act', 'performance', 'publish', 'deadlines', 'duties', 'sample', 'shared'] as const;
export const DOMAIN_PACKAGES = ['zod'] as const;
/** The folders of core that are not domain: adapters, storage, the use cases and the command line. */
export const OUTER_LAYERS = ['excel', 'word', 'storage', 'use-cases', 'cli'] as const;
/** Packages of the Teams bot: nothing outside packages/bot may depend on them. */
const BOT_PACKAGES = /^(botbuilder|botframework-|restify)/;

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier);
const isPackage = (specifier: string) => !specifier.startsWith('packages/') && !isBuiltin(specifier);
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** One import that breaks a layer rule. */
export interface Violation {
  readonly file: string;
  readonly imports: string;
  readonly rule: string;
}

/**
 * The direction of imports (ARCHITECTURE.md): domain <- adapters (excel, word) and storage <-
 * use cases <- CLI and bot. Tests beside the code are exempt from the domain rules (a test may read a fixture
 * file or build its input with an adapter), but not from the bot-package rule.
 */
export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    const isTest = file.path.endsWith('.test.ts');
    for (const target of file.imports) {
      const add = (rule: string) => violations.push({ file: file.path, imports: target, rule });
      const targetLayer = layerOf(target);
      if (layer !== 'bot' && layer !== undefined && (BOT_PACKAGES.test(target) || target.startsWith('@contract-steward/bot') || targetLayer === 'bot')) {
        add('only the bot depends on the bot and its packages (botbuilder, restify)');
      }
      if (isTest) continue;
      if ((DOMAIN as readonly string[]).includes(layer ?? '')) {
        if (isBuiltin(target)) add('the domain does no I/O: no node built-ins');
        else if (isPackage(target) && !(DOMAIN_PACKAGES as readonly string[]).includes(packageName(target))) add(`the domain uses only ${DOMAIN_PACKAGES.join(' and ')}`);
        else if (targetLayer !== undefined && !(DOMAIN as readonly string[]).includes(targetLayer)) add(`the domain imports only the domain, not ${targetLayer}`);
      }
      if ((layer === 'excel' || layer === 'word') && (targetLayer === 'storage' || targetLayer === 'use-cases' || targetLayer === 'cli' || targetLayer === 'core')) {
        add(`adapters turn bytes into domain values and back; they do not use ${targetLayer}`);
      }
      if (layer === 'storage' && (targetLayer === 'excel' || targetLayer === 'word' || targetLayer === 'use-cases' || targetLayer === 'cli' || targetLayer === 'core')) {
        add(`storage keeps domain values; it does not use ${targetLayer}`);
      }
      if (layer === 'use-cases' && (targetLayer === 'cli' || targetLayer === 'core')) {
        add(`a use case serves the CLI and the bot alike; it does not use ${targetLayer}`);
      }
    }
  }
  return violations;
}

/** Each import cycle among these files (type-only imports included), as the files in it. */
export function findCycles(files: readonly SourceFile[], nodeOf: (path: string) => string | undefined = (path) => path): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = nodeOf(file.path);
    if (from === undefined) continue;
    const targets = edges.get(from) ?? new Set<string>();
    for (const target of file.imports) {
      const to = nodeOf(target);
      if (to !== undefined && to !== from) targets.add(to);
    }
    edges.set(from, targets);
  }
  // Tarjan's strongly connected components: every component of more than one node is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
