import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const PREFIX = 'work-';

/**
 * Where generated workbooks (the register and savings exports) are written before their bytes
 * are read back: a folder per use under FILES_DIR rather than the system temp folder, removed
 * when done, and swept when a crash left one behind, so no export outlives its expiry on disk.
 */
export class ScratchFolder {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
    /** How long a folder may stay before the sweep takes it (the download links' expiry). */
    private readonly ttlMs: number,
  ) {}

  /** Runs `work` with a fresh private folder, and deletes the folder afterwards whatever happens. */
  async use<T>(work: (folder: string) => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const folder = await mkdtemp(join(this.dir, PREFIX));
    try {
      return await work(folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** Deletes folders older than the expiry (left by a crash); returns how many went. */
  sweep(): Promise<number> {
    const cutoff = this.now().getTime() - this.ttlMs;
    return sweepFolder(this.dir, (entry, path) => (entry.startsWith(PREFIX) ? olderThan(path, cutoff) : Promise.resolve(false)));
  }
}

/**
 * Deletes each entry of `dir` that `expired` says has had its time; returns how many went.
 * A folder that is not there has nothing to sweep.
 */
export async function sweepFolder(dir: string, expired: (entry: string, path: string) => Promise<boolean>): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry);
    if (!(await expired(entry, path))) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** True when the file or folder at `path` was last changed before `cutoff` (ms); false when it is gone. */
export async function olderThan(path: string, cutoff: number): Promise<boolean> {
  try {
    return (await stat(path)).mtimeMs < cutoff;
  } catch {
    return false;
  }
}
