import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { olderThan, sweepFolder } from './scratch-folder.js';
import { safeFileName } from './download-links.js';

/** How long a dry run waits for its confirmation. */
export const IMPORT_CONFIRM_MS = 15 * 60 * 1000;

/** An uploaded register waiting for the uploader to press Import. */
export interface PendingImport {
  readonly id: string;
  /** The uploader: their Teams id and, when Teams gives it, their Entra object id. */
  readonly teamsId: string;
  readonly aadObjectId?: string;
  readonly uploaderName: string;
  readonly uploaderEmail?: string;
  readonly conversationId: string;
  readonly fileName: string;
  readonly expiresAt: string;
}

export type ClaimResult =
  | {
      readonly status: 'ok';
      readonly pending: PendingImport;
      /** The uploaded bytes, read from disk once for the import. */
      read(): Promise<Buffer>;
      release(): Promise<void>;
    }
  | { readonly status: 'missing' | 'expired' }
  | { readonly status: 'not-yours'; readonly pending: PendingImport };

/**
 * Uploaded registers awaiting confirmation, one folder each under `dir`, named by a random id.
 * The upload is stored as `<id>.upload`, never under the name the person gave it, and it is
 * the only file kept beside the record: the original name is kept in the record for display
 * only. They survive a restart of the bot and never sit in memory between steps: each step
 * (the problems workbook, the import) reads the bytes once. Confirming or cancelling claims the
 * folder by renaming its record (so a double click imports once) and deletes it.
 */
export class PendingImports {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
    private readonly ttlMs = IMPORT_CONFIRM_MS,
  ) {}

  /** Keeps the uploaded bytes and returns the pending import. */
  async add(upload: Omit<PendingImport, 'id' | 'expiresAt'>, bytes: Buffer): Promise<{ pending: PendingImport }> {
    const id = randomBytes(24).toString('base64url');
    const folder = join(this.dir, id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const pending: PendingImport = { ...upload, id, fileName: safeFileName(upload.fileName), expiresAt: new Date(this.now().getTime() + this.ttlMs).toISOString() };
    await writeFile(uploadPath(folder, id), bytes, { mode: 0o600 });
    await writeFile(join(folder, 'pending.json'), JSON.stringify(pending), { mode: 0o600 });
    return { pending };
  }

  /** Reads a pending import and its bytes without claiming it (for the problems workbook). */
  async peek(id: string): Promise<{ pending: PendingImport; bytes: Buffer } | undefined> {
    if (!validId(id)) return undefined;
    try {
      const pending = JSON.parse(await readFile(join(this.dir, id, 'pending.json'), 'utf8')) as PendingImport;
      if (Date.parse(pending.expiresAt) <= this.now().getTime()) return undefined;
      return { pending, bytes: await readFile(uploadPath(join(this.dir, id), id)) };
    } catch {
      return undefined;
    }
  }

  /**
   * Claims a pending import for the person answering. Only the uploader may claim it, before it
   * expires; anyone else leaves it untouched. The caller must `release()` (deletes the files).
   */
  async claim(id: string, person: { teamsId: string; aadObjectId?: string }): Promise<ClaimResult> {
    if (!validId(id)) return { status: 'missing' };
    const folder = join(this.dir, id);
    let pending: PendingImport;
    try {
      pending = JSON.parse(await readFile(join(folder, 'pending.json'), 'utf8')) as PendingImport;
    } catch {
      return { status: 'missing' };
    }
    if (!samePerson(pending, person)) return { status: 'not-yours', pending };
    try {
      await rename(join(folder, 'pending.json'), join(folder, 'claimed.json'));
    } catch {
      return { status: 'missing' };
    }
    const release = () => rm(folder, { recursive: true, force: true });
    if (Date.parse(pending.expiresAt) <= this.now().getTime()) {
      await release();
      return { status: 'expired' };
    }
    return { status: 'ok', pending, read: () => readFile(uploadPath(folder, id)), release };
  }

  /** Deletes pending imports past their time limit. */
  sweep(): Promise<number> {
    return sweepFolder(this.dir, async (id, folder) => {
      if (!validId(id)) return false;
      for (const record of ['pending.json', 'claimed.json']) {
        try {
          const pending = JSON.parse(await readFile(join(folder, record), 'utf8')) as PendingImport;
          // A claimed import left behind by a crash goes an hour after its time limit.
          return Date.parse(pending.expiresAt) + (record === 'claimed.json' ? 3_600_000 : 0) <= this.now().getTime();
        } catch {
          // Not this record; a folder with neither is an upload being written.
        }
      }
      // A folder with no record is an upload being written, or one a crash cut short: gone once
      // it is older than the time limit.
      return olderThan(folder, this.now().getTime() - this.ttlMs);
    });
  }
}

/** Where an upload's bytes are kept: a fixed internal name, whatever the file was called. */
function uploadPath(folder: string, id: string): string {
  return join(folder, `${id}.upload`);
}

function validId(id: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(id);
}

function samePerson(pending: PendingImport, person: { teamsId: string; aadObjectId?: string }): boolean {
  if (pending.aadObjectId && person.aadObjectId) return pending.aadObjectId.toLowerCase() === person.aadObjectId.toLowerCase();
  return pending.teamsId === person.teamsId;
}
