import { contractsAndAudit } from './001-contracts-and-audit.js';
import { renewals } from './002-renewals.js';
import { savings } from './003-savings.js';
import { evaluations } from './004-evaluations.js';
import { conversations } from './005-conversations.js';
import { procurementAct } from './006-procurement-act.js';
import { performance } from './007-performance.js';
import { savingCurrentPrice } from './008-saving-current-price.js';
import { deadlineIndex } from './009-deadline-index.js';
import { deadlineAnnualValue } from './010-deadline-annual-value.js';
import { deadlineWindowReads } from './011-deadline-window-reads.js';
import { evaluationApproval } from './012-evaluation-approval.js';
import type { Migration } from './migration.js';

/** Every schema change, in order. Add a new file and list it here; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [contractsAndAudit, renewals, savings, evaluations, conversations, procurementAct, performance, savingCurrentPrice, deadlineIndex, deadlineAnnualValue, deadlineWindowReads, evaluationApproval];
