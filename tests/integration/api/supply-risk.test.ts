/**
 * Query.supplyRisk and Query.disruption: supply concentration per material item or category, worked out by hand
 * on a small fixture (tests/fixtures/supply-risk/) and derived from the paper's approval tables at test time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listDataFiles } from '../../../src/seed/load-graph.ts';
import { startApiServer, withSecondDocument, type ApiServer } from '../../helpers/api-server.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/supply-risk/supply-risk.yaml', import.meta.url));
const SECOND_DOCUMENT = fileURLToPath(new URL('../../fixtures/second-document/survey.yaml', import.meta.url));

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ extraFiles: [FIXTURE] });
});
afterAll(() => api.close());

const ROW = `
  material { id } category { id } level supplierCount countryCount
  suppliers { entity { id } share linkCount }
  countries { entity { id } share linkCount }
  hhiByCompany hhiByCountry topCompanyShare topCountryShare unknownCountryShare
  singleSupplier singleCountry overThreshold weighting
  links { id type source target sources { quote document { id } } }`;

const SUPPLY_RISK = `query($filter: SupplyRiskFilter, $orderBy: SupplyRiskOrder, $first: Int, $after: String) {
  supplyRisk(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${ROW} } }
  }
}`;

const DISRUPTION = `query($remove: [ID!]!, $filter: SupplyRiskFilter) {
  disruption(remove: $remove, filter: $filter) {
    removed { id kind }
    removedLinks { id sources { quote } }
    itemsWithoutSupplier { ${ROW} }
    itemsWithOneSupplier { ${ROW} }
    affected { material { id } before { ${ROW} } after { ${ROW} } }
  }
}`;

async function supplyRisk(variables: Record<string, unknown>) {
  const { data, errors } = await api.graphql(SUPPLY_RISK, { first: 100, ...variables });
  expect(errors).toBeUndefined();
  return data?.supplyRisk as { totalCount: number; pageInfo: any; edges: Array<{ cursor: string; node: any }> };
}

const FIXTURE_CATEGORY = { categories: ['material:fixture-category'] };

// The fixture's supply links, with the quotes the fixture cites for them.
const A_PLAN_1 = 'APPROVED_SUPPLY_PLAN_FOR:company:fixture-a->material:fixture-item-1';
const A_MAKES_1 = 'PRODUCES:company:fixture-a->material:fixture-item-1';
const A_MAKES_2 = 'PRODUCES:company:fixture-a->material:fixture-item-2';
const B_DEVELOPS_1 = 'DEVELOPS:company:fixture-b->material:fixture-item-1';
const QUOTES: Record<string, string> = {
  [A_PLAN_1]: 'Company A, based in Country X, has an approved supply plan for item one.',
  [A_MAKES_1]: 'Company A also produces item one',
  [A_MAKES_2]: 'produces item two',
  [B_DEVELOPS_1]: 'Company B, whose country is not stated, develops item one.',
};

function expectCitedLinks(row: any, ids: string[]) {
  expect(row.links.map((l: any) => l.id).sort()).toEqual([...ids].sort());
  for (const link of row.links) {
    expect(link.sources).toContainEqual({ quote: QUOTES[link.id], document: { id: 'supply-risk-fixture' } });
  }
}

/** Item one: A has 2 links (plan, produces), B 1 (develops); A is based in X, B's country is not stated. */
function expectItemOne(row: any) {
  expect(row).toMatchObject({
    material: { id: 'material:fixture-item-1' },
    category: { id: 'material:fixture-category' },
    level: 'ITEM',
    supplierCount: 2,
    countryCount: 1, // the unknown entry is not a country
    // shares: A 2/3, B 1/3
    suppliers: [
      { entity: { id: 'company:fixture-a' }, share: expect.closeTo(2 / 3, 6), linkCount: 2 },
      { entity: { id: 'company:fixture-b' }, share: expect.closeTo(1 / 3, 6), linkCount: 1 },
    ],
    // A's weight goes to X, B's to the unknown entry
    countries: [
      { entity: { id: 'country:fixture-x' }, share: expect.closeTo(2 / 3, 6), linkCount: 2 },
      { entity: null, share: expect.closeTo(1 / 3, 6), linkCount: 1 },
    ],
    // (2/3)² + (1/3)² = 4/9 + 1/9 = 5/9, x 10,000 = 5555.6; the unknown entry counts as one country
    hhiByCompany: expect.closeTo(50_000 / 9, 3),
    hhiByCountry: expect.closeTo(50_000 / 9, 3),
    topCompanyShare: expect.closeTo(2 / 3, 6),
    topCountryShare: expect.closeTo(2 / 3, 6),
    unknownCountryShare: expect.closeTo(1 / 3, 6),
    singleSupplier: false,
    singleCountry: false, // a third of the supply is of unknown country
    overThreshold: true, // 2/3 > 0.65
    weighting: 'LINK_COUNT',
  });
  expectCitedLinks(row, [A_PLAN_1, A_MAKES_1, B_DEVELOPS_1]);
}

