import { once } from 'node:events';
import { Writable } from 'node:stream';

/**
 * What a streaming writer writes, collected in memory to send as a file: the writers stream
 * (to keep a 100,000-row workbook out of memory while it is built), and the bot needs the
 * finished bytes, so nothing goes through a temporary file. `write` ends the stream.
 */
export async function collectBytes(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      done();
    },
  });
  const finished = once(out, 'finish');
  await write(out);
  await finished;
  return Buffer.concat(chunks);
}
