import type { Logger } from 'pino';
import type { DocumentIdentity, RenewalSettings, Store } from '@contract-steward/core';
import type { FileServices } from './files/file-services.js';
import type { RoleLists } from './roles.js';
import type { PersonalChats } from './teams/personal-chats.js';

/** What handlers need, passed in once by the composition root (no globals, no environment reads). */
export interface BotServices {
  readonly store: Store;
  readonly roles: RoleLists;
  readonly settings: RenewalSettings;
  /** The clock; "today" is its London date. Tests pass a fixed one. */
  readonly now: () => Date;
  readonly log: Logger;
  /** The council that generated documents name (COUNCIL_NAME, COUNCIL_LOGO). */
  readonly documents: DocumentIdentity;
  /** OCDS_OCID_PREFIX and OCDS_PUBLISHER, for the OCDS package of `publish`; either missing, the package is left out. */
  readonly ocds?: { readonly ocidPrefix?: string; readonly publisher?: string };
  /** Share of paid-for capacity in use (0-1) below which usage is reviewed before renewing (UTILISATION_FLOOR); default 70%. */
  readonly utilisationFloor?: number;
  /** Uploads, downloads and generated files; absent, the file commands answer that files are off. */
  readonly files?: FileServices;
  /** Askers' personal chats, for answers a channel must not see; absent, such questions are refused in channels. */
  readonly personalChats?: PersonalChats;
}
