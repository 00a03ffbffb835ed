import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

/**
 * What a streaming writer writes, collected in memory to send as a file: the writers stream
 * (to keep a 100,000-row workbook out of memory while it is built), and the bot needs the
 * finished bytes, so nothing goes through a temporary file. `write` ends the stream.
 */
export async function collectBytes(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const collected = buffer(out);
  await write(out);
  return collected;
}
