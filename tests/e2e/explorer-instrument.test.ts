/**
 * The explorer (/explore) as an analyst's instrument, in headless Chromium with every request off this machine
 * blocked, each figure held against the API's own answer: the matrix groups a category's items under one header
 * and its totals are the API's, the single-approved-company question answered from the page (and timed); a click
 * selects without expanding and the panel lists the links drawn; a shared URL gives the same picture twice; no
 * match, an unknown id, a bad date and an empty filter result each say so; axe-core finds nothing serious on
 * each view, and the keyboard alone reaches a node's and a matrix cell's citations; kinds of a family share a hue
 * and differ in shade and shape; find in view highlights without recentring; a click beside an edge selects it;
 * a GEXF or Cytoscape export of the view carries every node's drawn position; the path and change questions are
 * answered (and timed) from the page.
 * Screenshots and timings go to tests/artifacts/ (git-ignored).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../helpers/api-server.ts';
import {
  ARTIFACTS,
  browserAvailable,
  explorerLoads,
  explorerSettled,
  matrixSettled,
  startExplorerSession,
  monthOfChange,
  seriousAxeViolations,
  sliderIndex,
  DATED_RANGE_QUERY,
} from '../helpers/browser.ts';

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
    ({ api, browser, origin, page, blocked, pageErrors } = await startExplorerSession());
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
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-company')!, Number(td.textContent)] as const));
      expect(new Map(rowTotals)).toEqual(expectedRow);
      const columnTotals = await page
        .locator('td.column-total')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-material')!, Number(td.textContent)] as const));
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

  // The network: helpers over the page's read-only debug handle (window.__explorer).
  const drawnNodes = () => page.evaluate(() => ((globalThis as any).__explorer.graph.nodes() as string[]).sort());
  const positions = () =>
    page.evaluate(() => {
      const { graph } = (globalThis as any).__explorer;
      return Object.fromEntries(graph.mapNodes((id: string, a: any) => [id, [a.x, a.y]])) as Record<
        string,
        [number, number]
      >;
    });
  /** Where Sigma draws a node, in page coordinates. */
  const pointOf = (id: string) =>
    page.evaluate((node) => {
      const { graph, renderer } = (globalThis as any).__explorer;
      const viewport = renderer.graphToViewport(graph.getNodeAttributes(node));
      const box = (globalThis as any).document.getElementById('graph').getBoundingClientRect();
      return { x: box.left + viewport.x, y: box.top + viewport.y };
    }, id);
  /** The relationship ids the panel lists as the selection's links. */
  const panelLinks = () =>
    page
      .locator('#panel details.link')
      .evaluateAll((ds) => ds.flatMap((d) => d.getAttribute('data-relationships')!.split(' ')).sort());

  async function apiNeighborhood(id: string, depth: number, limit: number, asOf: string | null = null) {
    const data = await ask(
      `query($id: ID!, $depth: Int, $limit: Int, $asOf: PartialDate) {
        neighborhood(id: $id, depth: $depth, limit: $limit, asOf: $asOf) { truncated nodes { id } edges { id type source target } }
      }`,
      { id, depth, limit, asOf },
    );
    return data.neighborhood as {
      truncated: boolean;
      nodes: Array<{ id: string }>;
      edges: Array<{ id: string; type: string; source: string; target: string }>;
    };
  }

  describe('the network: select is not expand', () => {
    const KOREA = 'country:south-korea';

    it('selects on click without adding nodes; expands, collapses, undoes and redoes on request', async () => {
      await page.goto(`${origin}/explore?id=country:japan`);
      await explorerSettled(page, 0);
      const japan = await apiNeighborhood('country:japan', 1, 200);
      expect(await drawnNodes()).toEqual(japan.nodes.map((n) => n.id).sort());
      const before = await drawnNodes();

      const point = await pointOf(KOREA);
      await page.mouse.click(point.x, point.y);
      await expect.poll(() => page.getAttribute('#panel h2', 'data-entity'), { timeout: 15_000 }).toBe(KOREA);
      await page.waitForTimeout(1000);
      expect(await drawnNodes()).toEqual(before);
      expect(new URL(page.url()).searchParams.get('expand')).toBeNull();
      // The panel lists the drawn links: those of Japan's neighbourhood that touch Korea.
      const touching = (edges: Array<{ id: string; source: string; target: string }>) =>
        edges.filter((e) => e.source === KOREA || e.target === KOREA).map((e) => e.id);
      expect(await panelLinks()).toEqual(touching(japan.edges).sort());

      // Expand (the panel's button): Korea's neighbours are drawn and the panel lists every link now drawn.
      let loads = await explorerLoads(page);
      await page.click('#panel button[data-action="expand"]');
      await explorerSettled(page, loads);
      const korea = await apiNeighborhood(KOREA, 1, 100);
      expect(korea.truncated).toBe(false);
      const expanded = [...new Set([...before, ...korea.nodes.map((n) => n.id)])].sort();
      expect(await drawnNodes()).toEqual(expanded);
      expect(expanded.length).toBeGreaterThan(before.length);
      await expect.poll(panelLinks, { timeout: 15_000 }).toEqual(touching(korea.edges).sort());
      expect(new URL(page.url()).searchParams.get('expand')).toBe(KOREA);
      // Parallel links are one entry holding every relationship: Korea COOPERATES_WITH Japan, each cited.
      const groups = await page
        .locator('#panel details.link')
        .evaluateAll((ds) => ds.map((d) => `${d.getAttribute('data-type')} ${d.getAttribute('data-other')}`));
      expect(new Set(groups).size).toBe(groups.length);
      const parallel = korea.edges.filter((e) => e.type === 'COOPERATES_WITH' && e.target === 'country:japan');
      expect(parallel.length).toBeGreaterThan(1);
      const group = page.locator('#panel details.link[data-type="COOPERATES_WITH"][data-other="country:japan"]');
      expect((await group.getAttribute('data-relationships'))!.split(' ').sort()).toEqual(
        parallel.map((e) => e.id).sort(),
      );
      expect(await group.locator('.citation').count()).toBeGreaterThanOrEqual(parallel.length);
      await group.locator('summary').click();
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-korea-expanded.png') });

      // Undo, redo, collapse.
      loads = await explorerLoads(page);
      await page.click('#undo-expand');
      await explorerSettled(page, loads);
      expect(await drawnNodes()).toEqual(before);
      loads = await explorerLoads(page);
      await page.click('#redo-expand');
      await explorerSettled(page, loads);
      expect(await drawnNodes()).toEqual(expanded);
      loads = await explorerLoads(page);
      await page.click('#panel button[data-action="collapse"]');
      await explorerSettled(page, loads);
      expect(await drawnNodes()).toEqual(before);

      // Double-click expands too.
      loads = await explorerLoads(page);
      const again = await pointOf(KOREA);
      await page.mouse.dblclick(again.x, again.y);
      await explorerSettled(page, loads);
      expect(await drawnNodes()).toEqual(expanded);

      // A click on empty canvas clears the panel (no node lies within the stage padding).
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.click(box.x + box.width - 20, box.y + box.height / 2);
      await expect.poll(() => page.textContent('#panel h2'), { timeout: 5_000 }).toBe('Nothing selected');
      expect(new URL(page.url()).searchParams.get('select')).toBeNull();
    });
    it('expands by one relationship type, and undoes it', async () => {
      await page.goto(`${origin}/explore?id=country:japan&select=${KOREA}`);
      await explorerSettled(page, 0);
      const before = await drawnNodes();
      const korea = await apiNeighborhood(KOREA, 1, 100);
      const targets = korea.edges.filter((e) => e.type === 'TARGETS' && (e.source === KOREA || e.target === KOREA));
      expect(targets.length).toBeGreaterThan(1);
      const byType = page.locator('#panel select[data-action="expand-type"]');
      await byType.waitFor({ timeout: 15_000 });
      expect(await byType.locator('option[value="TARGETS"]').textContent()).toBe(`TARGETS (${targets.length})`);
      const loads = await explorerLoads(page);
      await byType.selectOption('TARGETS');
      await explorerSettled(page, loads);
      const ends = targets.flatMap((e) => [e.source, e.target]);
      expect(await drawnNodes()).toEqual([...new Set([...before, ...ends])].sort());
      expect(new URL(page.url()).searchParams.get('expand')).toBe(`${KOREA}~TARGETS`);
      await expect.poll(panelLinks, { timeout: 15_000 }).toEqual(expect.arrayContaining(targets.map((e) => e.id)));
      const undo = await explorerLoads(page);
      await page.click('#undo-expand');
      await explorerSettled(page, undo);
      expect(await drawnNodes()).toEqual(before);
    });
  });

  describe('the network: a stable picture', () => {
    const SHARED = '/explore?id=country:japan&depth=2&limit=500&asOf=2023-12';

    it('opens a shared URL twice on the same positions, laid out to convergence', async () => {
      await page.goto(`${origin}${SHARED}`);
      await explorerSettled(page, 0);
      const first = await positions();
      const run = await page.evaluate(() => (globalThis as any).__explorer.lastLayout());
      expect(run.converged).toBe(true);
      await page.goto(`${origin}${SHARED}`);
      await explorerSettled(page, 0);
      const second = await positions();
      expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
      expect(Object.keys(first).length).toBeGreaterThan(100);
      for (const [id, [x, y]] of Object.entries(first)) {
        expect(second[id]![0]).toBeCloseTo(x, 6);
        expect(second[id]![1]).toBeCloseTo(y, 6);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-stable-japan-2023-12.png') });
    });

    it('keeps the picture when the date moves: the nodes that stay barely move', async () => {
      await page.goto(`${origin}${SHARED}`);
      await explorerSettled(page, 0);
      const before = await positions();
      const loads = await explorerLoads(page);
      const range = await ask(DATED_RANGE_QUERY);
      await page
        .locator('#as-of')
        .fill(String(sliderIndex(monthOfChange(range.earliest.edges[0].node.date, 'from'), '2022-06')));
      await explorerSettled(page, loads);
      const after = await positions();
      const kept = Object.keys(after).filter((id) => id in before);
      expect(kept.length).toBeGreaterThan(50);
      const xs = Object.values(before).map(([x]) => x);
      const ys = Object.values(before).map(([, y]) => y);
      const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      const moves = kept.map((id) => Math.hypot(after[id]![0] - before[id]![0], after[id]![1] - before[id]![1]));
      const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
      // A layout from fresh positions moves nodes by about a third of the extent; from the previous ones, little.
      expect(mean / extent).toBeLessThan(0.1);
    });

    it('groups the layout by kind and by community: each group gathers', async () => {
      const url = `${origin}/explore?id=country:japan&depth=2&limit=500`;
      /** Mean distance of a node to its group's centroid, over mean distance to the whole picture's centroid. */
      const spread = (at: Record<string, [number, number]>, groupOf: Map<string, string>) => {
        const ids = Object.keys(at).filter((id) => groupOf.has(id));
        const centroid = (members: string[]) =>
          [0, 1].map((i) => members.reduce((sum, id) => sum + at[id]![i]!, 0) / members.length) as [number, number];
        const distance = (id: string, [cx, cy]: [number, number]) => Math.hypot(at[id]![0] - cx, at[id]![1] - cy);
        const all = centroid(ids);
        const groups = new Map<string, string[]>();
        for (const id of ids) groups.set(groupOf.get(id)!, [...(groups.get(groupOf.get(id)!) ?? []), id]);
        const within = ids.reduce((sum, id) => sum + distance(id, centroid(groups.get(groupOf.get(id)!)!)), 0);
        return within / ids.reduce((sum, id) => sum + distance(id, all), 0);
      };
      await page.goto(url);
      await explorerSettled(page, 0);
      const ungrouped = await positions();
      const japan = await ask(`{ neighborhood(id: "country:japan", depth: 2, limit: 500) { nodes { id kind } } }`);
      const kindOf = new Map<string, string>(japan.neighborhood.nodes.map((n: any) => [n.id, n.kind]));

      let loads = await explorerLoads(page);
      await page.selectOption('#group-by', 'kind');
      await explorerSettled(page, loads);
      const byKind = await positions();
      expect(new URL(page.url()).searchParams.get('group')).toBe('kind');
      const [before, after] = [spread(ungrouped, kindOf), spread(byKind, kindOf)];
      console.log('spread by kind', { before, after });
      expect(after).toBeLessThan(0.75 * before);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-grouped-by-kind.png') });

      // Communities: the API's Louvain communities over every kind and relationship type.
      const stats = await ask(`{ graphStats { kinds { kind } relationshipTypes { type } } }`);
      const projection = {
        kinds: stats.graphStats.kinds.map((k: any) => k.kind),
        types: stats.graphStats.relationshipTypes.map((t: any) => t.type),
      };
      const found = await ask(
        `query($projection: ProjectionInput) { communities(projection: $projection, first: 30) { id members(first: 100) { edges { node { id } } } } }`,
        { projection },
      );
      const communityOf = new Map<string, string>(
        found.communities.flatMap((c: any) => c.members.edges.map((e: any) => [e.node.id, String(c.id)])),
      );
      loads = await explorerLoads(page);
      await page.selectOption('#group-by', 'community');
      await explorerSettled(page, loads);
      const byCommunity = await positions();
      const [kindLayout, communityLayout] = [spread(byKind, communityOf), spread(byCommunity, communityOf)];
      console.log('spread by community', { kindLayout, communityLayout, ungrouped: spread(ungrouped, communityOf) });
      expect(communityLayout).toBeLessThan(0.75 * spread(ungrouped, communityOf));
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-grouped-by-community.png') });
    });

    it('keeps zoom and pan in the URL, pins a dragged node, and fits the graph to the screen', async () => {
      await page.goto(`${origin}/explore?id=company:kioxia`);
      await explorerSettled(page, 0);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40);
      await page.mouse.wheel(0, -400);
      await expect.poll(() => new URL(page.url()).searchParams.get('cam'), { timeout: 10_000 }).not.toBeNull();
      const cam = new URL(page.url()).searchParams.get('cam')!.split(',').map(Number);
      expect(cam[2]).toBeLessThan(1);
      // The same URL restores the camera.
      await page.goto(page.url());
      await explorerSettled(page, 0);
      const restored = await page.evaluate(() => (globalThis as any).__explorer.renderer.getCamera().getState());
      expect(restored.x).toBeCloseTo(cam[0]!, 3);
      expect(restored.y).toBeCloseTo(cam[1]!, 3);
      expect(restored.ratio).toBeCloseTo(cam[2]!, 3);

      // Fit to screen: the whole graph, and the URL forgets the camera.
      await page.click('#fit-view');
      await expect.poll(() => new URL(page.url()).searchParams.get('cam'), { timeout: 10_000 }).toBeNull();

      // Drag a material 120 px to the right: it lands under the pointer and stays pinned through a relayout.
      const material = (await apiNeighborhood('company:kioxia', 1, 200)).nodes.find((n) =>
        n.id.startsWith('material:'),
      )!;
      const from = await pointOf(material.id);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y, { steps: 5 });
      await page.mouse.move(from.x + 120, from.y + 10, { steps: 5 });
      await page.mouse.up();
      const dropped = await pointOf(material.id);
      expect(Math.abs(dropped.x - (from.x + 120))).toBeLessThan(4);
      expect(Math.abs(dropped.y - (from.y + 10))).toBeLessThan(4);
      const pinned = await page.evaluate(
        (id) => (globalThis as any).__explorer.graph.getNodeAttributes(id),
        material.id,
      );
      expect(pinned.fixed).toBe(true);
      const loads = await explorerLoads(page);
      await page.selectOption('#depth', '2');
      await explorerSettled(page, loads);
      const kept = await page.evaluate((id) => (globalThis as any).__explorer.graph.getNodeAttributes(id), material.id);
      expect([kept.x, kept.y]).toEqual([pinned.x, pinned.y]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-kioxia-dragged.png') });
    });
  });

  describe('every state says something', () => {
    it('says when a search matches nothing', async () => {
      await page.goto(`${origin}/explore`);
      await explorerSettled(page, 0);
      const { search } = await ask(`{ search(text: "gallium") { entity { id } } }`);
      expect(search).toEqual([]);
      await page.fill('#search', 'gallium');
      const line = page.locator('#suggestions .no-match');
      await line.waitFor({ timeout: 15_000 });
      expect(await line.textContent()).toContain('No entity matches “gallium”');
      expect(await page.getAttribute('#search', 'aria-expanded')).toBe('true');
    });

    it('says when the link names an unknown id', async () => {
      const { entity } = await ask(`{ entity(id: "company:no-such-company") { id } }`);
      expect(entity).toBeNull();
      await page.goto(`${origin}/explore?id=company:no-such-company`);
      await explorerSettled(page, 0);
      expect(await page.isVisible('#notice')).toBe(true);
      expect(await page.textContent('#notice')).toContain('No entity has the id “company:no-such-company”');
      expect(await page.textContent('#panel h2')).toBe('No such entity');
      expect(await drawnNodes()).toEqual([]);
    });

    it('sets a bad date in the link aside, resets the slider and says why', async () => {
      await page.goto(`${origin}/explore?id=country:japan&asOf=2099-13`);
      await explorerSettled(page, 0);
      expect(await page.textContent('#notice')).toContain('“2099-13” was set aside');
      expect(await page.textContent('#as-of-label')).toBe('now');
      expect(await page.inputValue('#as-of')).toBe(await page.getAttribute('#as-of', 'max'));
      expect(await page.getAttribute('#as-of', 'aria-valuetext')).toContain('now');
      expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
      expect(await drawnNodes()).toEqual(
        (await apiNeighborhood('country:japan', 1, 200)).nodes.map((n) => n.id).sort(),
      );
      // A date the slider cannot show is set aside too.
      await page.goto(`${origin}/explore?id=country:japan&asOf=2099-12`);
      await explorerSettled(page, 0);
      const range = await ask(DATED_RANGE_QUERY);
      const [first, last] = [
        monthOfChange(range.earliest.edges[0].node.date, 'from'),
        monthOfChange(range.latest.edges[0].node.date, 'to'),
      ];
      expect(await page.textContent('#notice')).toContain(`not a month from ${first} to ${last}`);
      // The slider runs over those months, then "now".
      await page.locator('#as-of').fill('0');
      expect(await page.textContent('#as-of-label')).toBe(first);
      expect(Number(await page.getAttribute('#as-of', 'max'))).toBe(sliderIndex(first, last) + 1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-bad-date.png') });
    });

    it('says when the server is busy, and loads once it answers', async () => {
      // The first neighbourhood request is refused as the server does when its expensive fields are all taken.
      let refused = 0;
      await page.route('**/graphql', async (route) => {
        if (refused === 0 && (route.request().postData() ?? '').includes('neighborhood(')) {
          refused += 1;
          return route.fulfill({
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '2' },
            body: JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'SERVER_BUSY' } }] }),
          });
        }
        return route.fallback();
      });
      try {
        await page.goto(`${origin}/explore?id=company:kioxia`);
        await expect
          .poll(() => page.textContent('#status'), { timeout: 10_000 })
          .toBe('The server is busy; asking again in 2 s…');
        await explorerSettled(page, 0);
        expect(refused).toBe(1);
        expect(await drawnNodes()).toEqual(
          (await apiNeighborhood('company:kioxia', 1, 200)).nodes.map((n) => n.id).sort(),
        );
      } finally {
        await page.unroute('**/graphql');
      }
    });

    it('names the centre after a URL restore; the status counts follow the filters; an empty result says so', async () => {
      await page.goto(`${origin}/explore?id=company:kioxia`);
      await explorerSettled(page, 0);
      const { entity } = await ask(`{ entity(id: "company:kioxia") { name } }`);
      expect(await page.inputValue('#search')).toBe(entity.name);

      const kioxia = await ask(
        `{ neighborhood(id: "company:kioxia", depth: 1, limit: 200) { nodes { id kind } edges { source target } } }`,
      );
      const { nodes, edges } = kioxia.neighborhood as {
        nodes: Array<{ id: string; kind: string }>;
        edges: Array<{ source: string; target: string }>;
      };
      expect(await page.textContent('#status')).toBe(`${nodes.length} nodes, ${edges.length} edges`);
      // Hide the materials: the counts are of what remains drawn.
      await page.uncheck('#legend input[data-filter="Material"]');
      const materials = new Set(nodes.filter((n) => n.kind === 'Material').map((n) => n.id));
      expect(materials.size).toBeGreaterThan(0);
      const keptEdges = edges.filter((e) => !materials.has(e.source) && !materials.has(e.target)).length;
      expect(await page.textContent('#status')).toBe(
        `${nodes.length - materials.size} of ${nodes.length} nodes, ${keptEdges} of ${edges.length} edges shown`,
      );
      // Hide every kind: the notice says so and offers them back.
      for (const box of await page.locator('#legend input').all()) await box.uncheck();
      expect(await page.textContent('#notice')).toContain(`The kind filters hide all ${nodes.length} nodes`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-everything-filtered.png') });
      await page.click('#notice button.fix');
      expect(await page.textContent('#status')).toBe(`${nodes.length} nodes, ${edges.length} edges`);
      expect(await page.isVisible('#notice')).toBe(false);
    });
  });

  describe('keyboard and screen readers', () => {
    /** Presses Tab until the focused element matches `selector` (at most `limit` presses); returns the presses. */
    async function tabTo(selector: string, limit = 400): Promise<number> {
      for (let presses = 1; presses <= limit; presses += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => (globalThis as any).document.activeElement?.matches(s) ?? false, selector))
          return presses;
      }
      throw new Error(`Tab never reached ${selector}`);
    }

    it('has no serious or critical axe-core violation on the network, the list and the matrix', async () => {
      await page.goto(`${origin}/explore?id=country:japan&select=country:south-korea`);
      await explorerSettled(page, 0);
      await expect
        .poll(() => page.getAttribute('#panel h2', 'data-entity'), { timeout: 15_000 })
        .toBe('country:south-korea');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.click('#tab-list');
      await page.locator('#list button.select-node').first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-list-view.png') });
      const before = await matrixLoads(page);
      await page.click('#tab-matrix');
      await matrixSettled(page, before);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('gives the combobox, the tabs and the slider their roles and states', async () => {
      await page.goto(`${origin}/explore?id=country:japan&asOf=2023-12`);
      await explorerSettled(page, 0);
      expect(await page.getAttribute('#as-of', 'aria-valuetext')).toBe('2023-12');
      expect(await page.getAttribute('#search', 'role')).toBe('combobox');
      await page.fill('#search', 'Kioxia');
      await page.locator('#suggestions .suggestion').first().waitFor({ timeout: 15_000 });
      expect(await page.getAttribute('#search', 'aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      const active = await page.getAttribute('#search', 'aria-activedescendant');
      expect(await page.getAttribute(`#${active}`, 'aria-selected')).toBe('true');
      expect(await page.locator('#view-tabs [role="tab"][aria-selected="true"]').allTextContents()).toEqual([
        expect.stringContaining('Network'),
      ]);
      expect(await page.getAttribute('#panel', 'aria-live')).toBe('polite');
    });

    it('reaches a node’s citations and a matrix cell’s citations from the keyboard alone', async () => {
      await page.goto(`${origin}/explore?id=company:kioxia`);
      await explorerSettled(page, 0);
      const material = (await apiNeighborhood('company:kioxia', 1, 200)).nodes.find((n) =>
        n.id.startsWith('material:'),
      )!;
      const { entity } = await ask(`query($id: ID!) { entity(id: $id) { sources { quote } } }`, { id: material.id });
      await tabTo('#tab-graph');
      await page.keyboard.press('ArrowRight');
      expect(await page.getAttribute('#tab-list', 'aria-selected')).toBe('true');
      await tabTo(`#list button.select-node[data-node="${material.id}"]`);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-entity')), {
          timeout: 15_000,
        })
        .toBe(material.id);
      expect(await page.textContent('#panel')).toContain(entity.sources[0].quote);

      await page.goto(`${origin}/explore?view=matrix`);
      await matrixSettled(page, 0);
      // The filled cells are one tab stop; the arrow keys move between them.
      let presses = await tabTo('td.filled button');
      const at = () =>
        page.evaluate(() => {
          const cell = (globalThis as any).document.activeElement;
          return [
            cell?.closest('tr')?.getAttribute('data-company'),
            cell?.closest('td')?.getAttribute('data-material'),
          ];
        });
      while ((await at())[0] !== 'company:resonac' && presses < 100) {
        await page.keyboard.press('ArrowDown');
        presses += 1;
      }
      expect((await at())[0]).toBe('company:resonac');
      for (const key of ['ArrowRight', 'ArrowLeft']) {
        for (let i = 0; i < 5 && (await at())[1] !== 'material:sic-epitaxial-wafer'; i += 1) {
          await page.keyboard.press(key);
          presses += 1;
        }
      }
      expect(await at()).toEqual(['company:resonac', 'material:sic-epitaxial-wafer']);
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await page.textContent('#panel')) ?? '', { timeout: 15_000 })
        .toContain('Table 1, row 4');
      timings['a matrix cell’s citation by keyboard (key presses)'] = presses;
    });
  });

  describe('readability', () => {
    it('draws kinds of one family in one hue, told apart by shade and shape', async () => {
      await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500`);
      await explorerSettled(page, 0);
      const swatches = await page.locator('#legend li').evaluateAll((lis) =>
        Object.fromEntries(
          lis.map((li) => {
            const swatch = li.querySelector('.swatch') as any;
            return [
              li.querySelector('input')!.getAttribute('data-filter'),
              {
                color: (globalThis as any).getComputedStyle(swatch).backgroundColor as string,
                square: swatch.classList.contains('square'),
              },
            ];
          }),
        ),
      );
      const hsl = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((c) => Number(c) / 255) as [number, number, number];
        const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)];
        const l = (max + min) / 2;
        const d = max - min;
        if (d === 0) return { h: null, l: l * 100 };
        const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
        return { h: (h * 60 + 360) % 360, l: l * 100 };
      };
      // The pairs an analyst could not tell apart before.
      const pairs = [
        ['Company', 'Facility'],
        ['Program', 'Budget'],
        ['Law', 'Policy'],
        ['Target', 'Indicator'],
        ['Framework', 'Agreement'],
      ] as const;
      for (const [a, b] of pairs) {
        expect(swatches[a], a).toBeDefined();
        expect(swatches[b], b).toBeDefined();
        const [ha, hb] = [hsl(swatches[a].color), hsl(swatches[b].color)];
        if (ha.h !== null && hb.h !== null) {
          const apart = Math.abs(ha.h - hb.h);
          expect(Math.min(apart, 360 - apart), `${a}/${b} hue`).toBeLessThan(20);
        }
        expect(Math.abs(ha.l - hb.l), `${a}/${b} shade`).toBeGreaterThan(20);
        expect(swatches[a].square, `${a}/${b} shape`).not.toBe(swatches[b].square);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-palette-japan-d2.png') });
    });

    it('keeps kinds of one shape apart under simulated colour-vision deficiencies', async () => {
      // Every kind's swatch, as the legend draws it.
      await page.goto(`${origin}/explore?id=country:japan&depth=3&limit=500`);
      await explorerSettled(page, 0);
      const swatches = (await page.locator('#legend li').evaluateAll((lis) =>
        lis.map((li) => {
          const swatch = li.querySelector('.swatch') as any;
          return {
            kind: li.querySelector('input')!.getAttribute('data-filter')!,
            rgb: ((globalThis as any).getComputedStyle(swatch).backgroundColor as string)
              .match(/\d+/g)!
              .slice(0, 3)
              .map(Number),
            square: swatch.classList.contains('square') as boolean,
          };
        }),
      )) as Array<{ kind: string; rgb: number[]; square: boolean }>;
      expect(swatches.length).toBeGreaterThan(14);
      // Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB; distance in CIELAB (CIE76).
      const deficiencies: Record<string, number[][]> = {
        protanopia: [
          [0.152286, 1.052583, -0.204868],
          [0.114503, 0.786281, 0.099216],
          [-0.003882, -0.048116, 1.051998],
        ],
        deuteranopia: [
          [0.367322, 0.860646, -0.227968],
          [0.280085, 0.672501, 0.047413],
          [-0.01182, 0.04294, 0.968881],
        ],
        tritanopia: [
          [1.255528, -0.076749, -0.178779],
          [-0.078411, 0.930809, 0.147602],
          [0.004733, 0.691367, 0.3039],
        ],
      };
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      const lab = ([r, g, b]: number[]) => {
        const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
        const x = f((0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047);
        const y = f(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
        const z = f((0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883);
        return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
      };
      const seen = (rgb: number[], m: number[][]) =>
        lab(
          m.map((row) =>
            Math.min(
              1,
              Math.max(
                0,
                row.reduce((sum, k, i) => sum + k * linear(rgb[i]!), 0),
              ),
            ),
          ),
        );
      const close: string[] = [];
      for (const [name, m] of Object.entries(deficiencies)) {
        for (const [i, a] of swatches.entries()) {
          for (const b of swatches.slice(i + 1)) {
            if (a.square !== b.square) continue;
            const d = Math.hypot(...seen(a.rgb, m).map((v, k) => v - seen(b.rgb, m)[k]!));
            if (d < 10) close.push(`${name}: ${a.kind}/${b.kind} ${d.toFixed(1)}`);
          }
        }
      }
      expect(close).toEqual([]);
    });

    it('finds in view: highlights the drawn nodes whose name matches, without loading or recentring', async () => {
      await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500`);
      await explorerSettled(page, 0);
      const japan = await ask(`{ neighborhood(id: "country:japan", depth: 2, limit: 500) { nodes { id name } } }`);
      const nodes = japan.neighborhood.nodes as Array<{ id: string; name: string }>;
      const matching = nodes.filter((n) => n.name.toLowerCase().includes('semicon') || n.id.includes('semicon'));
      expect(matching.length).toBeGreaterThan(1);
      const loads = await explorerLoads(page);
      await page.fill('#find-in-view', 'semicon');
      await expect
        .poll(() => page.textContent('#find-count'), { timeout: 5_000 })
        .toBe(`${matching.length} of ${nodes.length} drawn nodes match`);
      const shown = await page.evaluate(
        (ids) =>
          ids.map((id) => (globalThis as any).__explorer.renderer.getNodeDisplayData(id)?.highlighted as boolean),
        matching.map((n) => n.id),
      );
      expect(shown.every(Boolean)).toBe(true);
      const other = nodes.find((n) => !matching.includes(n))!;
      expect(
        await page.evaluate(
          (id) => (globalThis as any).__explorer.renderer.getNodeDisplayData(id)?.highlighted,
          other.id,
        ),
      ).toBe(false);
      expect(await explorerLoads(page)).toBe(loads);
      expect(new URL(page.url()).searchParams.get('id')).toBe('country:japan');
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-find-in-view.png') });
      await page.press('#find-in-view', 'Escape');
      expect(await page.textContent('#find-count')).toBe('');
    });

    it('keeps every node label inside the canvas, clear of the side panel', async () => {
      await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500&asOf=2023-12`);
      await explorerSettled(page, 0);
      // Record where the labels are written on Sigma's label layer during one redraw.
      const overflow = await page.evaluate(() => {
        const g = globalThis as any;
        const drawn: Array<{ text: string; right: number }> = [];
        const original = g.CanvasRenderingContext2D.prototype.fillText;
        g.CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number) {
          if (this.canvas.classList.contains('sigma-labels')) {
            drawn.push({ text, right: x + this.measureText(text).width });
          }
          return original.call(this, text, x, y);
        };
        g.__explorer.renderer.refresh();
        g.CanvasRenderingContext2D.prototype.fillText = original;
        const width = g.document.getElementById('graph').clientWidth;
        return { labels: drawn.length, outside: drawn.filter((l) => l.right > width).map((l) => l.text) };
      });
      expect(overflow.labels).toBeGreaterThan(20);
      expect(overflow.outside).toEqual([]);
    });

    it('takes a click a few pixels beside an edge as a click on it', async () => {
      await page.goto(`${origin}/explore?id=company:kioxia`);
      await explorerSettled(page, 0);
      // The longest drawn edge, and a point 4 px off its middle, away from every node.
      const target = await page.evaluate(() => {
        const { graph, renderer } = (globalThis as any).__explorer;
        const box = (globalThis as any).document.getElementById('graph').getBoundingClientRect();
        let best: any = null;
        graph.forEachEdge((id: string, _a: any, s: string, t: string) => {
          const a = renderer.graphToViewport(graph.getNodeAttributes(s));
          const b = renderer.graphToViewport(graph.getNodeAttributes(t));
          const length = Math.hypot(b.x - a.x, b.y - a.y);
          if (best === null || length > best.length) best = { id, a, b, length };
        });
        const [mx, my] = [(best.a.x + best.b.x) / 2, (best.a.y + best.b.y) / 2];
        const [nx, ny] = [-(best.b.y - best.a.y) / best.length, (best.b.x - best.a.x) / best.length];
        return {
          id: best.id as string,
          length: best.length as number,
          x: box.left + mx + 4 * nx,
          y: box.top + my + 4 * ny,
        };
      });
      expect(target.length).toBeGreaterThan(100);
      await page.mouse.click(target.x, target.y);
      await expect.poll(() => page.getAttribute('#panel h2', 'data-relationship'), { timeout: 5_000 }).toBe(target.id);
    });
  });

  describe('exports of the view', () => {
    it('writes each node’s drawn position, colour and size into the GEXF, GraphML and Cytoscape files, named for the view', async () => {
      await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500&asOf=2023-12`);
      await explorerSettled(page, 0);
      const expected = await apiNeighborhood('country:japan', 2, 500, '2023-12');
      const drawn = await positions();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#exports [data-format="gexf"]'),
      ]);
      expect(download.suggestedFilename()).toBe('neighborhood-country-japan-d2-2023-12.gexf');
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(file);
      const text = readFileSync(file, 'utf8');
      // Read back with graphology-gexf, which turns viz:position, viz:size and viz:color into x, y, size, color.
      const read = gexf.parse(MultiGraph, text);
      expect(read.nodes().sort()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(text.match(/<viz:position /g)?.length).toBe(expected.nodes.length);
      read.forEachNode((id, a) => {
        expect(a['x']).toBeCloseTo(drawn[id]![0], 2);
        expect(a['y']).toBeCloseTo(drawn[id]![1], 2);
        expect(a['size']).toBeGreaterThan(0);
        expect(a['color']).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
      });

      // GraphML: x, y, size, r, g, b keys, read back with graphology-graphml.
      const [ml] = await Promise.all([page.waitForEvent('download'), page.click('#exports [data-format="graphml"]')]);
      const mlFile = path.join(ARTIFACTS, ml.suggestedFilename());
      await ml.saveAs(mlFile);
      const readMl = graphml.parse(MultiGraph, readFileSync(mlFile, 'utf8'));
      expect(readMl.order).toBe(expected.nodes.length);
      readMl.forEachNode((id, a) => {
        expect(a['x']).toBeCloseTo(drawn[id]![0], 2);
        expect(a['y']).toBeCloseTo(drawn[id]![1], 2);
      });

      const [cy] = await Promise.all([page.waitForEvent('download'), page.click('#exports [data-format="cytoscape"]')]);
      const cyFile = path.join(ARTIFACTS, cy.suggestedFilename());
      await cy.saveAs(cyFile);
      const elements = JSON.parse(readFileSync(cyFile, 'utf8')).elements.nodes as Array<{
        data: { id: string };
        position: { x: number; y: number };
      }>;
      expect(elements).toHaveLength(expected.nodes.length);
      for (const node of elements) {
        expect(node.position.x).toBeCloseTo(drawn[node.data.id]![0], 6);
        expect(node.position.y).toBeCloseTo(-drawn[node.data.id]![1], 6);
      }
    });
  });

  describe('the analyst’s other questions, timed', () => {
    it('answers “how is Kioxia linked to Japan” with the keyboard alone', async () => {
      await page.goto(`${origin}/explore?id=company:kioxia`);
      await explorerSettled(page, 0);
      const data = await ask(`{ paths(from: "company:kioxia", to: "country:japan", k: 3) { edges { id } } }`);
      expect(data.paths.length).toBeGreaterThan(0);
      const started = Date.now();
      await page.focus('#path-from');
      await page.keyboard.type('Kioxia');
      await page.locator('#path-from-suggestions .suggestion[data-id="company:kioxia"]').waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Japan');
      await page.locator('#path-to-suggestions .suggestion[data-id="country:japan"]').waitFor({ timeout: 15_000 });
      expect(
        await page.getAttribute('#path-to-suggestions .suggestion.active', 'data-id'),
        'the exact name comes first',
      ).toBe('country:japan');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab'); // k
      await page.keyboard.press('Tab'); // Find paths
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await page.textContent('#paths-count')) ?? '', { timeout: 30_000 })
        .toMatch(new RegExp(`^${data.paths.length} paths?,`));
      timings['how is A linked to B (paths, keyboard)'] = Date.now() - started;
      const listed = await page
        .locator('#panel section.path details[data-link]')
        .evaluateAll((ds) => ds.map((d) => d.getAttribute('data-link')));
      expect(new Set(listed)).toEqual(new Set(data.paths.flatMap((p: any) => p.edges.map((e: any) => e.id))));
    });

    it('answers “what changed between 2022-06 and 2023-12”', async () => {
      await page.goto(`${origin}/explore?id=country:japan&depth=2&limit=500&asOf=2023-12`);
      await explorerSettled(page, 0);
      const { changes } = await ask(`{ changes(from: "2022-06", to: "2023-12", first: 1) { totalCount } }`);
      const started = Date.now();
      await page.fill('#compare', '2022-06');
      await expect
        .poll(async () => (await page.textContent('#changes-count')) ?? '', { timeout: 30_000 })
        .toMatch(new RegExp(`^${changes.totalCount} relationships`));
      timings['what changed between two dates (compare)'] = Date.now() - started;
    });
  });

  it('keeps its debug handle and the benchmark out of a page that does not ask for them', async () => {
    const plain = await browser.newPage();
    try {
      await plain.goto(`${origin}/explore?id=company:kioxia`);
      await plain.waitForSelector('#legend li', { timeout: 30_000 });
      expect(await plain.evaluate(() => '__explorer' in globalThis)).toBe(false);
      // The benchmark is a chunk of its own, which a page showing the graph never loads.
      const scripts = await plain.evaluate(() =>
        (globalThis as any).performance.getEntriesByType('resource').map((e: any) => e.name as string),
      );
      expect(scripts.some((name: string) => /\/assets\/index-[\w-]+\.js$/.test(name))).toBe(true);
      expect(scripts.some((name: string) => name.includes('benchmark'))).toBe(false);
    } finally {
      await plain.close();
    }
  });

  it('loaded nothing from outside this machine and raised no page error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
