import { afterEach, describe, expect, it } from 'vitest';
import { ASHA, cardOf, type Harness } from './bot-harness.js';
import { actionData, press, servedUrl, startFilesHarness, uploadMessage } from './files-support.js';

describe('an import awaiting confirmation across a restart', () => {
  const running: Harness[] = [];
  afterEach(async () => {
    for (const bot of running.splice(0)) await bot.close();
  });

  it('is still there for its uploader after the bot restarts, because it waits on disk', async () => {
    const first = await startFilesHarness();
    running.push(first);
    first.connector.files.set('register.csv', { body: Buffer.from('Reference,Title,Supplier,End date\r\nCON-0500,School meals,Dinners Ltd,31/07/2029\r\n', 'utf8') });
    const [reply] = await first.exchange(uploadMessage(first, ASHA, 'register.csv', servedUrl(first, 'register.csv')));
    expect(cardOf(reply)).toContain('"title":"New","value":"1"');
    const data = actionData(reply, 'importRegister');
    await first.close();
    running.splice(0);

    const second = await startFilesHarness({ FILES_DIR: first.filesDir });
    running.push(second);
    const answer = await press(second, ASHA, 'importRegister', data);
    expect(JSON.stringify(answer.value)).toContain('Imported register.csv');
    expect(await second.store.contracts.get('CON-0500')).toMatchObject({ title: 'School meals' });
  });
});