/** Item two: A's one link only. */
function expectItemTwo(row: any) {
  expect(row).toMatchObject({
    material: { id: 'material:fixture-item-2' },
    category: { id: 'material:fixture-category' },
    supplierCount: 1,
    countryCount: 1,
    suppliers: [{ entity: { id: 'company:fixture-a' }, share: 1, linkCount: 1 }],
    countries: [{ entity: { id: 'country:fixture-x' }, share: 1, linkCount: 1 }],
    hhiByCompany: 10_000,
    hhiByCountry: 10_000,
    topCompanyShare: 1,
    topCountryShare: 1,
    unknownCountryShare: 0,
    singleSupplier: true,
    singleCountry: true,
    overThreshold: true,
  });
  expectCitedLinks(row, [A_MAKES_2]);
}

describe('Query.supplyRisk: supply concentration, hand-worked', () => {
  it('gives each item its suppliers’ and countries’ shares, HHI and flags, with the cited links', async () => {
    const page = await supplyRisk({ filter: FIXTURE_CATEGORY });
    expect(page.totalCount).toBe(2);
    const byId = new Map(page.edges.map((e) => [e.node.material.id, e.node]));
    expectItemOne(byId.get('material:fixture-item-1'));
    expectItemTwo(byId.get('material:fixture-item-2'));
  });

  it('is overThreshold only when the top country’s share (2/3) is above the threshold', async () => {
    const flags = async (threshold: number) =>
      (await supplyRisk({ filter: { ...FIXTURE_CATEGORY, threshold }, orderBy: 'NAME_ASC' })).edges.map((e) => [
        e.node.material.id,
        e.node.overThreshold,
      ]);
    expect(await flags(0.65)).toEqual([
      ['material:fixture-item-1', true],
      ['material:fixture-item-2', true],
    ]);
    expect(await flags(0.7)).toEqual([
      ['material:fixture-item-1', false], // 2/3 < 0.7
      ['material:fixture-item-2', true], // 1 > 0.7
    ]);
  });

  it('at CATEGORY level counts every link of every item under the designated category', async () => {
    const page = await supplyRisk({ filter: { ...FIXTURE_CATEGORY, level: 'CATEGORY' } });
    expect(page.totalCount).toBe(1);
    const row = page.edges[0]?.node;
    // four links: A 3 (3/4), B 1 (1/4); HHI = (9/16 + 1/16) x 10,000 = 6250, and the same by country (X, unknown)
    expect(row).toMatchObject({
      material: { id: 'material:fixture-category' },
      category: { id: 'material:fixture-category' },
      level: 'CATEGORY',
      supplierCount: 2,
      suppliers: [
        { entity: { id: 'company:fixture-a' }, share: 0.75, linkCount: 3 },
        { entity: { id: 'company:fixture-b' }, share: 0.25, linkCount: 1 },
      ],
      countries: [
        { entity: { id: 'country:fixture-x' }, share: 0.75, linkCount: 3 },
        { entity: null, share: 0.25, linkCount: 1 },
      ],
      hhiByCompany: expect.closeTo(6250, 6),
      hhiByCountry: expect.closeTo(6250, 6),
      singleSupplier: false,
      singleCountry: false,
    });
    expectCitedLinks(row, [A_PLAN_1, A_MAKES_1, A_MAKES_2, B_DEVELOPS_1]);
  });

  it('orders by HHI, most concentrated first, and pages with first and after', async () => {
    const ordered = await supplyRisk({ filter: FIXTURE_CATEGORY, orderBy: 'HHI_DESC' });
    expect(ordered.edges.map((e) => e.node.material.id)).toEqual([
      'material:fixture-item-2', // 10,000
      'material:fixture-item-1', // 5555.6
    ]);
    const first = await supplyRisk({ filter: FIXTURE_CATEGORY, orderBy: 'HHI_DESC', first: 1 });
    expect(first.edges.map((e) => e.node.material.id)).toEqual(['material:fixture-item-2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(2);
    const second = await supplyRisk({
      filter: FIXTURE_CATEGORY,
      orderBy: 'HHI_DESC',
      first: 1,
      after: first.pageInfo.endCursor,
    });
    expect(second.edges.map((e) => e.node.material.id)).toEqual(['material:fixture-item-1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('Query.disruption: removing a country, hand-worked', () => {
  it('removing country X removes A’s links: item two loses every supplier, item one keeps B only', async () => {
    const { data, errors } = await api.graphql(DISRUPTION, { remove: ['country:fixture-x'] });
    expect(errors).toBeUndefined();
    const report = data?.disruption;
    expect(report.removed).toEqual([{ id: 'country:fixture-x', kind: 'Country' }]);
    expect(report.removedLinks.map((l: any) => l.id).sort()).toEqual([A_PLAN_1, A_MAKES_1, A_MAKES_2].sort());
    for (const link of report.removedLinks) expect(link.sources).toContainEqual({ quote: QUOTES[link.id] });

    // Item two, before: as supplyRisk gives it.
    expect(report.itemsWithoutSupplier).toHaveLength(1);
    expectItemTwo(report.itemsWithoutSupplier[0]);

    // Item one, after: B's one link, of unknown country, so no country HHI.
    const itemOneAfter = {
      material: { id: 'material:fixture-item-1' },
      supplierCount: 1,
      countryCount: 0,
      suppliers: [{ entity: { id: 'company:fixture-b' }, share: 1, linkCount: 1 }],
      countries: [{ entity: null, share: 1, linkCount: 1 }],
      hhiByCompany: 10_000,
      hhiByCountry: null,
      topCountryShare: 0,
      unknownCountryShare: 1,
      singleSupplier: true,
      singleCountry: false,
      overThreshold: false,
    };
    expect(report.itemsWithOneSupplier).toHaveLength(1);
    expect(report.itemsWithOneSupplier[0]).toMatchObject(itemOneAfter);
    expect(report.itemsWithOneSupplier[0].links.map((l: any) => l.id)).toEqual([B_DEVELOPS_1]);

    // Only the fixture's items lose a link; by name: "Fixture item one" < "Fixture item two".
    expect(report.affected.map((a: any) => a.material.id)).toEqual([
      'material:fixture-item-1',
      'material:fixture-item-2',
    ]);
    expectItemOne(report.affected[0].before);
    expect(report.affected[0].after).toMatchObject(itemOneAfter);
    expectItemTwo(report.affected[1].before);
    expect(report.affected[1].after).toBeNull();
  });

  it('reads the rows’ links and shares when a fragment under an alias selects them, and answers alike without', async () => {
    const withFragment = await api.graphql(
      `query($remove: [ID!]!) {
        disruption(remove: $remove) {
          affected { material { id } later: after { supplierCount ...RowLinks } }
        }
      }
      fragment RowLinks on SupplyRisk { links { id } suppliers { entity { id } } }`,
      { remove: ['country:fixture-x'] },
    );
    expect(withFragment.errors).toBeUndefined();
    expect(withFragment.data?.disruption.affected).toEqual([
      {
        material: { id: 'material:fixture-item-1' },
        later: {
          supplierCount: 1,
          links: [{ id: B_DEVELOPS_1 }],
          suppliers: [{ entity: { id: 'company:fixture-b' } }],
        },
      },
      { material: { id: 'material:fixture-item-2' }, later: null },
    ]);

    const withoutLinks = await api.graphql(
      `query($remove: [ID!]!) {
        disruption(remove: $remove) { affected { material { id } later: after { supplierCount } } }
      }`,
      { remove: ['country:fixture-x'] },
    );
    expect(withoutLinks.errors).toBeUndefined();
    expect(withoutLinks.data?.disruption.affected).toEqual([
      { material: { id: 'material:fixture-item-1' }, later: { supplierCount: 1 } },
      { material: { id: 'material:fixture-item-2' }, later: null },
    ]);
  });

  it('counts the whole report and reads each list a slice at a time, in its stated order', async () => {
    const { data, errors } = await api.graphql(
      `query($remove: [ID!]!) {
        disruption(remove: $remove) {
          removedLinkCount affectedCount itemsWithoutSupplierCount itemsWithOneSupplierCount
          removedLinks(first: 2, offset: 1) { id }
          affected(first: 1, offset: 1) { material { id } after { supplierCount } }
          itemsWithoutSupplier(first: 0) { material { id } }
        }
      }`,
      { remove: ['country:fixture-x'] },
    );
    expect(errors).toBeUndefined();
    expect(data?.disruption).toEqual({
      // A's three links go; items one and two lose a link; two loses every supplier, one keeps B alone.
      removedLinkCount: 3,
      affectedCount: 2,
      itemsWithoutSupplierCount: 1,
      itemsWithOneSupplierCount: 1,
      // by company, item, type: A's plan for one, A produces one, A produces two; the second and third
      removedLinks: [{ id: A_MAKES_1 }, { id: A_MAKES_2 }],
      // by name, "Fixture item one" < "Fixture item two": the second
      affected: [{ material: { id: 'material:fixture-item-2' }, after: null }],
      itemsWithoutSupplier: [],
    });
  });

  it('keeps counts and lists to the same scope: filter.companies keeps the items those companies supply', async () => {
    // B supplies item one only: of A's three removed links, the two to item one are in scope.
    const { data, errors } = await api.graphql(
      `query($remove: [ID!]!, $filter: SupplyRiskFilter) {
        disruption(remove: $remove, filter: $filter) {
          removedLinkCount affectedCount removedLinks { id } affected { material { id } }
        }
      }`,
      { remove: ['country:fixture-x'], filter: { companies: ['company:fixture-b'] } },
    );
    expect(errors).toBeUndefined();
    expect(data?.disruption).toEqual({
      removedLinkCount: 2,
      affectedCount: 1,
      removedLinks: [{ id: A_PLAN_1 }, { id: A_MAKES_1 }],
      affected: [{ material: { id: 'material:fixture-item-1' } }],
    });
  });

  it.each([
    ['more than 5,000 rows', 'affected(first: 5001)', 'affected.first'],
    ['a negative offset', 'removedLinks(offset: -1)', 'removedLinks.offset'],
  ])('refuses a slice of %s: BAD_USER_INPUT naming the argument', async (_what, field, argument) => {
    const { errors } = await api.graphql(`{ disruption(remove: ["country:fixture-x"]) { ${field} { __typename } } }`);
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  });

  it.each([
    ['a Material', 'material:fixture-item-1'],
    ['an unknown id', 'country:no-such-country'],
  ])('refuses to remove %s: BAD_USER_INPUT naming remove', async (_what, id) => {
    const { data, errors } = await api.graphql(DISRUPTION, { remove: [id] });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'remove' });
    expect(errors?.[0]?.message).toContain(id);
  });
});

interface DataFile {
  relationships?: Array<{ type: string; from: string; to: string }>;
}

/** Every relationship the server loaded from data files (the paper, and the second document when imported). */
function loadedRelationships(): Array<{ type: string; from: string; to: string }> {
  const files = [...listDataFiles(), ...(withSecondDocument() ? [SECOND_DOCUMENT] : [])];
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8')) as DataFile).relationships ?? []);
}

/** The nearest designated category of each material: itself or an ancestor (PART_OF) that a Law DESIGNATES. */
function categoryOf(relationships: ReturnType<typeof loadedRelationships>): (material: string) => string | null {
  const designated = new Set(
    relationships.filter((r) => r.type === 'DESIGNATES' && r.from.startsWith('law:')).map((r) => r.to),
  );
  const parents = new Map<string, string[]>();
  for (const r of relationships.filter((r) => r.type === 'PART_OF' && r.from.startsWith('material:'))) {
    parents.set(r.from, [...(parents.get(r.from) ?? []), r.to]);
  }
  return (material) => {
    const seen = new Set<string>();
    let level = [material];
    while (level.length > 0) {
      const found = level.filter((m) => designated.has(m)).sort()[0];
      if (found) return found;
      for (const m of level) seen.add(m);
      level = level.flatMap((m) => parents.get(m) ?? []).filter((m) => !seen.has(m));
    }
    return null;
  };
}

describe('Query.supplyRisk: the paper’s approval tables', () => {
  it.each(['material:semiconductors', 'material:ev-batteries'])(
    'under %s: one row per approved item, single supplier exactly where one company holds its plans',
    async (category) => {
      const relationships = loadedRelationships();
      const category_ = categoryOf(relationships);
      const companiesByItem = new Map<string, Set<string>>();
      for (const r of relationships) {
        if (r.type !== 'APPROVED_SUPPLY_PLAN_FOR' || category_(r.to) !== category) continue;
        companiesByItem.set(r.to, (companiesByItem.get(r.to) ?? new Set()).add(r.from));
      }
      expect(companiesByItem.size).toBeGreaterThan(0);
      const expectedSingle = [...companiesByItem].filter(([, companies]) => companies.size === 1).map(([id]) => id);
      expect(expectedSingle.length).toBeGreaterThan(0);

      const page = await supplyRisk({
        filter: { categories: [category], linkTypes: ['APPROVED_SUPPLY_PLAN_FOR'] },
      });
      expect(page.pageInfo.hasNextPage).toBe(false);
      const rows = page.edges.map((e) => e.node);
      expect(rows.map((r) => r.material.id).sort()).toEqual([...companiesByItem.keys()].sort());
      for (const row of rows) {
        expect(row.category).toEqual({ id: category });
        expect(row.supplierCount).toBe(companiesByItem.get(row.material.id)?.size);
        expect(row.links.every((l: any) => l.type === 'APPROVED_SUPPLY_PLAN_FOR')).toBe(true);
      }
      expect(
        rows
          .filter((r) => r.singleSupplier)
          .map((r) => r.material.id)
          .sort(),
      ).toEqual(expectedSingle.sort());
    },
  );

  it.each([
    ['threshold 2', { threshold: 2 }, 'filter.threshold'],
    ['a link type that is not a supply link', { linkTypes: ['BASED_IN'] }, 'filter.linkTypes'],
  ])('refuses %s: BAD_USER_INPUT naming the filter field', async (_what, filter, argument) => {
    const { data, errors } = await api.graphql(SUPPLY_RISK, { filter });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  });
});
