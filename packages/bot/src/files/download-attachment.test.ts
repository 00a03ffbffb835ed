import { describe, expect, it } from 'vitest';
import { downloadAttachment, fileUploadsOf, FILE_DOWNLOAD_INFO, hostAllowed, DEFAULT_FILE_HOSTS } from './download-attachment.js';

const policy = { hosts: DEFAULT_FILE_HOSTS, maxBytes: 1000 };

function fakeFetch(responses: Record<string, () => Response>): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    const make = responses[url];
    if (!make) throw new Error(`unexpected fetch of ${url}`);
    return make();
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

describe('hostAllowed', () => {
  it.each([
    ['council.sharepoint.com', true],
    ['council-my.sharepoint.com', true],
    ['sharepoint.com', false],
    ['evilsharepoint.com', false],
    ['council.sharepoint.com.evil.example', false],
    ['graph.microsoft.com', true],
    ['x.graph.microsoft.com', false],
    ['COUNCIL.SharePoint.com.', true],
  ])('%s is allowed: %s', (host, allowed) => {
    expect(hostAllowed(host, DEFAULT_FILE_HOSTS)).toBe(allowed);
  });
});

describe('downloadAttachment', () => {
  it('downloads from an allowed HTTPS host', async () => {
    const { fetch, calls } = fakeFetch({ 'https://council.sharepoint.com/f': () => new Response('a,b\n1,2', { status: 200 }) });
    const result = await downloadAttachment('https://council.sharepoint.com/f', policy, fetch);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.bytes.toString()).toBe('a,b\n1,2');
    expect(calls).toEqual(['https://council.sharepoint.com/f']);
  });

  it('refuses plain HTTP, even from an allowed host, without fetching', async () => {
    const { fetch, calls } = fakeFetch({});
    expect(await downloadAttachment('http://council.sharepoint.com/f', policy, fetch)).toMatchObject({ ok: false, code: 'not-https' });
    expect(calls).toEqual([]);
  });

  it('allows plain HTTP from loopback only with the test flag, and never from another host', async () => {
    const { fetch } = fakeFetch({ 'http://127.0.0.1:9/f': () => new Response('x') });
    const loopback = { hosts: ['127.0.0.1', 'example.org'], maxBytes: 10 };
    expect(await downloadAttachment('http://127.0.0.1:9/f', loopback, fetch)).toMatchObject({ ok: false, code: 'not-https' });
    expect(await downloadAttachment('http://127.0.0.1:9/f', { ...loopback, allowLoopbackHttp: true }, fetch)).toMatchObject({ ok: true });
    expect(await downloadAttachment('http://example.org/f', { ...loopback, allowLoopbackHttp: true }, fetch)).toMatchObject({ ok: false, code: 'not-https' });
  });

  it('follows a redirect within the allowed hosts and refuses one that leaves them', async () => {
    const { fetch, calls } = fakeFetch({
      'https://a.sharepoint.com/f': () => new Response(null, { status: 302, headers: { location: 'https://b.sharepoint.com/g' } }),
      'https://b.sharepoint.com/g': () => new Response('ok'),
      'https://a.sharepoint.com/out': () => new Response(null, { status: 307, headers: { location: 'https://attacker.example/steal' } }),
    });
    expect(await downloadAttachment('https://a.sharepoint.com/f', policy, fetch)).toMatchObject({ ok: true });
    expect(await downloadAttachment('https://a.sharepoint.com/out', policy, fetch)).toMatchObject({ ok: false, code: 'redirect-refused' });
    expect(calls).not.toContain('https://attacker.example/steal');
  });

  it('stops reading past the size limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(400));
      },
    });
    const { fetch } = fakeFetch({ 'https://a.sharepoint.com/big': () => new Response(endless) });
    expect(await downloadAttachment('https://a.sharepoint.com/big', policy, fetch)).toMatchObject({ ok: false, code: 'too-large' });
    expect(pulled).toBeLessThan(10);
  });

  it('refuses at once when the declared length is over the limit', async () => {
    const { fetch } = fakeFetch({ 'https://a.sharepoint.com/big': () => new Response('x'.repeat(2000), { headers: { 'content-length': '2000' } }) });
    expect(await downloadAttachment('https://a.sharepoint.com/big', policy, fetch)).toMatchObject({ ok: false, code: 'too-large', message: 'the file is larger than 1 KB' });
  });
});

describe('fileUploadsOf', () => {
  it('reads file attachments and ignores the rest', () => {
    const uploads = fileUploadsOf([
      { contentType: 'text/html', content: '<p>hi</p>' },
      { contentType: FILE_DOWNLOAD_INFO, name: 'Register.XLSX', content: { downloadUrl: 'https://a.sharepoint.com/f', fileType: 'XLSX' } },
    ]);
    expect(uploads).toEqual([{ name: 'Register.XLSX', fileType: 'xlsx', downloadUrl: 'https://a.sharepoint.com/f' }]);
  });
});
