/**
 * The audit source of an import: `import:` and the file's name without any folder, so the
 * trail says which file a change came from without recording where it sat.
 */
export function importSource(fileName: string): string {
  return `import:${fileName.split(/[\\/]/).pop() ?? fileName}`;
}
