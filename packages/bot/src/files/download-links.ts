import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { olderThan } from './scratch-folder.js';

/** Generated files are kept at most this long: a link, or a consent card, works for 15 minutes. */
export const FILE_TTL_MS = 15 * 60 * 1000;

/** What a file is held for: a download link (channels, group chats) or a consent card (personal chat). */
export type FilePurpose = 'link' | 'consent';

export interface HeldFile {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

interface Meta {
  readonly name: string;
  readonly contentType: string;
  readonly purpose: FilePurpose;
  readonly expiresAt: string;
  /** The conversation the file was offered in (a consent answer must come from it). */
  readonly conversationId?: string;
}

export type TakeResult =
  | { readonly status: 'ok'; readonly file: HeldFile; readonly conversationId?: string }
  | { readonly status: 'expired' | 'missing' };

const CONTENT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};

/** The content type of a generated file, from its extension. */
export function contentTypeOf(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** A file name safe in a Content-Disposition header and on any disk: letters, digits, space, `._()-`. */
export function safeFileName(name: string): string {
  const normalised = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const extension = /(\.[A-Za-z0-9]{1,5})$/.exec(normalised)?.[1] ?? '';
  const stem = normalised
    .slice(0, normalised.length - extension.length)
    .replace(/[^\w .()-]+/g, '_')
    .replace(/^[.\s_]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
  return `${stem === '' ? 'file' : stem}${extension}`;
}

/**
 * Generated files waiting to be fetched, in a folder on disk rather than in memory: a restart
 * keeps them, several bot processes sharing the folder see the same files, and the bytes never
 * sit in the database. Each file is named by the SHA-256 of its token, so the folder does not
 * reveal working tokens. A token (32 random bytes) works once: taking a file renames its record
 * (atomic, so two requests cannot both win) and deletes it. Expired files are swept.
 */
export class FileVault {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
    private readonly ttlMs = FILE_TTL_MS,
  ) {}

  /** Holds a file and returns its token (URL-safe, 43 characters). */
  async put(file: HeldFile, purpose: FilePurpose, conversationId?: string): Promise<string> {
    await this.ensureDir();
    const token = randomBytes(32).toString('base64url');
    const key = keyOf(token);
    const meta: Meta = {
      name: safeFileName(file.name),
      contentType: file.contentType,
      purpose,
      expiresAt: new Date(this.now().getTime() + this.ttlMs).toISOString(),
      ...(conversationId ? { conversationId } : {}),
    };
    await writeFile(join(this.dir, `${key}.bin`), file.bytes, { mode: 0o600 });
    await writeFile(join(this.dir, `${key}.json`), JSON.stringify(meta), { mode: 0o600 });
    return token;
  }

  /** Takes a file once: whatever the answer, the file is gone afterwards. */
  async take(token: string, purpose: FilePurpose): Promise<TakeResult> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'missing' };
    await this.ensureDir();
    const key = keyOf(token);
    const record = join(this.dir, `${key}.json`);
    const claimed = join(this.dir, `${key}.${randomBytes(6).toString('hex')}.taken`);
    let meta: Meta;
    try {
      const peek = JSON.parse(await readFile(record, 'utf8')) as Meta;
      if (peek.purpose !== purpose) return { status: 'missing' };
      await rename(record, claimed);
      meta = JSON.parse(await readFile(claimed, 'utf8')) as Meta;
    } catch {
      return { status: 'missing' };
    }
    const data = join(this.dir, `${key}.bin`);
    try {
      if (Date.parse(meta.expiresAt) <= this.now().getTime()) return { status: 'expired' };
      const bytes = await readFile(data);
      return { status: 'ok', file: { name: meta.name, contentType: meta.contentType, bytes }, ...(meta.conversationId ? { conversationId: meta.conversationId } : {}) };
    } finally {
      await rm(claimed, { force: true });
      await rm(data, { force: true });
    }
  }

  /**
   * Deletes every expired file; returns how many went. Also deletes what a crash left behind
   * once it is older than the expiry: data whose record was never written, and taken records.
   */
  async sweep(): Promise<number> {
    await this.ensureDir();
    let removed = 0;
    const now = this.now().getTime();
    const entries = await readdir(this.dir);
    const records = new Set(entries.filter((entry) => entry.endsWith('.json')));
    for (const entry of entries) {
      const orphan = (entry.endsWith('.bin') && !records.has(`${entry.slice(0, -'.bin'.length)}.json`)) || entry.endsWith('.taken');
      if (orphan && (await olderThan(join(this.dir, entry), now - this.ttlMs))) {
        await rm(join(this.dir, entry), { force: true });
        removed++;
      }
    }
    for (const entry of records) {
      const key = entry.slice(0, -'.json'.length);
      try {
        const meta = JSON.parse(await readFile(join(this.dir, entry), 'utf8')) as Meta;
        if (Date.parse(meta.expiresAt) > now) continue;
      } catch {
        // Unreadable record: remove it with its data.
      }
      await rm(join(this.dir, entry), { force: true });
      await rm(join(this.dir, `${key}.bin`), { force: true });
      removed++;
    }
    return removed;
  }

  private ensureDir(): Promise<unknown> {
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 });
    return this.ready;
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
