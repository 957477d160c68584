/**
 * The playground in a real browser (headless Chromium), with every request that leaves this machine blocked:
 * GraphiQL loads from this server alone, runs its first example query against the seeded graph and shows the
 * result. Runs wherever Chromium is installed, and always in CI (.ci/run installs it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_QUERIES } from '../../src/playground/example-queries.ts';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { readOracle } from '../helpers/data-oracle.ts';
import { browserAvailable, launchChromium } from '../helpers/browser.ts';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

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

  /** A key each tab's answer has, and the other tabs' answers do not. */
  const ANSWER_KEY: Record<string, string> = {
    'Sort: budgets over 100 billion yen': '"budgets"',
    'Group: approved plans per country, category, programme': '"perCategory"',
    'Sort: the most connected entities': '"degree"',
  };

  it.each([
    ['Sort: budgets over 100 billion yen', 'graphiql-sorted-budgets.png'],
    ['Group: approved plans per country, category, programme', 'graphiql-groups.png'],
    ['Sort: the most connected entities', 'graphiql-most-connected.png'],
  ])('runs the tab "%s"', async (title, screenshot) => {
    const index = EXAMPLE_QUERIES.findIndex((example) => example.title === title);
    const operation = /query (\w+)/.exec(EXAMPLE_QUERIES[index]?.query ?? '')?.[1] ?? '';
    expect(operation).not.toBe('');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${new URL(api.url).origin}/graphiql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.locator('.graphiql-tab').nth(index).locator('.graphiql-tab-button').click();
    const result = page.locator('.result-window');
    // GraphiQL takes the operation name from the editor a moment after a tab switch: run until the answer is this tab's.
    await expect
      .poll(
        async () => {
          await page.click('.graphiql-execute-button');
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          return (await result.textContent()) ?? '';
        },
        { timeout: 20_000 },
      )
      .toContain(ANSWER_KEY[title] ?? '');
    const text = (await result.textContent()) ?? '';
    expect(text).not.toContain('"errors"');
    if (title.startsWith('Sort: budgets')) {
      // The largest yen amount the data files state comes first.
      const largest = Math.max(
        ...readOracle()
          .ofKind('Budget')
          .filter((b) => b.properties['currency'] === 'JPY')
          .map((b) => Number(b.properties['amount'] ?? 0)),
      );
      expect(/"amount": (\d+)/.exec(text)?.[1]).toBe(String(largest));
    }
    if (title.startsWith('Sort: the most connected')) {
      // The entity with the most relationships in the data files comes first, with its degree.
      const oracle = readOracle();
      const degreeOf = (id: string) => oracle.links.filter((l) => l.from === id || l.to === id).length;
      const [top] = [...oracle.entities.keys()].sort((a, b) => degreeOf(b) - degreeOf(a) || (a < b ? -1 : 1));
      expect(/"id": "([^"]+)"/.exec(text)?.[1]).toBe(top);
      expect(/"degree": (\d+)/.exec(text)?.[1]).toBe(String(degreeOf(top ?? '')));
    }
    await page.screenshot({ path: path.join(ARTIFACTS, screenshot) });
    await page.close();
  });
});
