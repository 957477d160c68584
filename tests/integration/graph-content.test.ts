/**
 * The seeded graph held to its source paper. Expectations are read from the paper itself (its tables, its list of
 * designated materials, its yen figures), independently of the loader, and checked against what Neo4j holds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { clearDatabase } from '../helpers/graph-snapshot.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

const PAPER = readFileSync(
  fileURLToPath(new URL('../../corpus/japan-supply-chain-policy.md', import.meta.url)),
  'utf8',
);
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
const FOLDED_PAPER = fold(PAPER);
const same = (a: string, b: string) => fold(a).toLowerCase() === fold(b).toLowerCase();

/** Rows of "Table N" as the paper prints them: number, company cell, material cell (tab-separated). */
function tableRows(table: string): Array<{ row: number; companies: string[]; materials: string[] }> {
  const lines = PAPER.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`**${table}.`));
  const rows = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('Source:')) break;
    const cells = line.split('\t').map((c) => c.trim());
    if (!/^\d+$/.test(cells[0] ?? '')) continue;
    rows.push({
      row: Number(cells[0]),
      companies: (cells[1] ?? '')
        .split('/')
        .map((c) => c.trim())
        .filter(Boolean),
      materials: (cells[2] ?? '')
        .split('/')
        .map((c) => c.trim())
        .filter(Boolean),
    });
  }
  return rows;
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
  await loadGraph(db.runner, listDataFiles());
});
afterAll(() => db.close());

interface Named {
  id: string;
  name: string;
  aliases: string[];
}
const names = (e: Named) => [e.name, ...e.aliases];

describe.each(['Table 1', 'Table 2'])('graph content: every row of %s', (table) => {
  const rows = tableRows(table);

  it('the paper has the rows this test reads', () => {
    expect(rows.length).toBe(table === 'Table 1' ? 10 : 15);
  });

  it.each(rows)(
    'row $row: each company linked to each material item by an approved supply plan',
    async ({ row, companies, materials }) => {
      // A cell item may be linked as itself or through the finer items it is split into (PART_OF it).
      // Found through the row's Citation nodes (what the row supports), as Document.facts does.
      const links = await db.runner.read<{ company: Named; material: Named; itemOf: Named[]; sources: string }>(
        'test.table-row',
        `MATCH (cite:Citation {documentId: 'japan-supply-chain-policy', table: $table, row: $row})
       WHERE cite.type = 'APPROVED_SUPPLY_PLAN_FOR'
       MATCH (c:Company {id: cite.source})-[r:APPROVED_SUPPLY_PLAN_FOR]->(m:Material {id: cite.target})
       OPTIONAL MATCH (m)-[:PART_OF]->(whole:Material)
       RETURN c {.id, .name, .aliases} AS company, m {.id, .name, .aliases} AS material,
              collect(whole {.id, .name, .aliases}) AS itemOf, r.sourcesJson AS sources`,
        { table, row },
      );
      for (const company of companies) {
        const linked = links.filter((l) => names(l.company).some((n) => same(n, company)));
        expect(linked.length, `${table} row ${row}: company "${company}"`).toBeGreaterThan(0);
        for (const material of materials) {
          expect(
            linked.some((l) => [l.material, ...l.itemOf].flatMap(names).some((n) => same(n, material))),
            `${table} row ${row}: "${company}" -> "${material}"`,
          ).toBe(true);
        }
      }
      for (const link of links) {
        const citations = JSON.parse(link.sources) as Array<{ table?: string; row?: number }>;
        expect(citations.some((c) => c.table === table && c.row === row)).toBe(true);
      }
    },
  );
});

describe('graph content: the 11 designated critical materials', () => {
  const DESIGNATED = [
    'semiconductors',
    'EV batteries',
    'cloud services',
    'permanent magnets',
    'machine tools and industrial robots',
    'aircraft parts and materials',
    'critical minerals',
    'liquefied natural gas',
    'ship parts',
    'antibiotics',
    'fertilizer raw materials',
  ];

  it('the paper lists these eleven', () => {
    expect(FOLDED_PAPER).toContain(
      `designated 11 specific critical materials in the Enforcement Decree of the Economic Security Promotion Act including ${DESIGNATED.join(', ')}.`,
    );
  });

  it.each(DESIGNATED)('%s is a Material designated by the Enforcement Decree', async (material) => {
    const rows = await db.runner.read<{ law: string; material: Named }>(
      'test.designated',
      `MATCH (l:Law)-[:DESIGNATES]->(m:Material)
       RETURN l.name AS law, m {.id, .name, .aliases} AS material`,
    );
    const designations = rows.filter((r) => names(r.material).some((n) => same(n, material)));
    expect(designations.map((d) => d.law)).toContainEqual(expect.stringMatching(/Enforcement Decree/));
  });
});

