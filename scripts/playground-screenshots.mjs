// Screenshots of the bot's cards in the Agents Playground, one scenario per picture.
// Start `TEAMSAPPTESTER_BROWSER=none npm run playground` first (PLAYGROUND_PORT, default 56150),
// then: node scripts/playground-screenshots.mjs. Needs Chromium at /usr/bin/chromium.
//
// The sample warnings are sent once, into the first chat that opens, and the scenarios act on
// them, so start a fresh `npm run playground` for each run of this script.
//
// The Playground has no theme switch, so each warning scenario is taken twice: as the Playground
// draws it (light), and with Chromium's forced colours (`forced-colors: active`, dark scheme),
// the rendering Windows high-contrast themes give, as a check that nothing depends on colour.
import process from 'node:process';
import { chromium } from 'playwright-core';

const port = process.env.PLAYGROUND_PORT ?? '56150';
const folder = 'docs/screenshots/bot';
const STEP_MS = 20_000;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 3200 } });
page.setDefaultTimeout(STEP_MS);
await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });

/** The newest card whose text includes `words`. */
const cardWith = (words) => page.locator('.ac-adaptiveCard', { hasText: words }).last();
const button = (scope, title) => scope.locator('button', { hasText: new RegExp(`^${title}$`) }).first();

/** Picks a choice in a card's drop-down (the Playground draws Input.ChoiceSet as a Fluent combobox). */
async function choose(scope, choice) {
  await scope.getByRole('combobox').first().click();
  await page.getByRole('option', { name: choice }).click();
}

// The sample renewal warnings arrive one by one as the chat opens; the last is the re-procurement one.
await cardWith('Start re-procurement in').waitFor({ timeout: 60_000 });
await page.waitForTimeout(2000);

async function ask(text) {
  await page.locator('[role=textbox][contenteditable=true]').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The page area around some elements, with a margin, for a picture of a card and the reply under it. */
async function areaOf(locators) {
  const boxes = [];
  for (const l of locators) {
    await l.scrollIntoViewIfNeeded();
    const box = await l.boundingBox();
    if (box) boxes.push(box);
  }
  const x = Math.min(...boxes.map((b) => b.x)) - 8;
  const y = Math.min(...boxes.map((b) => b.y)) - 8;
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x + 8, height: Math.max(...boxes.map((b) => b.y + b.height)) - y + 8 };
}

/** `name`-light.png as the Playground draws it, then `name`-high-contrast.png with forced colours. */
async function shoot(name, locators) {
  await page.waitForTimeout(1500);
  for (const [theme, media] of [['light', { forcedColors: 'none', colorScheme: 'light' }], ['high-contrast', { forcedColors: 'active', colorScheme: 'dark' }]]) {
    await page.emulateMedia(media);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${folder}/${name}-${theme}.png`, clip: await areaOf(locators) });
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  process.stdout.write(`${name}: done\n`);
}

/** Runs one scenario; a failure is reported and the next scenario still runs. */
const failed = [];
async function scenario(name, steps) {
  try {
    await steps();
  } catch (error) {
    failed.push(name);
    process.stderr.write(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  }
}

await scenario('performance and contract cards', async () => {
  for (const [command, words, file] of [
    ['performance CON-0042', 'Performance of CON-0042', '05-performance-card.png'],
    ['contract CON-0042', 'Procurement law', '06-contract-card-law-and-usage.png'],
  ]) {
    await ask(command);
    const card = cardWith(words);
    await card.waitFor();
    await page.waitForTimeout(1500);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${folder}/${file}` });
  }
});

// "Contract details" opens inside the warning card (Action.ToggleVisibility), under its actions.
await scenario('07-warning-contract-details', async () => {
  const card = cardWith(/Notice deadline in \d+ days: CON-0131/);
  await button(card, 'Contract details').click();
  await card.getByText('Escalation contact').waitFor();
  await shoot('07-warning-contract-details', [card]);
  await button(card, 'Contract details').click();
});

// A deadline 17 days away: the 30-day snooze says it runs past it and needs confirming; unconfirmed, it is refused.
await scenario('08-snooze-near-deadline', async () => {
  const card = cardWith(/Notice deadline in \d+ days: CON-0131/);
  await button(card, 'Snooze').click();
  await choose(card, /^30 days/);
  await card.getByText('Snooze past the deadline').waitFor();
  await shoot('08-snooze-near-deadline', [card]);
  await button(card.locator('.ac-adaptiveCard'), 'Snooze').click();
  await page.getByText('Not snoozed:').last().waitFor();
});

// "Renegotiated" with the prices: the card comes back with the saving sent to finance and the term.
await scenario('09-renegotiation-result', async () => {
  const card = cardWith('Contract ends in 120 days: CON-0042');
  await button(card, 'Record a decision').click();
  await choose(card, 'Renegotiated');
  await card.getByLabel('Annual price the supplier proposed (£)').fill('100000');
  await card.getByLabel('Annual price agreed (£)').fill('92000');
  await card.getByLabel(/how many months the saving counts/).fill('24');
  await button(card.locator('.ac-adaptiveCard'), 'Record decision').click();
  const updated = cardWith('Saving sent to finance');
  await updated.waitFor();
  await shoot('09-renegotiation-result', [updated]);
});

// The other CON-0042 warning was sent before that decision: acting on it answers with how things stand.
await scenario('10-stale-card-refreshed', async () => {
  const card = cardWith(/Extension decision [^:]*: CON-0042/);
  await button(card, 'Acknowledge').click();
  const updated = page.locator('.ac-adaptiveCard', { hasText: /Extension decision [^:]*: CON-0042/ }).filter({ hasText: 'Decision recorded by' }).last();
  await updated.waitFor();
  await shoot('10-stale-card-refreshed', [updated]);
});

await scenario('11-contracts-ending-in-march', async () => {
  await ask('contracts ending in March');
  const card = cardWith('Contracts ending 1–31 March');
  await card.waitFor();
  await shoot('11-contracts-ending-in-march', [card]);
});

await browser.close();
if (failed.length > 0) {
  process.stderr.write(`Not taken: ${failed.join(', ')}. Start a fresh \`npm run playground\` and run this again.\n`);
  process.exitCode = 1;
}
