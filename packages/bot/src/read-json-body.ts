import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The largest request body the bot reads, in bytes. A Teams activity is a few KB (message text
 * is capped at about 28 KB); 256 KB leaves room for cards and attachments metadata.
 */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

/** Why a body was refused, with the HTTP status to answer. */
export interface BodyRefusal {
  readonly code: 'encoded' | 'not-json' | 'too-large' | 'malformed' | 'aborted';
  readonly status: 400 | 413 | 415;
  readonly message: string;
}

export type BodyResult = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly refusal: BodyRefusal };

const tooLarge = (maxBytes: number): BodyRefusal => ({
  code: 'too-large',
  status: 413,
  message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB; send a single Bot Framework activity.`,
});

/**
 * Refuses, from the headers alone, a body the bot would not read: any content coding (a small
 * gzip can unpack to gigabytes), anything but UTF-8 JSON (multipart would be spooled to disk),
 * and a declared length over the limit. Undefined means the body may be read.
 */
export function refuseBodyHeaders(headers: IncomingHttpHeaders, maxBytes = MAX_REQUEST_BODY_BYTES): BodyRefusal | undefined {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    return { code: 'encoded', status: 415, message: 'Content-Encoding is not accepted; send the activity as plain JSON.' };
  }
  const [mediaType = '', ...parameters] = (headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    return { code: 'not-json', status: 415, message: 'Only Content-Type: application/json (UTF-8) is accepted.' };
  }
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

/**
 * Reads a JSON object from the request, stopping as soon as more than `maxBytes` have arrived
 * (chunked bodies have no declared length), so memory use is bounded by the limit.
 * Call {@link refuseBodyHeaders} first.
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_REQUEST_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('aborted', onFailure);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        // Stop reading: the rest is never buffered; the answer closes the connection.
        req.pause();
        finish({ ok: false, refusal: tooLarge(maxBytes) });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(parseObject(Buffer.concat(chunks)));
    const onFailure = () => finish({ ok: false, refusal: { code: 'aborted', status: 400, message: 'The request body was cut short.' } });
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('aborted', onFailure);
  });
}

function parseObject(bytes: Buffer): BodyResult {
  const malformed: BodyResult = { ok: false, refusal: { code: 'malformed', status: 400, message: 'The request body must be one JSON object (a Bot Framework activity) in UTF-8.' } };
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ok: true, body: value as Record<string, unknown> } : malformed;
  } catch {
    return malformed;
  }
}
