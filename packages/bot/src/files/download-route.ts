import type { ServerResponse } from 'node:http';
import type { FileVault } from './download-links.js';

const NO_CACHE = { 'cache-control': 'no-store, max-age=0', pragma: 'no-cache', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * GET /api/files/:token: hands over a generated file once. The token is the only credential
 * (32 random bytes, 15 minutes, single use), so a second request, or one after expiry, gets a
 * plain page saying to ask the bot again. Nothing is cached on the way.
 */
export async function serveDownload(vault: FileVault, token: string, res: ServerResponse): Promise<void> {
  const taken = await vault.take(token, 'link');
  if (taken.status !== 'ok') {
    const body =
      taken.status === 'expired'
        ? 'This download link has expired (links work for 15 minutes). Ask Contract Steward for the file again.\n'
        : 'This download link has already been used or does not exist (each link works once). Ask Contract Steward for the file again.\n';
    res.writeHead(taken.status === 'expired' ? 410 : 404, { ...NO_CACHE, 'content-type': 'text/plain; charset=utf-8' });
    res.end(body);
    return;
  }
  const { file } = taken;
  res.writeHead(200, {
    ...NO_CACHE,
    'content-type': file.contentType,
    'content-length': String(file.bytes.length),
    // The name is already reduced to safe characters; filename* keeps it exact for browsers that read it.
    'content-disposition': `attachment; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  res.end(file.bytes);
}
