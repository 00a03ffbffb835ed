import { ActivityHandler, MessageFactory } from 'botbuilder';

export const HELP_TEXT = [
  '**Contract Steward** keeps an eye on your contracts.',
  '',
  '- `help`: this list',
].join('\n');

/** Routes each Teams activity to a handler. Handlers stay a few lines: parse, call core, reply. */
export class StewardBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(HELP_TEXT));
      await next();
    });
  }
}
