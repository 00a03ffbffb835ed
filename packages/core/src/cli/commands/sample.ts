import { loadSample } from '../../use-cases/load-sample.js';
import { asOfOption } from '../as-of-option.js';
import { CliError, type CliCommand } from '../command.js';

export const sampleCommand: CliCommand = {
  path: ['sample'],
  summary: 'Load the sample register (7 contracts, KPIs and usage) to try the bot and the commands',
  usage: 'sample [--force] [--as-of YYYY-MM-DD]',
  details: [
    '  --force            load into a register that already holds contracts (the sample\'s references overwrite theirs)',
    '  --as-of DATE       the day the sample\'s dates count from (default today), so deadlines are always coming up',
    '',
    'Loads into the database `npm start` uses (./data/steward.db, or --db, STEWARD_DB or DATABASE_URL),',
    'through the importer, audited with the source "sample".',
  ].join('\n'),
  options: { force: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run({ options, io, withStore, print }) {
    const today = asOfOption(options['as-of'], io.now);
    const result = await withStore((store) => loadSample(store, { today, actor: io.env.USER ?? 'cli', force: options.force === true, ...(io.now ? { at: io.now() } : {}) }));
    if (!result.success) {
      const problem = result.problems[0];
      throw new CliError(`Nothing was loaded: ${problem?.message ?? 'the register is not empty'}. To add the sample anyway run steward sample --force, or give an empty database with --db PATH.`);
    }
    const { register, kpis, results, usage } = result.value;
    print(`Loaded the sample register: ${register.created} contracts created, ${register.updated} updated, ${register.unchanged} unchanged; ${kpis} KPIs with ${results} results and ${usage} usage record for CON-0042.`);
    print('Start the bot with npm start, or try: steward renewals --within 90');
    return 0;
  },
};
