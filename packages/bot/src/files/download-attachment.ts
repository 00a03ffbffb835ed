/** The attachment Teams sends when someone uploads a file to the bot in personal chat. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Microsoft hosts Teams serves uploads from (OneDrive for Business, SharePoint, consumer OneDrive, Graph). */
export const DEFAULT_FILE_HOSTS: readonly string[] = ['*.sharepoint.com', '*.sharepoint-df.com', '*.onedrive.com', '*.1drv.com', 'graph.microsoft.com'];

export interface DownloadPolicy {
  /** Host names allowed to serve uploads: `example.com` exactly, or `*.example.com` for any subdomain. */
  readonly hosts: readonly string[];
  /** Stop reading (and refuse the file) past this many bytes. */
  readonly maxBytes: number;
  /**
   * Test-only: also accept plain `http:` from a loopback host (127.0.0.1, ::1, localhost) that is on
   * the list. Off in production; the HTTPS rule is never relaxed for any other host.
   */
  readonly allowLoopbackHttp?: boolean;
  /** Give up after this long (default 30 seconds). */
  readonly timeoutMs?: number;
}

/** An upload as Teams describes it: the file's name and type, and where to fetch it. */
export interface FileUpload {
  readonly name: string;
  readonly fileType: string;
  readonly downloadUrl: string;
}

export type DownloadRefusal = 'not-https' | 'host-not-allowed' | 'too-large' | 'redirect-refused' | 'http-error' | 'network';

export type DownloadResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly contentType: string | undefined }
  | { readonly ok: false; readonly code: DownloadRefusal; readonly message: string };

const MAX_REDIRECTS = 3;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Reads the file attachments out of a message's attachments (anything else is ignored). */
export function fileUploadsOf(attachments: unknown): FileUpload[] {
  if (!Array.isArray(attachments)) return [];
  const uploads: FileUpload[] = [];
  for (const attachment of attachments as unknown[]) {
    if (typeof attachment !== 'object' || attachment === null) continue;
    const { contentType, name, content } = attachment as { contentType?: unknown; name?: unknown; content?: unknown };
    if (contentType !== FILE_DOWNLOAD_INFO || typeof content !== 'object' || content === null) continue;
    const { downloadUrl, fileType } = content as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof downloadUrl !== 'string') continue;
    const fileName = typeof name === 'string' && name !== '' ? name : 'upload';
    const type = typeof fileType === 'string' && fileType !== '' ? fileType : (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '');
    uploads.push({ name: fileName, fileType: type.toLowerCase(), downloadUrl });
  }
  return uploads;
}

/** True when the host matches an entry: `example.com` exactly, `*.example.com` any subdomain of it. */
export function hostAllowed(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return hosts.some((raw) => {
    const entry = raw.toLowerCase();
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
    return host === entry;
  });
}

/** Why a URL may not be fetched, or undefined when it may. */
export function checkUrl(url: URL, policy: DownloadPolicy): { code: DownloadRefusal; message: string } | undefined {
  const loopbackHttp = policy.allowLoopbackHttp === true && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return { code: 'not-https', message: `the file link is not HTTPS (${url.protocol.replace(':', '')})` };
  if (url.username !== '' || url.password !== '') return { code: 'host-not-allowed', message: 'the file link carries a user name or password' };
  if (!hostAllowed(url.hostname, policy.hosts)) return { code: 'host-not-allowed', message: `the file comes from ${url.hostname}, which is not one of the Microsoft hosts I accept files from` };
  return undefined;
}

/**
 * Downloads an uploaded file at once (its link is short-lived): HTTPS only, from an allowed host,
 * never more than `maxBytes` read, and a redirect is only followed when its target passes the
 * same checks. Nothing is fetched from a refused URL.
 */
export async function downloadAttachment(downloadUrl: string, policy: DownloadPolicy, fetchImpl: typeof fetch = fetch): Promise<DownloadResult> {
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    return { ok: false, code: 'host-not-allowed', message: 'the file link is not a valid URL' };
  }
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 30_000);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const refusal = checkUrl(url, policy);
    if (refusal) return { ok: false, ...(hop > 0 ? { code: 'redirect-refused' as const, message: `the file link redirected elsewhere: ${refusal.message}` } : refusal) };
    let response: Response;
    try {
      response = await fetchImpl(url, { redirect: 'manual', signal, headers: { accept: '*/*' } });
    } catch (error) {
      return { ok: false, code: 'network', message: `the file could not be fetched (${(error as Error).name === 'TimeoutError' ? 'it took too long' : 'network error'})` };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) return { ok: false, code: 'redirect-refused', message: 'the file link redirected without saying where' };
      try {
        url = new URL(location, url);
      } catch {
        return { ok: false, code: 'redirect-refused', message: 'the file link redirected to an invalid address' };
      }
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, code: 'http-error', message: `the file server answered ${response.status}; the link may have expired, so upload the file again` };
    }
    return readCapped(response, policy.maxBytes);
  }
  return { ok: false, code: 'redirect-refused', message: 'the file link redirected too many times' };
}

async function readCapped(response: Response, maxBytes: number): Promise<DownloadResult> {
  const tooLarge = { ok: false, code: 'too-large', message: `the file is larger than ${formatMegabytes(maxBytes)}` } as const;
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge;
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  if (!response.body) return { ok: true, bytes: Buffer.alloc(0), contentType };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks), contentType };
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  if (mb < 0.01) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(mb < 1 ? 2 : 1))} MB`;
}
