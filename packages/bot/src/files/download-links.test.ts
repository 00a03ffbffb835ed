import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileVault, safeFileName } from './download-links.js';
import { PendingImports } from './pending-imports.js';

const file = { name: 'Register.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: Buffer.from('PK…') };

describe('FileVault', () => {
  it('hands a file over once, even to two requests at the same moment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const vault = new FileVault(dir, () => new Date('2026-11-26T09:00:00Z'));
    const token = await vault.put(file, 'link');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const results = await Promise.all([vault.take(token, 'link'), vault.take(token, 'link'), vault.take(token, 'link')]);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not name files by their token, and serves a consent file only to the consent flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const vault = new FileVault(dir, () => new Date('2026-11-26T09:00:00Z'));
    const token = await vault.put(file, 'consent', 'a:chat');
    expect(readdirSync(dir).join(' ')).not.toContain(token);
    expect((await vault.take(token, 'link')).status).toBe('missing');
    expect(await vault.take(token, 'consent')).toMatchObject({ status: 'ok', conversationId: 'a:chat', file: { name: 'Register.xlsx' } });
  });

  it('sweeps files older than 15 minutes and keeps newer ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    let now = new Date('2026-11-26T09:00:00Z');
    const vault = new FileVault(dir, () => now);
    const old = await vault.put(file, 'link');
    now = new Date('2026-11-26T09:10:00Z');
    const recent = await vault.put(file, 'link');
    now = new Date('2026-11-26T09:15:01Z');
    expect(await vault.sweep()).toBe(1);
    expect((await vault.take(old, 'link')).status).toBe('missing');
    expect((await vault.take(recent, 'link')).status).toBe('ok');
  });
});

describe('safeFileName', () => {
  it.each([
    ['Contracts register 2026-11-26.xlsx', 'Contracts register 2026-11-26.xlsx'],
    ['../../etc/passwd', 'etc_passwd'],
    ['"quoted"; name=evil.docx', 'quoted_ name_evil.docx'],
    ['Décision record.md', 'Decision record.md'],
    ['.xlsx', 'file.xlsx'],
    ['line\r\nbreak.csv', 'line_break.csv'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

describe('PendingImports', () => {
  it('lets only the uploader claim an import, once, and keeps it for them after someone else tries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    const imports = new PendingImports(dir, () => new Date('2026-11-26T09:00:00Z'));
    const { pending } = await imports.add({ teamsId: '29:a', aadObjectId: 'AAD-A', uploaderName: 'Asha', conversationId: 'a:1', fileName: 'r.csv' }, Buffer.from('x'));
    expect((await imports.claim(pending.id, { teamsId: '29:b', aadObjectId: 'aad-b' })).status).toBe('not-yours');
    const claims = await Promise.all([imports.claim(pending.id, { teamsId: '29:a', aadObjectId: 'aad-a' }), imports.claim(pending.id, { teamsId: '29:a', aadObjectId: 'aad-a' })]);
    expect(claims.map((c) => c.status).sort()).toEqual(['missing', 'ok']);
    const won = claims.find((c) => c.status === 'ok');
    if (won?.status === 'ok') await won.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives the uploaded bytes back to each step, kept under the internal name alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    const imports = new PendingImports(dir, () => new Date('2026-11-26T09:00:00Z'));
    const bytes = Buffer.from('Reference,Title,Supplier\r\nCON-1,Books,Books Ltd\r\n');
    const { pending } = await imports.add({ teamsId: '29:a', uploaderName: 'Asha', conversationId: 'a:1', fileName: 'problems.xlsx' }, bytes);
    expect(readdirSync(join(dir, pending.id)).sort()).toEqual([`${pending.id}.upload`, 'pending.json'].sort());
    expect((await imports.peek(pending.id))?.bytes).toEqual(bytes);
    const claim = await imports.claim(pending.id, { teamsId: '29:a' });
    expect(claim.status).toBe('ok');
    if (claim.status !== 'ok') return;
    expect(await claim.read()).toEqual(bytes);
    await claim.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
