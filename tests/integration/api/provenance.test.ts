/**
 * Document.sections and Document.facts: what a section, a table or one table row of the paper supports, read
 * through the Citation nodes the loader stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const PAPER = 'japan-supply-chain-policy';
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
});

const FACTS = `query Facts($id: ID!, $section: String, $table: String, $row: Int, $first: Int!, $after: String) {
  node(id: $id) {
    ... on Document {
      facts(section: $section, table: $table, row: $row, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            citation { section table row quote document { id } }
            entity { id }
            relationship { id type source target }
          }
        }
      }
    }
  }
}`;

describe('Document.sections', () => {
  it('lists the headings in order, with citation counts and the tables cited under them', async () => {
    const { data, errors } = await api.graphql(
      `{ node(id: "${PAPER}") { ... on Document { sections { heading level citationCount tables } } } }`,
    );
    expect(errors).toBeUndefined();
    const sections: Array<{ heading: string; level: number; citationCount: number; tables: string[] }> =
      data?.['node'].sections;
    expect(sections.length).toBeGreaterThan(10);
    const semiconductors = sections.find((s) => s.heading === '1) Semiconductors');
    expect(semiconductors?.tables).toContain('Table 1');
    expect(semiconductors?.citationCount).toBeGreaterThan(20);
    const ev = sections.find((s) => s.heading === '2) EV Battery');
    expect(ev?.tables).toContain('Table 2');
    expect(sections.indexOf(semiconductors!)).toBeLessThan(sections.indexOf(ev!));
  });
});

describe('Document.facts', () => {
  it('gives what one table row supports: Table 1 row 7, Kioxia and Kioxia Iwate for neon', async () => {
    const { data, errors } = await api.graphql(FACTS, { id: PAPER, table: 'Table 1', row: 7, first: 100 });
    expect(errors).toBeUndefined();
    const facts = data?.['node'].facts;
    const links = facts.edges
      .map((e: any) => e.node.relationship)
      .filter((r: any) => r?.type === 'APPROVED_SUPPLY_PLAN_FOR')
      .map((r: any) => `${r.source} -> ${r.target}`);
    expect(links).toEqual(
      expect.arrayContaining(['company:kioxia -> material:neon', 'company:kioxia-iwate -> material:neon']),
    );
    expect(facts.totalCount).toBe(facts.edges.length);
    for (const edge of facts.edges) {
      expect(edge.node.citation).toMatchObject({ table: 'Table 1', row: 7, document: { id: PAPER } });
      expect(Boolean(edge.node.entity) !== Boolean(edge.node.relationship)).toBe(true);
    }
  });

  it('pages through a section without overlap, to its total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 50; page += 1) {
      const { data, errors }: any = await api.graphql(FACTS, {
        id: PAPER,
        section: '1) Semiconductors',
        first: 25,
        after,
      });
      expect(errors).toBeUndefined();
      const facts = data.node.facts;
      total = facts.totalCount;
      for (const edge of facts.edges) {
        expect(edge.node.citation.section).toBe('1) Semiconductors');
        seen.push(edge.cursor);
      }
      if (!facts.pageInfo.hasNextPage) break;
      after = facts.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(25);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('names the argument when a row comes without its table', async () => {
    const { errors } = await api.graphql(FACTS, { id: PAPER, row: 7, first: 10 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'row' });
  });
});
