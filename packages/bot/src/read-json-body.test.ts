import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonBody, refuseBodyHeaders } from './read-json-body.js';

describe('refuseBodyHeaders', () => {
  it('accepts UTF-8 JSON as the Bot Connector sends it', () => {
    expect(refuseBodyHeaders({ 'content-type': 'application/json; charset=utf-8', 'content-length': '900' })).toBeUndefined();
    expect(refuseBodyHeaders({ 'content-type': 'Application/JSON', 'content-encoding': 'identity' })).toBeUndefined();
  });

  it('refuses any content coding with 415, since a small gzip can unpack to gigabytes', () => {
    expect(refuseBodyHeaders({ 'content-type': 'application/json', 'content-encoding': 'gzip' })).toMatchObject({ code: 'encoded', status: 415 });
    expect(refuseBodyHeaders({ 'content-type': 'application/json', 'content-encoding': 'br' })).toMatchObject({ code: 'encoded', status: 415 });
  });

  it('refuses multipart, forms, text, other charsets and a missing type with 415', () => {
    for (const type of ['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-16', undefined]) {
      expect(refuseBodyHeaders(type === undefined ? {} : { 'content-type': type })).toMatchObject({ code: 'not-json', status: 415 });
    }
  });

  it('refuses a declared length over the limit with 413 before reading a byte', () => {
    expect(refuseBodyHeaders({ 'content-type': 'application/json', 'content-length': '2000' }, 1000)).toMatchObject({ code: 'too-large', status: 413 });
  });
});

describe('readJsonBody', () => {
  let server: Server;
  let url = '';
  let read: { received: number } = { received: 0 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      void readJsonBody(req, 1000).then((result) => {
        res.setHeader('connection', 'close');
        res.writeHead(result.ok ? 200 : result.refusal.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns the JSON object', async () => {
    const response = await fetch(url, { method: 'POST', body: '{"type":"message","text":"renewals 90"}' });
    expect(await response.json()).toEqual({ ok: true, body: { type: 'message', text: 'renewals 90' } });
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    read = { received: 0 };
    const chunk = new TextEncoder().encode(' '.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        read.received += chunk.length;
        // An endless body: only the reader's limit ends it.
        if (read.received > 10_000_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const status = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit).then(
      (response) => response.status,
      () => 'closed',
    );
    expect(status === 413 || status === 'closed').toBe(true);
    expect(read.received).toBeLessThan(10_000_000);
  });

  it('answers 400 to malformed JSON, an array, and bytes that are not UTF-8', async () => {
    for (const body of ['{"type":', '[1,2]', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
      const response = await fetch(url, { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    }
  });
});
