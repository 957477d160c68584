/**
 * The explorer page (/explore) in a real browser (headless Chromium through playwright-core), with every request
 * that leaves this machine blocked: search and open an entity, compare what is drawn with the API's neighbourhood,
 * click a node and read its citation, move the time slider, read the matrix, and measure rendering at 500 and
 * 5,000 nodes. Screenshots and figures go to tests/artifacts/ (git-ignored). Runs wherever Chromium is installed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../helpers/api-server.ts';
import {
  ARTIFACTS,
  browserAvailable,
  DATED_RANGE_QUERY,
  explorerSettled,
  monthOfChange,
  startExplorerSession,
  sliderIndex,
} from '../helpers/browser.ts';

describe.skipIf(!browserAvailable)('explorer in a browser, offline', () => {
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

  /** The slider position of a year-month: the slider starts at the month of the graph's earliest dated change. */
  async function monthIndex(month: string): Promise<number> {
    const { data } = await api.graphql(DATED_RANGE_QUERY);
    return sliderIndex(monthOfChange(data!.earliest.edges[0].node.date, 'from'), month);
  }

  const loads = () => page.evaluate(() => (globalThis as any).__explorer.loads as number);

  /** Waits until a load after `before` has finished, layout included. */
  const settled = (before: number) => explorerSettled(page, before);

  const drawnNodes = () => page.evaluate(() => ((globalThis as any).__explorer.graph.nodes() as string[]).sort());
  const drawnEdges = () =>
    page.evaluate(() =>
      (
        (globalThis as any).__explorer.graph.mapEdges(
          (_: string, a: any, s: string, t: string) => `${s} ${a.label} ${t}`,
        ) as string[]
      ).sort(),
    );

  async function apiNeighborhood(id: string, depth: number, limit: number, asOf: string | null = null) {
    const { data, errors } = await api.graphql(
      `query($id: ID!, $depth: Int, $limit: Int, $asOf: PartialDate) {
        neighborhood(id: $id, depth: $depth, limit: $limit, asOf: $asOf) { nodes { id kind name } edges { id source target type } }
      }`,
      { id, depth, limit, asOf },
    );
    expect(errors).toBeUndefined();
    return data!.neighborhood as { nodes: Array<{ id: string; kind: string; name: string }>; edges: any[] };
  }

  it('finds Kioxia by search, draws exactly its neighbourhood, and shows a material’s citation on click', async () => {
    await page.goto(`${origin}/explore`);
    await expect.poll(loads, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const before = await loads();

    await page.fill('#search', 'Kioxia');
    const first = page.locator('#suggestions .suggestion').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('data-id')).toBe('company:kioxia');
    await first.dispatchEvent('mousedown');
    await settled(before);

    const expected = await apiNeighborhood('company:kioxia', 1, 200);
    expect(expected.nodes.length).toBeGreaterThan(3);
    expect(await drawnNodes()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(await drawnEdges()).toEqual(expected.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort());
    expect(new URL(page.url()).searchParams.get('id')).toBe('company:kioxia');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-kioxia.png') });

    // Click a material where Sigma draws it, then read the side panel.
    const material = expected.nodes.find((n) => n.kind === 'Material');
    expect(material).toBeDefined();
    const point = await page.evaluate((id) => {
      const { graph, renderer } = (globalThis as any).__explorer;
      const viewport = renderer.graphToViewport(graph.getNodeAttributes(id));
      const box = (globalThis as any).document.getElementById('graph').getBoundingClientRect();
      return { x: box.left + viewport.x, y: box.top + viewport.y };
    }, material!.id);
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('#panel');
    await expect
      .poll(async () => (await panel.locator('h2').textContent()) ?? '', { timeout: 15_000 })
      .toBe(material!.name);
    const { data } = await api.graphql(`query($id: ID!) { entity(id: $id) { sources { quote section } } }`, {
      id: material!.id,
    });
    const quote = data!.entity.sources[0].quote as string;
    await expect.poll(async () => (await panel.textContent()) ?? '', { timeout: 15_000 }).toContain(quote);
    expect(await panel.textContent()).toContain(data!.entity.sources[0].section);
    // The link from Kioxia to the material is listed with its table-row citation.
    expect(await panel.textContent()).toMatch(/Table \d, row \d+/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-kioxia-material.png') });
  });

  it('moves Japan back in time: the export control on China disappears, Russia’s stays', async () => {
    // Opened from a shared link: the URL restores centre, depth, node limit and date. A fresh page counts from 0.
    await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500&asOf=2023-12`);
    await settled(0);
    const exportControl = (country: string) => `policy:japan-export-controls TARGETS country:${country}`;
    await expect.poll(drawnEdges, { timeout: 15_000 }).toContain(exportControl('china'));
    expect(await drawnEdges()).toContain(exportControl('russia'));
    expect(await page.textContent('#as-of-label')).toBe('2023-12');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-japan-2023-12.png') });

    const before = await loads();
    await page.locator('#as-of').fill(String(await monthIndex('2022-06')));
    await settled(before);
    expect(await page.textContent('#as-of-label')).toBe('2022-06');
    const edges = await drawnEdges();
    expect(edges).not.toContain(exportControl('china'));
    expect(edges).toContain(exportControl('russia'));
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-06');
    // What is drawn is the API's answer for that date.
    const expected = await apiNeighborhood('country:japan', 2, 500, '2022-06');
    expect(await drawnNodes()).toEqual(expected.nodes.map((n) => n.id).sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-japan-2022-06.png') });
  });

  it('shows the companies x materials matrix; RESONAC’s row matches the API, a cell gives its citation', async () => {
    await page.goto(`${origin}/explore?view=matrix`);
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).__explorer.matrixLoads as number), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const { data } = await api.graphql(
      `{ crossReferenceMatrix { companies { id } materials { id name } cells { companyIndex materialIndex count } } }`,
    );
    const m = data!.crossReferenceMatrix;
    const row = m.companies.findIndex((c: any) => c.id === 'company:resonac');
    const expectedMaterials = m.cells
      .filter((c: any) => c.companyIndex === row)
      .map((c: any) => m.materials[c.materialIndex].id)
      .sort();
    expect(expectedMaterials.length).toBe(3);
    const resonac = page.locator('tr[data-company="company:resonac"]');
    const drawn = await resonac
      .locator('td.filled')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-material')));
    expect(drawn.sort()).toEqual(expectedMaterials);
    expect(await resonac.locator('th').textContent()).toBe('RESONAC');

    await resonac.locator('td.filled[data-material="material:sic-epitaxial-wafer"]').click();
    const panel = page.locator('#panel');
    await expect
      .poll(async () => (await panel.textContent()) ?? '', { timeout: 15_000 })
      .toContain('4 RESONAC/RESONAC HD. Yamanashi SiC Wafer (Board & Epitaxial Wafer)');
    expect(await panel.textContent()).toContain('Table 1, row 4');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-matrix.png'), fullPage: false });
  });

  it('draws the whole seeded corpus and a synthetic 5,000-node graph, and stays responsive', async () => {
    await page.goto(`${origin}/explore`);
    await expect.poll(loads, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const before = await loads();
    await page.click('#whole-graph');
    await settled(before);
    const { data: stats } = await api.graphql('{ graphStats { entityCount relationshipCount } }');
    expect(stats!.graphStats.entityCount).toBeGreaterThan(300);
    expect((await drawnNodes()).length).toBe(stats!.graphStats.entityCount);
    expect((await drawnEdges()).length).toBe(stats!.graphStats.relationshipCount);
    expect(new URL(page.url()).searchParams.get('whole')).toBe('1');
    const whole = await page.evaluate(() => (globalThis as any).__explorer.lastLoad);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-whole-graph.png') });

    // The "open in GraphiQL" link carries the query that drew the view.
    const href = (await page.getAttribute('#open-graphiql', 'href'))!;
    const linked = new URL(href, origin);
    expect(linked.pathname).toBe('/graphiql');
    expect(linked.searchParams.get('query')).toContain('neighborhood(id: $id');
    expect(JSON.parse(linked.searchParams.get('variables')!)).toMatchObject({
      id: 'country:japan',
      depth: 3,
      limit: 500,
    });

    // PNG of the current view, drawn from Sigma's canvases in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('#export-png'),
    ]);
    expect(download.suggestedFilename()).toBe('whole-graph-now.png');
    const png = path.join(ARTIFACTS, 'explorer-export.png');
    await download.saveAs(png);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // Taller than the canvas: a title band above it and the legend of the kinds below (IHDR: width, height).
    const canvas = (await page.locator('#graph').boundingBox())!;
    expect(bytes.readUInt32BE(16)).toBe(Math.round(canvas.width));
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round(canvas.height) + 60);

    const synthetic500 = await page.evaluate(() => (globalThis as any).__explorer.measureSyntheticGraph(500));
    const synthetic5000 = await page.evaluate(() => (globalThis as any).__explorer.measureSyntheticGraph(5000));
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-after-benchmark.png') });
    const figures = { wholeGraph: whole, synthetic500, synthetic5000 };
    writeFileSync(path.join(ARTIFACTS, 'explorer-performance.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log('explorer performance', JSON.stringify(figures));
    expect(whole.nodes).toBe(stats!.graphStats.entityCount);
    expect(synthetic5000.nodes).toBe(5000);
    // Responsive: the first frame within seconds, and the page keeps drawing while the layout runs in its worker.
    expect(whole.firstFrameMs).toBeLessThan(3000);
    expect(synthetic5000.firstFrameMs).toBeLessThan(10_000);
    expect(whole.layoutFps).toBeGreaterThan(2);
  });

  it('opens GraphiQL with the linked query', async () => {
    const query = 'query Entity($id: ID!) { entity(id: $id) { name } }';
    const url = `${origin}/graphiql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"id": "company:kioxia"}')}`;
    await page.goto(url);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await expect
      .poll(async () => (await page.locator('.graphiql-query-editor').textContent()) ?? '', { timeout: 15_000 })
      .toContain('entity(id: $id)');
    await page.click('.graphiql-execute-button');
    await expect
      .poll(async () => (await page.locator('.result-window').textContent()) ?? '', { timeout: 30_000 })
      .toContain('Kioxia');
  });

  it('loaded nothing from outside this machine and raised no page error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
