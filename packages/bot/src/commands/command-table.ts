import type { Alternative, DateWindow } from '@contract-steward/core';

/** Deadlines in a window of days, for some contracts, and how the question was understood. */
export interface RenewalsCommand {
  readonly name: 'renewals';
  readonly window: DateWindow;
  /** What the answer says it shows: "Contracts ending 1–31 March 2027". */
  readonly understood: string;
  /** Other readings of the question, offered as buttons. */
  readonly alternatives: readonly Alternative[];
  /** Only end dates (and tacit renewal dates), not every deadline. */
  readonly endsOnly?: true;
  readonly mine?: true;
  readonly supplier?: string;
  readonly serviceArea?: string;
}

/** What a person asked the bot, from the text of a message. Unknown input is `help`, never silence. */
export type Command =
  | { readonly name: 'help'; readonly unrecognised?: string }
  | RenewalsCommand
  | { readonly name: 'mine' }
  | { readonly name: 'contract'; readonly reference: string }
  | { readonly name: 'overdue' }
  | { readonly name: 'obligations'; readonly days: number }
  /** With a reference, one contract's KPIs; without, the council-wide digest of contracts below the compliance goal. */
  | { readonly name: 'performance'; readonly reference?: string }
  // The commands that produce documents (file features).
  | { readonly name: 'export' }
  | { readonly name: 'savings' }
  | { readonly name: 'savingsExport' }
  | { readonly name: 'tenderPack' }
  | { readonly name: 'evaluate' }
  | { readonly name: 'publish'; readonly quarter?: string }
  /** Longer than MAX_MESSAGE_BYTES: answered without being read. */
  | { readonly name: 'tooLong'; readonly bytes: number };

/** What the bot knows about one command, apart from how its arguments are read. */
export interface CommandEntry {
  /** How help and the manifest's command menu show it; absent for commands reached another way. */
  readonly menu?: {
    readonly title: string;
    readonly description: string;
    /** false: listed by help but left out of Teams' command menu, which holds at most 10 (manifest schema v1.22). */
    readonly teamsMenu?: false;
  };
  /**
   * The whole message that asks for it (lower case, without the mention, tags and trailing
   * punctuation). Absent for commands with an argument, which the parser reads in its own code.
   */
  readonly phrase?: RegExp;
  /** Its answer shows register data, so in a channel it is given in the asker's personal chat. */
  readonly revealsRegister: boolean;
}

/**
 * Every command, in the order help lists them and phrases are tried. A command added to the
 * `Command` union without an entry here does not compile.
 */
export const COMMAND_TABLE: Readonly<Record<Exclude<Command['name'], 'tooLong'>, CommandEntry>> = {
  help: { menu: { title: 'help', description: 'What I can do for you', teamsMenu: false }, phrase: /^(help|\?|hi|hello|hey|start|commands|what can you do)$/, revealsRegister: false },
  renewals: { menu: { title: 'renewals 90', description: 'Contracts with a deadline in the next 90 days (any number of days), or ask: contracts ending in March' }, revealsRegister: true },
  mine: { menu: { title: 'mine', description: 'The contracts you own, soonest deadline first' }, phrase: /^(mine|my contracts|my renewals|show (me )?my contracts|what do i own)$/, revealsRegister: true },
  contract: { menu: { title: 'contract CON-0042', description: 'Details and key dates of one contract' }, revealsRegister: true },
  overdue: { menu: { title: 'overdue', description: 'Deadlines passed with no decision recorded; obligations 90 for statutory notices due' }, revealsRegister: true },
  // Teams allows 10 menu commands: this one is listed under `overdue`, for the same people.
  obligations: { revealsRegister: true },
  performance: { menu: { title: 'performance CON-0042', description: 'KPIs, last ratings and trends of one contract; performance alone: contracts below 80% compliance' }, phrase: /^(performance|kpis|compliance)$/, revealsRegister: true },
  export: { menu: { title: 'export', description: 'The register as an Excel workbook (administrators and procurement)' }, phrase: /^export( the)?( register| contracts)?$/, revealsRegister: true },
  savingsExport: { phrase: /^(savings export|export( the)? savings|savings workbook)$/, revealsRegister: true },
  savings: { menu: { title: 'savings', description: 'Savings this financial year; savings export for the workbook (finance)' }, phrase: /^(savings|savings this year|savings totals)$/, revealsRegister: true },
  tenderPack: { menu: { title: 'tender pack', description: 'Build a tender clause pack: Word document and Excel compliance matrix' }, phrase: /^(tender pack|tender-pack|new tender pack)$/, revealsRegister: false },
  evaluate: { menu: { title: 'evaluate', description: 'Score a TDA evaluation: attach the .xlsx or .json; the decision record comes back' }, phrase: /^(evaluate|evaluation|tda evaluation)\b/, revealsRegister: true },
  publish: { menu: { title: 'publish', description: "The quarter's Transparency Code file and the OCDS package (publish 2026Q3)" }, revealsRegister: true },
};
