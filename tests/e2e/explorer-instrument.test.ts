/**
 * The explorer (/explore) as an analyst's instrument, in headless Chromium with every request off this machine
 * blocked, each figure held against the API's own answer: the matrix groups a category's items under one header
 * and its totals are the API's, the single-approved-company question answered from the page (and timed).
 * Screenshots and timings go to tests/artifacts/ (git-ignored).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertExplorerBuilt } from '../../src/explorer-page/explorer-bundle.ts';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { ARTIFACTS, browserAvailable, launchChromium, matrixSettled, offlinePage } from '../helpers/browser.ts';

const matrixLoads = (page: Page) => page.evaluate(() => (globalThis as any).__explorer.matrixLoads as number);

describe.skipIf(!browserAvailable)('the explorer as an analyst’s instrument, offline', () => {
  let api: ApiServer;
  let browser: Browser;
  let origin: string;
  let page: Page;
  let blocked: string[];
  let pageErrors: string[];
  /** How long each analyst question took in the browser, in ms. */
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    assertExplorerBuilt(); // the global setup ran `npm run build`
    api = await startApiServer();
    origin = new URL(api.url).origin;
    browser = await launchChromium();
    ({ page, blocked, pageErrors } = await offlinePage(browser, origin));
  });

  afterAll(async () => {
    writeFileSync(path.join(ARTIFACTS, 'explorer-question-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await browser?.close();
    await api?.close();
  });

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await api.graphql(query, variables);
    expect(errors).toBeUndefined();
    return data!;
  }

  describe('Companies × materials', () => {
    it('groups each category’s items under one header, with the API’s categories and totals', async () => {
      await page.goto(`${origin}/explore?view=matrix`);
      await matrixSettled(page, 0);
      const { crossReferenceMatrix: m } = await ask(
        `{ crossReferenceMatrix { linkCount companies { id } materials { id } cells { companyIndex materialIndex count } } }`,
      );
      const risk = await ask(
        `query($m: [ID!]) { supplyRisk(filter: { materials: $m }, first: 100) { edges { node { material { id } category { id name } } } } }`,
        { m: m.materials.map((x: any) => x.id) },
      );
      const categoryOf = new Map<string, string>(
        risk.supplyRisk.edges.map((e: any) => [e.node.material.id, e.node.category.id]),
      );
      const categories = [...new Set(categoryOf.values())];
      expect(categories.length).toBeGreaterThan(1);

      // One header per category, spanning exactly its items; the item headers of a category sit in one run.
      const headers = await page
        .locator('th.category')
        .evaluateAll((ths) => ths.map((th) => [th.getAttribute('data-category'), Number(th.getAttribute('colspan'))]));
      expect(headers.map(([id]) => id).sort()).toEqual([...categories].sort());
      const columnCategories = await page
        .locator('th.material')
        .evaluateAll((ths) => ths.map((th) => [th.getAttribute('data-material')!, th.getAttribute('data-category')!]));
      const runs = columnCategories.map(([, c]) => c).filter((c, i, all) => i === 0 || all[i - 1] !== c);
      expect(runs).toEqual(headers.map(([id]) => id));
      for (const [id, span] of headers) {
        const items = [...categoryOf].filter(([, c]) => c === id).map(([material]) => material);
        expect(span).toBe(items.length);
        expect(
          columnCategories
            .filter(([, c]) => c === id)
            .map(([material]) => material)
            .sort(),
        ).toEqual(items.sort());
      }

      // Totals: each row and column the sum of the API's cells, the corner the API's link count.
      const expectedRow = new Map<string, number>();
      const expectedColumn = new Map<string, number>();
      for (const c of m.cells) {
        const company = m.companies[c.companyIndex].id as string;
        const material = m.materials[c.materialIndex].id as string;
        expectedRow.set(company, (expectedRow.get(company) ?? 0) + c.count);
        expectedColumn.set(material, (expectedColumn.get(material) ?? 0) + c.count);
      }
      const rowTotals = await page
        .locator('td.row-total')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-company'), Number(td.textContent)]));
      expect(new Map(rowTotals)).toEqual(expectedRow);
      const columnTotals = await page
        .locator('td.column-total')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-material'), Number(td.textContent)]));
      expect(new Map(columnTotals)).toEqual(expectedColumn);
      expect(Number(await page.textContent('td.grand-total'))).toBe(m.linkCount);
      // RESONAC's total is its count of cross-reference rows.
      const resonac = await ask(`{ crossReference(filter: { companies: ["company:resonac"] }) { totalCount } }`);
      expect(Number(await page.textContent('td.row-total[data-company="company:resonac"]'))).toBe(
        resonac.crossReference.totalCount,
      );

      // The header stays in view while the table scrolls.
      await page.locator('#matrix-table').evaluate((t) => t.scrollBy(0, 300));
      const scroller = await page.locator('#matrix-table').boundingBox();
      const header = await page.locator('th.category').first().boundingBox();
      expect(Math.abs(header!.y - scroller!.y)).toBeLessThan(2);
      await page.locator('#matrix-table').evaluate((t) => t.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-matrix-grouped.png') });
    });

    it('answers “which semiconductor items have a single approved company” with two filters', async () => {
      await page.goto(`${origin}/explore?view=matrix`);
      await matrixSettled(page, 0);
      const started = Date.now();
      let before = await matrixLoads(page);
      await page.selectOption('#matrix-category', 'material:semiconductors');
      await matrixSettled(page, before);
      before = await matrixLoads(page);
      await page.selectOption('#matrix-links', 'APPROVED_SUPPLY_PLAN_FOR');
      await matrixSettled(page, before);
      const marked = await page
        .locator('th.supplier-count.single')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-material')!).sort());
      timings['single approved company in a category (matrix filters)'] = Date.now() - started;

      const data = await ask(`{
        supplyRisk(filter: { categories: ["material:semiconductors"], linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 100) {
          edges { node { material { id } singleSupplier } }
        }
      }`);
      const expected = data.supplyRisk.edges
        .filter((e: any) => e.node.singleSupplier)
        .map((e: any) => e.node.material.id as string)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(marked).toEqual(expected);
      // Every column now sits under the one category, and the totals are the filtered matrix's.
      expect(await page.locator('th.category').count()).toBe(1);
      const filtered = await ask(`{
        crossReferenceMatrix(filter: { categories: ["material:semiconductors"], linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }) { linkCount }
      }`);
      expect(Number(await page.textContent('td.grand-total'))).toBe(filtered.crossReferenceMatrix.linkCount);
      const url = new URL(page.url());
      expect(url.searchParams.get('mcategory')).toBe('material:semiconductors');
      expect(url.searchParams.get('mlinks')).toBe('APPROVED_SUPPLY_PLAN_FOR');

      // Fewest suppliers first: the single-supplier items lead.
      await page.selectOption('#matrix-columns', 'suppliers');
      const order = await page
        .locator('th.material')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-material')!));
      expect(order.slice(0, expected.length).sort()).toEqual(expected);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-matrix-semiconductors-approved.png') });

      // The CSV holds what is shown: a column per item, named under its category, and the same totals.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#matrix-csv')]);
      expect(download.suggestedFilename()).toBe('companies-materials-semiconductors-approved-supply-plan-for.csv');
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(file);
      const rows = parse(readFileSync(file, 'utf8')) as string[][];
      expect(rows[0]!.slice(0, 2)).toEqual(['company', 'country']);
      expect(rows[0]!.slice(2, -1).every((name) => name.startsWith('Semiconductors / '))).toBe(true);
      expect(rows[0]!.length - 3).toBe(order.length);
      const totalRow = rows.find((r) => r[0] === 'total')!;
      expect(Number(totalRow.at(-1))).toBe(filtered.crossReferenceMatrix.linkCount);
    });
  });

  it('loaded nothing from outside this machine and raised no page error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
