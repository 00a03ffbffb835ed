import type { RegisterForPublishing } from '../publish/ocds-contract-inputs.js';
import type { Store } from './store.js';

/**
 * Everything publishing reads from the register: contracts, modifications, KPIs and results.
 * Read-only and written once, so the CLI and the bot publish the same package.
 */
export async function readRegisterForPublishing(store: Store): Promise<RegisterForPublishing> {
  return {
    contracts: await store.contracts.list(),
    modifications: await store.procurementAct.listAllModifications(),
    kpis: await store.performance.listKpis(),
    results: await store.performance.listResults(),
  };
}
