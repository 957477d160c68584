/**
 * Test helper: headless Chromium (playwright-core) for the explorer tests, with every request that
 * leaves this machine blocked and recorded, page errors recorded, the explorer's load counter to wait on, and
 * axe-core (its script, `axe.source`) evaluated in the page to check a view's accessibility.
 */
import axe from 'axe-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { assertExplorerBuilt } from '../../src/explorer-page/explorer-bundle.ts';
import { startApiServer, type ApiServer, type ApiServerOptions } from './api-server.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Whether the browser tests can run here: Chromium is installed, or this is CI (where it must be). */
export const browserAvailable = existsSync(CHROMIUM) || process.env['CI'] === 'true';
/** Where screenshots and figures go (git-ignored). */
export const ARTIFACTS = path.resolve('tests/artifacts');

export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // WebGL without a GPU: Chromium's software renderer.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface OfflinePage {
  page: Page;
  /** URLs the page asked for outside `origin` (all refused). */
  blocked: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
}

/**
 * A 1600×1000 page that may load only from `origin` (and blob:/data: URLs it makes itself), and that asks the
 * explorer for its debug handle.
 */
async function offlinePage(browser: Browser, origin: string): Promise<OfflinePage> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The explorer exposes its debug handle (window.__explorer) only to a page that asks before it loads.
  await page.addInitScript(() => {
    (globalThis as any).__explorerDebug = true;
  });
  return { page, blocked, pageErrors };
}

export interface ExplorerSession extends OfflinePage {
  api: ApiServer;
  browser: Browser;
  /** The API server's origin, the only one the page may load from. */
  origin: string;
}

/** An API server over the paper (with `options`) and an offline page in a fresh Chromium, for the explorer tests. */
export async function startExplorerSession(options: ApiServerOptions = {}): Promise<ExplorerSession> {
  assertExplorerBuilt(); // the global setup ran `npm run build`
  const api = await startApiServer(options);
  const origin = new URL(api.url).origin;
  const browser = await launchChromium();
  return { api, browser, origin, ...(await offlinePage(browser, origin)) };
}

/** The explorer's count of completed network loads (fetch, draw and layout). */
export function explorerLoads(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).__explorer.loads as number);
}

/** Waits until a network load after `before` has finished, its layout included. */
export async function explorerSettled(page: Page, before: number): Promise<void> {
  await expect.poll(() => explorerLoads(page), { timeout: 60_000 }).toBeGreaterThan(before);
  await expect
    .poll(() => page.evaluate(() => (globalThis as any).__explorer.layoutRunning() as boolean), { timeout: 60_000 })
    .toBe(false);
}

/** Waits until the matrix has loaded more often than `before`. */
export async function matrixSettled(page: Page, before: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (globalThis as any).__explorer.matrixLoads as number), { timeout: 60_000 })
    .toBeGreaterThan(before);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2 A and AA rules) on the page as it stands; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy allows no inline script.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as any[]).slice(0, 5).map((n) => `${(n.target as string[]).join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The graph's first and last dated changes, in date order: the explorer's slider runs over their months. */
export const DATED_RANGE_QUERY = `{
  earliest: changes(from: "1000", to: "9999", first: 1) { edges { node { date } } }
  latest: changes(from: "1000", to: "9999", last: 1) { edges { node { date } } }
}`;

/** The month a change date falls in, a bare year counting from January (`from`) or to December (`to`). */
export function monthOfChange(date: string, end: 'from' | 'to'): string {
  return /^\d{4}$/.test(date) ? `${date}-${end === 'from' ? '01' : '12'}` : date.slice(0, 7);
}

/** The explorer slider's position of `month` (YYYY-MM), the slider starting at `first` (YYYY-MM). */
export function sliderIndex(first: string, month: string): number {
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [y, m] = month.split('-').map(Number) as [number, number];
  return (y - fy) * 12 + (m - fm);
}