describe('graph content: money and shares match the text', () => {
  const YEN_FIGURES: Array<[string, number]> = [
    ['1.0358 trillion yen', 1_035_800_000_000],
    ['60 billion yen', 60_000_000_000],
    ['368.6 billion yen', 368_600_000_000],
    ['331.6 billion yen', 331_600_000_000],
    ['105.8 billion yen', 105_800_000_000],
    ['617 billion yen', 617_000_000_000],
    ['450 billion yen', 450_000_000_000],
    ['476 billion yen', 476_000_000_000],
    ['92.93 billion yen', 92_930_000_000],
    ['46.47 billion yen', 46_470_000_000],
    ['47 billion yen', 47_000_000_000],
    ['100 billion yen', 100_000_000_000],
    ['350 billion yen', 350_000_000_000],
    ['30 billion yen', 30_000_000_000],
    ['29 billion yen', 29_000_000_000],
  ];

  it.each(YEN_FIGURES)(
    '%s is stored as a typed amount in JPY, citing the sentence that gives it',
    async (text, amount) => {
      expect(PAPER).toContain(text);
      const rows = await db.runner.read<{ sources: string }>(
        'test.amount',
        `CALL () {
         MATCH (n:Entity) WHERE (n.amount = $amount OR n.maxAmount = $amount) AND n.currency = 'JPY' RETURN n.sourcesJson AS sources
         UNION ALL
         MATCH ()-[r]->() WHERE (r.amount = $amount OR r.maxAmount = $amount) AND r.currency = 'JPY' RETURN r.sourcesJson AS sources
       }
       RETURN sources`,
        { amount },
      );
      expect(rows.length).toBeGreaterThan(0);
      const quotes = rows.flatMap((r) => (JSON.parse(r.sources) as Array<{ quote: string }>).map((c) => c.quote));
      expect(quotes.some((q) => q.includes(text.replace(' yen', '')))).toBe(true);
    },
  );

  it.each([
    ['semiconductors', 368_600_000_000, 35.6],
    ['ev-batteries', 331_600_000_000, 32.0],
    ['critical-minerals', 105_800_000_000, 10.2],
  ])('the 2022 supply-chain budget gives %s its amount and share', async (material, amount, share) => {
    const rows = await db.runner.read<{ share: number }>(
      'test.budget-share',
      `MATCH (b:Budget {amount: $amount})-[r]->(m:Material {id: $material})
       RETURN coalesce(r.share, b.share) AS share`,
      { amount, material: `material:${material}` },
    );
    expect(rows.map((r) => r.share)).toContain(share);
  });

  it("records the paper's statement of absence: no approved critical-minerals plan as of September 2023", async () => {
    const rows = await db.runner.read<{ plans: number; asOf: string; sources: string }>(
      'test.absence',
      "MATCH (m:Material {id: 'material:critical-minerals'}) RETURN m.approvedSupplyPlans AS plans, m.asOf AS asOf, m.sourcesJson AS sources",
    );
    expect(rows[0]).toMatchObject({ plans: 0, asOf: '2023-09' });
    const approvals = await db.runner.read(
      'test.no-minerals-plans',
      `MATCH (:Company)-[r:APPROVED_SUPPLY_PLAN_FOR]->(m:Material)-[:PART_OF*0..3]->(:Material {id: 'material:critical-minerals'}) RETURN r`,
    );
    expect(approvals).toEqual([]);
  });
});

describe('graph content: every fact is cited and connected', () => {
  it('every node and relationship has citations whose quotes occur verbatim in the paper, under headings it has', async () => {
    const rows = await db.runner.read<{ what: string; sources: string | null }>(
      'test.citations',
      `CALL () {
         MATCH (n:Entity) RETURN n.id AS what, n.sourcesJson AS sources
         UNION ALL
         MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) + ' ' + a.id + ' -> ' + b.id AS what, r.sourcesJson AS sources
       }
       RETURN what, sources`,
    );
    expect(rows.length).toBeGreaterThan(500);
    const headings = new Set(
      PAPER.split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#+\s*/, '').trim()),
    );
    const problems: string[] = [];
    for (const { what, sources } of rows) {
      const citations = JSON.parse(sources ?? '[]') as Array<{ section: string; quote: string }>;
      if (citations.length === 0) problems.push(`${what}: no citation`);
      for (const c of citations) {
        if (!FOLDED_PAPER.includes(fold(c.quote))) problems.push(`${what}: quote not in the paper: ${c.quote}`);
        if (!headings.has(c.section)) problems.push(`${what}: no heading "${c.section}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every node has at least one relationship', async () => {
    const rows = await db.runner.read<{ id: string }>(
      'test.isolated',
      'MATCH (n:Entity) WHERE NOT (n)--() RETURN n.id AS id',
    );
    expect(rows).toEqual([]);
  });

  it('the companies the paper names outside the tables are there, linked to their country where the paper says it', async () => {
    const rows = await db.runner.read<{ company: Named; countries: string[] }>(
      'test.companies',
      `MATCH (c:Company) OPTIONAL MATCH (c)-[:BASED_IN]->(k:Country)
       RETURN c {.id, .name, .aliases} AS company, collect(k.id) AS countries`,
    );
    const find = (name: string) => rows.find((r) => names(r.company).some((n) => same(n, name)));
    for (const name of [
      'TSMC',
      'Micron',
      'Kioxia',
      'Rapidus',
      'IBM',
      'Intel',
      'Intel Foundry Services',
      'Google',
      'ASML',
      'Panasonic',
      'AESC',
      'LEJ',
    ]) {
      expect(find(name), name).toBeDefined();
    }
    expect(find('TSMC')?.countries).toContain('country:taiwan'); // "Taiwan's TSMC"
    expect(find('IBM')?.countries).toContain('country:united-states'); // "IBM of the United States"
    expect(find('ASML')?.countries).toContain('country:netherlands'); // "ASML in the Netherlands"
  });
});
