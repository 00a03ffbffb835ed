/**
 * The reading thread of `xlsxRowsAside`: streams the workbook's rows with exceljs and posts
 * them in batches, waiting whenever it is BATCHES_AHEAD batches ahead of the reader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckedXlsx } from './inspect-xlsx-zip.js';
import { BATCHES_AHEAD, ROWS_PER_MESSAGE, xlsxRows, type RawRow, type XlsxRowsMessage } from './xlsx-rows.js';

const port = parentPort;
if (port === null) throw new Error('xlsx-rows-worker runs as a worker thread');
// The checked bytes arrive as a plain Uint8Array copy; they were checked before they were sent.
const { bytes } = workerData as { bytes: Uint8Array };
const checked = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as CheckedXlsx;

let ahead = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  ahead -= 1;
  resume?.();
});
const send = (message: XlsxRowsMessage) => port.postMessage(message);

try {
  let batch: RawRow[] = [];
  for await (const row of xlsxRows(checked)) {
    batch.push(row);
    if (batch.length < ROWS_PER_MESSAGE) continue;
    ahead += 1;
    send({ rows: batch });
    batch = [];
    while (ahead >= BATCHES_AHEAD) await new Promise<void>((resolve) => (resume = resolve));
    resume = undefined;
  }
  if (batch.length > 0) send({ rows: batch });
  send({ done: true });
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  send({ error: { name, message } });
}
