import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { fileServicesFrom } from './file-services.js';

describe('the file sweep', () => {
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  const leave = (path: string, content = 'x', at = hourAgo) => {
    writeFileSync(path, content);
    utimesSync(path, at, at);
    return path;
  };

  it('removes what a crash left in FILES_DIR once past its expiry, and keeps what is fresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-sweep-'));
    const files = fileServicesFrom(loadConfig({ FILES_DIR: dir }), () => new Date(), () => '');
    for (const folder of ['work/work-crashed', 'work/work-running', 'links', `imports/${'a'.repeat(32)}`, `imports/${'b'.repeat(32)}`]) mkdirSync(join(dir, folder), { recursive: true });
    const oldExport = leave(join(dir, 'work/work-crashed/register.xlsx'));
    utimesSync(join(dir, 'work/work-crashed'), hourAgo, hourAgo);
    const runningExport = leave(join(dir, 'work/work-running/savings.xlsx'), 'x', new Date());
    const orphanData = leave(join(dir, 'links', `${'c'.repeat(64)}.bin`));
    const takenRecord = leave(join(dir, 'links', `${'d'.repeat(64)}.0a0b0c.taken`));
    const freshData = leave(join(dir, 'links', `${'e'.repeat(64)}.bin`), 'x', new Date());
    const crashedUpload = leave(join(dir, `imports/${'a'.repeat(32)}/${'a'.repeat(32)}.upload`));
    utimesSync(join(dir, `imports/${'a'.repeat(32)}`), hourAgo, hourAgo);
    const uploadBeingWritten = leave(join(dir, `imports/${'b'.repeat(32)}/${'b'.repeat(32)}.upload`), 'x', new Date());

    await files.sweep();

    for (const gone of [oldExport, orphanData, takenRecord, crashedUpload]) expect(existsSync(gone), gone).toBe(false);
    for (const kept of [runningExport, freshData, uploadBeingWritten]) expect(existsSync(kept), kept).toBe(true);
  });
});
