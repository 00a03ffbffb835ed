import { COMMAND_LIST } from '../commands/command-list.js';
import { adaptiveCard, escapeMarkdown, heading, text, type AdaptiveCard } from './card-kit.js';

export interface WelcomeCardInput {
  readonly personName?: string;
  readonly scope: 'personal' | 'channel' | 'groupChat';
  /** Said in help when the person typed something the bot did not understand. */
  readonly unrecognised?: string;
  readonly isHelp?: boolean;
}

/** The card sent on install, and as help: what the bot does and the commands it understands. */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const hello = input.personName ? `Hello ${escapeMarkdown(input.personName.split(' ')[0] ?? '')}.` : 'Hello.';
  const body = [
    ...heading(input.isHelp ? 'Contract Steward: what I can do' : 'Welcome to Contract Steward'),
    ...(input.unrecognised ? [text(`I did not understand “${escapeMarkdown(input.unrecognised)}”. Here is what I can do.`, { weight: 'Bolder' })] : []),
    ...(input.isHelp
      ? []
      : [
          text(
            input.scope === 'personal'
              ? `${hello} I will warn you here before the notice and re-procurement deadlines of the contracts you own, so none renews or lapses by accident. You can acknowledge a warning, snooze it, or record a decision straight from the card.`
              : 'I will post renewal warnings for contracts whose owners have not installed me, and escalations when a warning is not acknowledged. Mention me to ask a question.',
          ),
        ]),
    text('**Try typing**', { spacing: 'Medium' }),
    {
      type: 'FactSet',
      facts: COMMAND_LIST.map((command) => ({ title: command.title, value: command.description })),
    },
    text('You can also ask in your own words, such as “contracts ending in March”, “housing contracts ending this year” or “when does CON-0042 end?”', { isSubtle: true }),
  ];
  const actions = [
    { type: 'Action.Submit', title: 'Renewals in the next 90 days', data: { msteams: { type: 'imBack', value: 'renewals 90' } } },
    { type: 'Action.Submit', title: 'My contracts', data: { msteams: { type: 'imBack', value: 'mine' } } },
  ];
  return adaptiveCard(body, actions);
}
