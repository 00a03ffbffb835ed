import type { DutyRecords } from '../duties/duty-deadlines.js';
import type { Store } from './store.js';

/**
 * Everything the statutory and performance warnings are worked out from: modifications,
 * publications, KPIs, results and reviews. Read once, so the bot's warning run and
 * `steward warnings` see the same deadlines.
 */
export async function readDutyRecords(store: Store): Promise<DutyRecords> {
  return {
    modifications: await store.procurementAct.listAllModifications(),
    publications: await store.procurementAct.listPublications(),
    kpis: await store.performance.listKpis(),
    results: await store.performance.listResults(),
    reviews: await store.performance.listReviews(),
  };
}
