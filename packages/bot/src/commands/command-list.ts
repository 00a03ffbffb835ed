import { COMMAND_TABLE } from './command-table.js';

/** The commands people can type, as the welcome card, help and the app manifest list them: read from the parser's table. */
export const COMMAND_LIST: readonly { readonly title: string; readonly description: string }[] = Object.values(COMMAND_TABLE).flatMap((entry) => (entry.menu ? [entry.menu] : []));
