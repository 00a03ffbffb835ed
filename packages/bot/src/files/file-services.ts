import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@contract-steward/core';
import type { Config } from '../config.js';
import type { MessageSender } from '../proactive/send-queue.js';
import type { OutgoingMessage } from '../turn.js';
import { DEFAULT_FILE_HOSTS, type DownloadPolicy } from './download-attachment.js';
import { FILE_TTL_MS, FileVault } from './download-links.js';
import { PendingImports } from './pending-imports.js';
import { ScratchFolder } from './scratch-folder.js';

/** What the file handlers need: where files wait, which hosts files move to and from, the public address. */
export interface FileServices {
  readonly vault: FileVault;
  readonly imports: PendingImports;
  /** Where exports are written before they are offered (swept like the rest). */
  readonly scratch: ScratchFolder;
  /** For downloading uploads and for the OneDrive upload URL of an accepted consent card. */
  readonly policy: DownloadPolicy;
  /** The bot's public base URL, without a trailing slash. */
  readonly publicUrl: () => string;
  readonly fetch: typeof fetch;
  /** Posts a message to a conversation outside a turn (the result of a long import); absent in tests of pure handlers. */
  readonly notify?: (conversationId: string, message: OutgoingMessage) => Promise<void>;
  /** Keeps work that outlives its turn, so the server waits for it on close. */
  track(work: Promise<unknown>): void;
  /** Resolves when the tracked work is done. */
  settled(): Promise<void>;
  /** Deletes everything in FILES_DIR past its expiry, including what a crash left behind. */
  sweep(): Promise<void>;
}

export interface FileServiceDeps {
  readonly store: Store;
  readonly sender: MessageSender;
}

export function fileServicesFrom(config: Config, now: () => Date, listeningUrl: () => string, deps?: FileServiceDeps): FileServices {
  const dir = config.FILES_DIR ?? join(tmpdir(), 'contract-steward-files');
  const running = new Set<Promise<unknown>>();
  const vault = new FileVault(join(dir, 'links'), now);
  const imports = new PendingImports(join(dir, 'imports'), now);
  const scratch = new ScratchFolder(join(dir, 'work'), now, FILE_TTL_MS);
  return {
    vault,
    imports,
    scratch,
    policy: {
      hosts: config.FILE_DOWNLOAD_HOSTS.length > 0 ? config.FILE_DOWNLOAD_HOSTS : DEFAULT_FILE_HOSTS,
      maxBytes: Math.round(config.MAX_UPLOAD_MB * 1_048_576),
      allowLoopbackHttp: config.FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP,
    },
    publicUrl: () => (config.PUBLIC_URL ?? listeningUrl()).replace(/\/+$/, ''),
    fetch: (input, init) => fetch(input, init),
    ...(deps
      ? {
          notify: async (conversationId: string, message: OutgoingMessage) => {
            const conversation = await deps.store.conversations.get(conversationId);
            if (!conversation) throw new Error(`no conversation ${conversationId} to post to`);
            await deps.sender.send(conversation, message);
          },
        }
      : {}),
    track(work) {
      const settled = work.catch(() => undefined).finally(() => running.delete(settled));
      running.add(settled);
    },
    async settled() {
      await Promise.all([...running]);
    },
    async sweep() {
      await Promise.all([vault.sweep(), imports.sweep(), scratch.sweep()]);
    },
  };
}

/** Deletes expired files and imports every minute until the returned function is called. */
export function sweepFiles(files: FileServices, onError: (error: unknown) => void, everyMs = 60_000): () => void {
  const sweep = () => {
    files.sweep().catch(onError);
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
