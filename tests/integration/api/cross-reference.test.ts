/**
 * Query.crossReference and Query.crossReferenceMatrix: which companies link to which materials, filtered by
 * category, company, country and programme, each row with its citation; and the same as a matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, withSecondDocument, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

const ROWS = `query($filter: CrossReferenceFilter, $asOf: PartialDate, $first: Int, $after: String) {
  crossReference(filter: $filter, asOf: $asOf, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      company { id country { id } } material { id } category { id } linkType date program { id }
      relationship { id source target properties }
      sources { table row quote document { id } }
    } }
  }
}`;

async function rows(variables: Record<string, unknown> = {}) {
  const { data, errors } = await api.graphql(ROWS, { first: 100, ...variables });
  expect(errors).toBeUndefined();
  return {
    total: data?.crossReference.totalCount as number,
    rows: data?.crossReference.edges.map((e: any) => e.node) as any[],
  };
}

describe('Query.crossReference', () => {
  it('has a row for every approved supply plan of Tables 1 and 2, with its table row as citation', async () => {
    const { total, rows: all } = await rows({ filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] } });
    const stats: any = await api.graphql('{ graphStats { relationshipTypes { type count } } }');
    expect(total).toBe(
      stats.data.graphStats.relationshipTypes.find((t: any) => t.type === 'APPROVED_SUPPLY_PLAN_FOR').count,
    );
    expect(all).toHaveLength(total);
    const paper = all.filter((row) => row.sources.some((s: any) => s.document.id === 'japan-supply-chain-policy'));
    expect(paper.length).toBeGreaterThan(0);
    for (const row of all) expect(row.linkType).toBe('APPROVED_SUPPLY_PLAN_FOR');
    for (const row of paper) {
      expect(row.date).toBe('2023-06');
      expect(row.program).toEqual({ id: 'program:supply-chain-support-project' });
      expect(row.sources).toContainEqual(
        expect.objectContaining({
          table: expect.stringMatching(/^Table [12]$/),
          row: expect.any(Number),
          document: { id: 'japan-supply-chain-policy' },
        }),
      );
    }
  });

  it('filters by category: semiconductors gives the Table 1 rows, EV batteries the Table 2 rows', async () => {
    const semi = await rows({
      filter: { categories: ['material:semiconductors'], linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] },
    });
    expect(semi.rows.length).toBeGreaterThan(0);
    expect(semi.rows.every((r) => r.category.id === 'material:semiconductors')).toBe(true);
    expect(semi.rows.every((r) => r.sources.some((s: any) => s.table === 'Table 1'))).toBe(true);
    expect(new Set(semi.rows.map((r) => r.company.id))).toContain('company:renesas-electronics');

    const ev = await rows({
      filter: { categories: ['material:ev-batteries'], linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] },
    });
    expect(ev.rows.length).toBeGreaterThan(0);
    expect(ev.rows.every((r) => r.sources.some((s: any) => s.table === 'Table 2'))).toBe(true);
    const approvals = await rows({ filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] } });
    expect(semi.total + ev.total).toBe(approvals.total);
  });

  it('finds the companies linked to more than one category: RESONAC is in both tables', async () => {
    const { rows: multi } = await rows({ filter: { minCategories: 2 } });
    const companies = new Set(multi.map((r) => r.company.id));
    expect(companies).toContain('company:resonac');
    for (const company of companies) {
      const categories = new Set(multi.filter((r) => r.company.id === company).map((r) => r.category?.id));
      expect(categories.size, company).toBeGreaterThanOrEqual(2);
    }
    const resonac = multi.filter((r) => r.company.id === 'company:resonac');
    expect(new Set(resonac.map((r) => r.category.id))).toEqual(
      new Set(['material:semiconductors', 'material:ev-batteries']),
    );
  });

  it('filters by company, by country and by programme', async () => {
    const kioxia = await rows({ filter: { companies: ['company:kioxia'] } });
    expect(kioxia.rows.map((r) => r.material.id)).toEqual(['material:neon']);

    // The paper names no country for the companies it links to materials; the second document does (South Korea).
    const all = await rows({ filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES'] } });
    const korea = await rows({
      filter: { countries: ['country:south-korea'], linkTypes: ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES'] },
    });
    expect(korea.rows.map((r) => r.relationship.id)).toEqual(
      all.rows.filter((r) => r.company.country?.id === 'country:south-korea').map((r) => r.relationship.id),
    );
    if (withSecondDocument()) expect(korea.rows.length).toBeGreaterThan(0);

    const program = await rows({
      filter: { programs: ['program:supply-chain-support-project'], linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] },
    });
    const unfiltered = await rows({ filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] } });
    expect(program.total).toBeGreaterThan(0);
    expect(program.total).toBe(
      unfiltered.rows.filter((r) => r.program?.id === 'program:supply-chain-support-project').length,
    );
    const other = await rows({ filter: { programs: ['program:post-5g-fund'] } });
    expect(other.total).toBe(0);
  });

  it('pages with cursors', async () => {
    const first = await rows({ first: 20 });
    const second = await api.graphql(ROWS, {
      first: 20,
      after: (await api.graphql(ROWS, { first: 20 })).data?.crossReference.pageInfo.endCursor,
    });
    const secondIds = second.data?.crossReference.edges.map((e: any) => e.node.relationship.id);
    expect(secondIds).toHaveLength(20);
    expect(first.rows.map((r) => r.relationship.id).some((id) => secondIds.includes(id))).toBe(false);
  });

  it('asOf: before the June 2023 approval lists there are no approved plans to show', async () => {
    const before = await rows({ asOf: '2023-05', filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] } });
    expect(before.total).toBe(0);
    const after = await rows({ asOf: '2023-06', filter: { linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] } });
    expect(after.total).toBe(49);
  });
});

describe('Query.crossReferenceMatrix', () => {
  it('agrees with the rows: one cell per company and material linked, counting the links', async () => {
    const { data, errors } = await api.graphql(`{
      crossReferenceMatrix(filter: { categories: ["material:semiconductors"] }) {
        companies { id } materials { id } cells { companyIndex materialIndex count linkTypes }
      }
    }`);
    expect(errors).toBeUndefined();
    const matrix = data?.crossReferenceMatrix;
    const { rows: semi } = await rows({ filter: { categories: ['material:semiconductors'] } });
    expect(matrix.cells.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(semi.length);
    for (const cell of matrix.cells) {
      const company = matrix.companies[cell.companyIndex].id;
      const material = matrix.materials[cell.materialIndex].id;
      const links = semi.filter((r) => r.company.id === company && r.material.id === material);
      expect(links.length).toBe(cell.count);
      expect(cell.linkTypes).toEqual([...new Set(links.map((l) => l.linkType))].sort());
    }
    expect(matrix.companies.map((c: any) => c.id)).toContain('company:ibiden');
  });
});
