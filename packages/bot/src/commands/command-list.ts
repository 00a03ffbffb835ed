import { COMMAND_TABLE } from './command-table.js';

/** The commands people can type, as the welcome card, help and the app manifest list them: read from the parser's table. */
export const COMMAND_LIST: readonly { readonly title: string; readonly description: string }[] = Object.values(COMMAND_TABLE).flatMap((entry) => (entry.menu ? [{ title: entry.menu.title, description: entry.menu.description }] : []));

/**
 * Teams' command menu (the app manifest's commandLists): the commands of COMMAND_LIST that fit
 * its limit of 10. `help` is left out there, as anything the bot does not understand brings it.
 */
export const TEAMS_MENU: readonly { readonly title: string; readonly description: string }[] = Object.values(COMMAND_TABLE).flatMap((entry) =>
  entry.menu && entry.menu.teamsMenu !== false ? [{ title: entry.menu.title, description: entry.menu.description }] : [],
);
