/**
 * The explorer's analyses (/explore) in a real browser (headless Chromium through playwright-core), every request
 * that leaves this machine blocked, each checked against the API's own answer: the single-supplier lens colours
 * what supplyRisk calls singleSupplier, the what-if lists what disruption breaks, the path finder lists the paths
 * `paths` finds, the comparison lists what `changes` gives, and the matrix marks the single-supplier columns.
 * Screenshots go to tests/artifacts/ (git-ignored). Runs wherever Chromium is installed.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../helpers/api-server.ts';
import { ARTIFACTS, browserAvailable, explorerSettled, startExplorerSession } from '../helpers/browser.ts';

/** explorer/src/palette.ts: SINGLE_SUPPLIER and WITHOUT_SUPPLIER, STARTED_LINK, PATH. */
const RED = '#d62728';
const STARTED = '#1a9850';
const PATH_BLUE = '#1f5fd6';

describe.skipIf(!browserAvailable)('explorer analyses in a browser, offline', () => {
  let api: ApiServer;
  let browser: Browser;
  let origin: string;
  let page: Page;
  let blocked: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    ({ api, browser, origin, page, blocked, pageErrors } = await startExplorerSession());
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const loads = () => page.evaluate(() => (globalThis as any).__explorer.loads as number);

  /** Waits until a load after `before` has finished, layout included. */
  const settled = (before: number) => explorerSettled(page, before);

  const drawnNodes = () => page.evaluate(() => (globalThis as any).__explorer.graph.nodes() as string[]);
  /** The colour Sigma draws a node with: its display data, after the reducers. */
  const nodeColor = (id: string) =>
    page.evaluate((node) => (globalThis as any).__explorer.renderer.getNodeDisplayData(node)?.color as string, id);
  const edgeColor = (id: string) =>
    page.evaluate((edge) => (globalThis as any).__explorer.renderer.getEdgeDisplayData(edge)?.color as string, id);

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await api.graphql(query, variables);
    expect(errors).toBeUndefined();
    return data!;
  }

  it('colours the items supplyRisk calls singleSupplier red under the single-supplier lens', async () => {
    await page.goto(`${origin}/explore?id=material:semiconductors`);
    await settled(0);
    const data = await ask(`{
      supplyRisk(filter: { categories: ["material:semiconductors"], linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 100) {
        edges { node { material { id } singleSupplier } }
      }
    }`);
    const rows = data.supplyRisk.edges.map((e: any) => e.node) as Array<{
      material: { id: string };
      singleSupplier: boolean;
    }>;
    const drawn = new Set(await drawnNodes());
    const single = rows.filter((r) => r.singleSupplier && drawn.has(r.material.id));
    const several = rows.filter((r) => !r.singleSupplier && drawn.has(r.material.id));
    expect(single.length).toBeGreaterThan(0);

    await page.selectOption('#lens-links', 'APPROVED_SUPPLY_PLAN_FOR');
    await page.selectOption('#lens-color', 'single');
    for (const row of single) await expect.poll(() => nodeColor(row.material.id), { timeout: 30_000 }).toBe(RED);
    for (const row of several) expect(await nodeColor(row.material.id)).not.toBe(RED);
    const url = new URL(page.url());
    expect(url.searchParams.get('lens')).toBe('single');
    expect(url.searchParams.get('links')).toBe('APPROVED_SUPPLY_PLAN_FOR');
    const legend = page.locator('#analysis-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.textContent()).toContain('single supplier');
    expect(await legend.textContent()).toContain('link counts, not market shares');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-lens-single.png') });

    // The HHI scale and betweenness sizes, restored from the URL.
    const before = await loads();
    await page.goto(`${origin}/explore?id=material:semiconductors&depth=2&lens=hhi&size=betweenness`);
    await settled(0);
    expect(before).toBeGreaterThan(0);
    await expect.poll(async () => (await legend.textContent()) ?? '', { timeout: 30_000 }).toContain('HHI by company');
    expect(await legend.textContent()).toContain('betweenness');
    expect(await page.inputValue('#lens-color')).toBe('hhi');
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).__explorer.analysis.scores.length as number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-lens-hhi-betweenness.png') });
  });

  it('removes RESONAC in the what-if and lists the items disruption says it breaks, with the removed links', async () => {
    await page.goto(`${origin}/explore?id=company:resonac&select=company:resonac`);
    await settled(0);
    const button = page.locator('#panel button[data-action="what-if"]');
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toBe('Remove in what-if');
    await button.click();

    const data = await ask(`{
      disruption(remove: ["company:resonac"]) {
        removedLinkCount affectedCount
        removedLinks { id sources { quote table row } }
        itemsWithoutSupplier { material { id name } }
        itemsWithOneSupplier { material { id name } }
      }
    }`);
    const report = data.disruption;
    const ids = (list: any[]) => list.map((i) => i.material.id as string).sort();
    expect(report.itemsWithoutSupplier.length + report.itemsWithOneSupplier.length).toBeGreaterThan(0);
    const listed = (selector: string) =>
      page.locator(`${selector} li`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')!).sort());
    // Both lists are polled: an empty list also matches before the report has arrived.
    await expect.poll(() => listed('#what-if-one'), { timeout: 30_000 }).toEqual(ids(report.itemsWithOneSupplier));
    await expect.poll(() => listed('#what-if-without'), { timeout: 30_000 }).toEqual(ids(report.itemsWithoutSupplier));
    const panel = page.locator('#panel');
    // The counts are the whole report's (the lists are the API's first slices).
    expect(await panel.textContent()).toContain(
      `${report.removedLinkCount} supply links go; ${report.affectedCount} items lose at least one.`,
    );
    const link = report.removedLinks[0];
    expect(await panel.locator(`details[data-link="${link.id}"]`).count()).toBe(1);
    expect(await panel.textContent()).toContain(link.sources[0].quote);
    expect(await panel.textContent()).toContain(`${link.sources[0].table}, row ${link.sources[0].row}`);
    // Drawn items that lose every supplier turn red; the removal is listed with × and kept in the URL.
    const drawn = new Set(await drawnNodes());
    for (const id of ids(report.itemsWithoutSupplier).filter((i) => drawn.has(i))) {
      expect(await nodeColor(id)).toBe(RED);
    }
    expect(await page.locator('#what-if-list li[data-id="company:resonac"]').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('remove')).toBe('company:resonac');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-what-if-resonac.png') });

    // × undoes it.
    await page.click('#what-if-list button[data-undo="company:resonac"]');
    expect(await page.locator('#what-if-list li').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('remove')).toBeNull();
  });

  it('finds the paths from Kioxia to Japan, draws them and lists each hop with its citation', async () => {
    await page.goto(`${origin}/explore?id=company:kioxia`);
    await settled(0);
    const pick = async (end: 'from' | 'to', text: string, id: string) => {
      await page.fill(`#path-${end}`, text);
      const suggestion = page.locator(`#path-${end}-suggestions .suggestion[data-id="${id}"]`);
      await suggestion.waitFor({ timeout: 15_000 });
      await suggestion.dispatchEvent('mousedown');
    };
    await pick('from', 'Kioxia', 'company:kioxia');
    await pick('to', 'Japan', 'country:japan');
    const before = await loads();
    await page.click('#find-paths');
    await settled(before);

    const data = await ask(`{
      paths(from: "company:kioxia", to: "country:japan", k: 3) { nodes { id } edges { id sources { quote } } }
    }`);
    const expected = data.paths as Array<{
      nodes: Array<{ id: string }>;
      edges: Array<{ id: string; sources: any[] }>;
    }>;
    expect(expected.length).toBeGreaterThan(0);
    const panel = page.locator('#panel');
    await expect
      .poll(async () => (await panel.locator('#paths-count').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(new RegExp(`^${expected.length} paths?,`));
    expect(await panel.locator('section.path').count()).toBe(expected.length);
    const drawn = new Set(await drawnNodes());
    for (const p of expected) {
      for (const n of p.nodes) expect(drawn.has(n.id)).toBe(true);
      for (const e of p.edges) {
        expect(await panel.locator(`section.path details[data-link="${e.id}"]`).count()).toBeGreaterThan(0);
        expect(await edgeColor(e.id)).toBe(PATH_BLUE);
      }
    }
    expect(await panel.textContent()).toContain(expected[0]!.edges[0]!.sources[0].quote);
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['company:kioxia', 'country:japan']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-paths-kioxia-japan.png') });
  });

  it('compares two dates: lists the changes the API gives, started links drawn green', async () => {
    await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500&asOf=2023-12`);
    await settled(0);
    const before = await loads();
    await page.fill('#compare', '2022-06');
    await settled(before);
    const data = await ask(`{
      changes(from: "2022-06", to: "2023-12", first: 100) { totalCount edges { node { change relationship { id source target } } } }
    }`);
    const { totalCount, edges } = data.changes;
    expect(totalCount).toBeGreaterThan(0);
    const panel = page.locator('#panel');
    await expect
      .poll(async () => (await panel.locator('#changes-count').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(new RegExp(`^${totalCount} relationships`));
    const drawnEdges = new Set(await page.evaluate(() => (globalThis as any).__explorer.graph.edges() as string[]));
    const started = edges
      .map((e: any) => e.node)
      .filter((c: any) => c.change === 'STARTED' && drawnEdges.has(c.relationship.id));
    expect(started.length).toBeGreaterThan(0);
    expect(await edgeColor(started[0].relationship.id)).toBe(STARTED);
    // Every end is named, drawn or not.
    expect(await panel.locator('summary').allTextContents()).not.toContainEqual(
      expect.stringMatching(/\b[a-z]+:[a-z0-9-]+/),
    );
    expect(new URL(page.url()).searchParams.get('compare')).toBe('2022-06');
    expect(await page.locator('#analysis-legend').textContent()).toContain('Changes 2022-06 – 2023-12');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-changes-2022-06-2023-12.png') });
  });

  it('marks the matrix columns supplyRisk calls singleSupplier and shows each supplier count', async () => {
    await page.goto(`${origin}/explore?view=matrix`);
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).__explorer.matrixLoads as number), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const m = (await ask('{ crossReferenceMatrix { materials { id } } }')).crossReferenceMatrix;
    const data = await ask(
      `query($m: [ID!]) { supplyRisk(filter: { materials: $m }, first: 100) { totalCount edges { node { material { id } supplierCount singleSupplier } } } }`,
      { m: m.materials.map((x: any) => x.id) },
    );
    expect(data.supplyRisk.totalCount).toBeLessThanOrEqual(100);
    const rows = data.supplyRisk.edges.map((e: any) => e.node);
    const marked = await page
      .locator('th.supplier-count.single')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-material')!).sort());
    expect(marked).toEqual(
      rows
        .filter((r: any) => r.singleSupplier)
        .map((r: any) => r.material.id)
        .sort(),
    );
    const counts = await page
      .locator('th.supplier-count[data-suppliers]')
      .evaluateAll((ths) =>
        Object.fromEntries(
          ths.map((th) => [th.getAttribute('data-material'), Number(th.getAttribute('data-suppliers'))]),
        ),
      );
    expect(counts).toEqual(Object.fromEntries(rows.map((r: any) => [r.material.id, r.supplierCount])));
    await page.locator('th.supplier-count.single').first().click();
    await expect
      .poll(async () => (await page.locator('#panel').textContent()) ?? '', { timeout: 15_000 })
      .toContain('single supplier');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-matrix-suppliers.png') });
  });

  it('loaded nothing from outside this machine and raised no page error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
