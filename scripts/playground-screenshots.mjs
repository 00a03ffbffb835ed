// Screenshots of the performance card and the contract card in the Agents Playground.
// Start `TEAMSAPPTESTER_BROWSER=none npm run playground` first (PLAYGROUND_PORT, default 56150),
// then: node scripts/playground-screenshots.mjs. Needs Chromium at /usr/bin/chromium.
import process from 'node:process';
import { chromium } from 'playwright-core';

const port = process.env.PLAYGROUND_PORT ?? '56150';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 3200 } });
await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
await page.waitForTimeout(3000);

// The sample renewal warnings arrive as the chat opens: the card asked for is found by its text.
async function ask(text, heading, file) {
  await page.locator('[role=textbox][contenteditable=true]').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  const card = page.locator('.ac-adaptiveCard', { hasText: heading }).last();
  await card.waitFor();
  await page.waitForTimeout(1500);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: file });
}

await ask('performance CON-0042', 'Performance of CON-0042', 'docs/screenshots/bot/05-performance-card.png');
await ask('contract CON-0042', 'Procurement law', 'docs/screenshots/bot/06-contract-card-law-and-usage.png');
await browser.close();
