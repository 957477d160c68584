/**
 * The playground in a real browser (headless Chromium), with every request that leaves this machine blocked:
 * GraphiQL loads from this server alone, runs its first example query against the seeded graph and shows the
 * result. Runs wherever Chromium is installed, and always in CI (.ci/run installs it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { browserAvailable, launchChromium } from '../helpers/browser.ts';

describe.skipIf(!browserAvailable)('playground in a browser, offline', () => {
  let api: ApiServer;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApiServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('loads GraphiQL from this server only and runs the first example query', async () => {
    const page = await browser.newPage();
    const origin = new URL(api.url).origin;
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${origin}/graphiql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('RESONAC');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Conductive assistance');
    expect(text).not.toContain('errors');

    // The example queries are there as tabs.
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(6);
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
