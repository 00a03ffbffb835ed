import { DEFAULT_UTILISATION_FLOOR, summariseContractLaw, summarisePerformance, type Contract, type Store, type Utilisation } from '@contract-steward/core';
import type { ContractCardExtras } from '../cards/contract-card.js';

/** The latest utilisation of each item counted on a contract, judged against `floor` (core's rule). */
export async function loadUtilisation(store: Store, contract: Contract, floor: number = DEFAULT_UTILISATION_FLOOR): Promise<Utilisation[]> {
  const usage = await store.performance.listUsage(contract.reference);
  return [...summarisePerformance(contract, [], [], usage, { utilisationFloor: floor }).utilisation];
}

/** What the contract card shows beyond key dates: the law (regime, next statutory deadline, headroom) and utilisation. */
export async function loadContractExtras(store: Store, contract: Contract, today: string, floor: number = DEFAULT_UTILISATION_FLOOR): Promise<ContractCardExtras> {
  const [modifications, publications, utilisation] = await Promise.all([
    store.procurementAct.listModifications(contract.reference),
    store.procurementAct.listPublications(contract.reference),
    loadUtilisation(store, contract, floor),
  ]);
  return { law: summariseContractLaw(contract, { today, modifications, publications }), utilisation, utilisationFloor: floor };
}
