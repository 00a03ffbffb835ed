import type { Logger } from 'pino';
import type { RenewalSettings, Store } from '@contract-steward/core';
import { allowedTenants, type Config } from '../config.js';
import { londonHour, nextLondonHour } from './london-time.js';
import type { MessageSender } from './send-queue.js';
import { runWarningJob, type WarningRunSummary } from './warning-job.js';

export interface RenewalRunner {
  /** Runs the warning job now; a call while one is running joins it instead of starting another. */
  run(): Promise<WarningRunSummary>;
  /** Runs daily at WARNING_HOUR, Europe/London (and once at start if that hour has passed today); returns a function that stops the schedule. */
  startDaily(): () => void;
  /** Resolves when no run is in progress (for a clean stop: the store closes after the run). */
  settled(): Promise<void>;
}

export function createRenewalRunner(deps: { config: Config; store: Store; sender: MessageSender; settings: RenewalSettings; now: () => Date; log: Logger }): RenewalRunner {
  let running: Promise<WarningRunSummary> | undefined;
  const run = () => {
    running ??= runWarningJob({ ...deps, tenants: allowedTenants(deps.config) }).finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    run,
    settled: async () => {
      await running?.catch(() => undefined);
    },
    startDaily() {
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        const at = nextLondonHour(deps.now(), deps.config.WARNING_HOUR);
        deps.log.info({ at: at.toISOString() }, 'next renewal warning run');
        timer = setTimeout(() => {
          run()
            .catch((error: unknown) => deps.log.error({ err: error }, 'renewal warning run failed; it will run again tomorrow'))
            .finally(arm);
        }, Math.max(0, at.getTime() - deps.now().getTime()));
        timer.unref();
      };
      arm();
      // Started after today's hour (a deploy or restart at 08:00): catch up now. Harmless when
      // the run already happened, as the ledger sends each warning once.
      if (londonHour(deps.now()) >= deps.config.WARNING_HOUR) {
        run().catch((error: unknown) => deps.log.error({ err: error }, 'catch-up renewal warning run failed'));
      }
      return () => clearTimeout(timer);
    },
  };
}
