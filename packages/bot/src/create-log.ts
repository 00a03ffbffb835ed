import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

/** Where the log goes: process.stdout, or a stand-in in tests. */
export interface LogOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * The bot's logger. On a terminal a person reads it, so each event is one readable line
 * (pino-pretty); piped or redirected it goes to a log collector, so it stays one JSON object a line.
 * The choice is made once, at start, from the output itself.
 */
export function createLog(level: string, output: LogOutput = process.stdout): Logger {
  const options = { level, redact: ['MicrosoftAppPassword', 'req.headers.authorization', '*.password', '*.token'] };
  if (output.isTTY !== true) return pino(options, output);
  // Formatted in-process as each line is written, not in a worker transport, so the lines
  // written just before process.exit are not lost.
  const prettify = prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return pino(options, { write: (line: string) => output.write(prettify(line)) });
}
