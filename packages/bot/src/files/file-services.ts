import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { DEFAULT_FILE_HOSTS, type DownloadPolicy } from './download-attachment.js';
import { FileVault } from './download-links.js';
import { PendingImports } from './pending-imports.js';

/** What the file handlers need: where files wait, which hosts files move to and from, the public address. */
export interface FileServices {
  readonly vault: FileVault;
  readonly imports: PendingImports;
  /** For downloading uploads and for the OneDrive upload URL of an accepted consent card. */
  readonly policy: DownloadPolicy;
  /** The bot's public base URL, without a trailing slash. */
  readonly publicUrl: () => string;
  readonly fetch: typeof fetch;
}

export function fileServicesFrom(config: Config, now: () => Date, listeningUrl: () => string): FileServices {
  const dir = config.FILES_DIR ?? join(tmpdir(), 'contract-steward-files');
  return {
    vault: new FileVault(join(dir, 'links'), now),
    imports: new PendingImports(join(dir, 'imports'), now),
    policy: {
      hosts: config.FILE_DOWNLOAD_HOSTS.length > 0 ? config.FILE_DOWNLOAD_HOSTS : DEFAULT_FILE_HOSTS,
      maxBytes: Math.round(config.MAX_UPLOAD_MB * 1_048_576),
      allowLoopbackHttp: config.FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP,
    },
    publicUrl: () => (config.PUBLIC_URL ?? listeningUrl()).replace(/\/+$/, ''),
    fetch: (input, init) => fetch(input, init),
  };
}

/** Deletes expired files and imports every minute until the returned function is called. */
export function sweepFiles(files: FileServices, onError: (error: unknown) => void, everyMs = 60_000): () => void {
  const sweep = () => {
    Promise.all([files.vault.sweep(), files.imports.sweep()]).catch(onError);
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
