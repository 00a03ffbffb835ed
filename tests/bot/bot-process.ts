import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Log lines (pino JSON) the process wrote. */
  readonly logs: Record<string, unknown>[];
  /** Everything it wrote to stdout that is not a JSON log line. */
  readonly otherOutput: string[];
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** POST /api/renewals/run with the token; resolves to the run summary. */
  runRenewals(token: string): Promise<{ raised: number; sent: number; failed: number }>;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, no clean-up. */
  kill(): Promise<void>;
}

/**
 * Starts the real bot (`packages/bot/src/main.ts`) as a child process with this environment,
 * and resolves with the address it logged once listening.
 */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/bot/src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', WARNING_SCHEDULE: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const otherOutput: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Contract Steward is listening') {
          clearTimeout(timer);
          resolve(String(entry.url));
        }
      } catch {
        otherOutput.push(line);
      }
    });
  });
  return {
    url,
    child,
    logs,
    otherOutput,
    stderr: () => stderr,
    async runRenewals(token) {
      const response = await fetch(`${url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { result?: { raised: number; sent: number; failed: number }; error?: string };
      if (!body.result) throw new Error(`run failed: ${response.status} ${JSON.stringify(body)}`);
      return body.result;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
