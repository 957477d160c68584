/**
 * The query language: typed filters (`where:`), sorting, aggregates and groups on every kind's list and typed
 * list field, and groups on the cross-reference. Every expected answer is derived from the data files with plain
 * code (tests/helpers/data-oracle.ts), never from the server's own output; the suite runs on the paper alone and
 * with the second document beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { byName, dateOf, readOracle, type Oracle, type OracleEntity } from '../../helpers/data-oracle.ts';

let api: ApiServer;
let oracle: Oracle;

beforeAll(async () => {
  api = await startApiServer();
  oracle = readOracle();
});
afterAll(() => api.close());

const SUPPLY_LINKS = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'];

/** The ids of every page of `field` under `where`/`sort`, read 7 at a time with cursors. */
async function allIds(field: string, args: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const response: { data?: Record<string, any> | null; errors?: unknown } = await api.graphql(
      `query($after: String) { list: ${field}(${args} first: 7, after: $after) {
        edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(response.errors).toBeUndefined();
    const list: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      response.data?.['list'];
    ids.push(...list.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!list.pageInfo.hasNextPage) return ids;
    after = list.pageInfo.endCursor;
  }
}

/** How many relationships the data files give an entity, either direction. */
const degreeOf = (e: OracleEntity) => oracle.links.filter((l) => l.from === e.id || l.to === e.id).length;
/** Most relationships first, then by id. */
const byDegree = (a: OracleEntity, b: OracleEntity) => degreeOf(b) - degreeOf(a) || (a.id < b.id ? -1 : 1);

const idsOf = (entities: readonly OracleEntity[]) => [...entities].sort(byName).map((e) => e.id);
const num = (e: OracleEntity, key: string) => e.properties[key] as number | undefined;

/** Every ancestor of a material over PART_OF, nearest first. */
function ancestors(id: string): string[] {
  const up = oracle.linked(id, ['PART_OF'], 'OUT', ['Material']);
  return [...up, ...up.flatMap(ancestors)];
}

describe('the four questions, one query each', () => {
  /** A material at or below material:semiconductors over up to `depth` more PART_OF links, as a MaterialWhere. */
  const semiconductorItem = (depth: number): string =>
    depth === 0
      ? '{ id: { eq: "material:semiconductors" } }'
      : `{ OR: [{ id: { eq: "material:semiconductors" } }, { category: { some: ${semiconductorItem(depth - 1)} } }] }`;
  const approvedForSemiconductors = (c: OracleEntity) =>
    oracle
      .linked(c.id, ['APPROVED_SUPPLY_PLAN_FOR'], 'OUT', ['Material'])
      .some((m) => ancestors(m).includes('material:semiconductors'));

  it.each([
    ['based in Japan', 'country: { some: { id: { eq: "country:japan" } } }', ['country:japan']],
    ['based in South Korea', 'country: { some: { id: { eq: "country:south-korea" } } }', ['country:south-korea']],
    ['wherever based', '', null],
  ])('companies %s with an approved plan for a semiconductor item', async (_name, country, countries) => {
    const expected = oracle
      .ofKind('Company')
      .filter((c) => countries === null || oracle.linked(c.id, ['BASED_IN'], 'OUT').some((k) => countries.includes(k)))
      .filter(approvedForSemiconductors);
    const response = await api.graphql(`{
      companies(where: {
        ${country}
        materials: { via: [APPROVED_SUPPLY_PLAN_FOR], some: { category: { some: ${semiconductorItem(2)} } } }
      }, first: 100) { totalCount edges { node { id name } } }
    }`);
    expect(response.errors).toBeUndefined();
    if (countries === null) expect(expected.length).toBeGreaterThan(1);
    expect(response.data?.['companies'].edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
    expect(response.data?.['companies'].totalCount).toBe(expected.length);
  });

  it('budgets over 100 billion yen, largest first', async () => {
    const expected = oracle
      .ofKind('Budget')
      .filter((b) => b.properties['currency'] === 'JPY' && (num(b, 'amount') ?? 0) > 100e9)
      .sort((a, b) => (num(b, 'amount') ?? 0) - (num(a, 'amount') ?? 0) || (a.id < b.id ? -1 : 1));
    const response = await api.graphql(`{
      budgets(where: { amount: { currency: "JPY", gt: 100000000000 } }, sort: [{ amount: DESC }], first: 100) {
        edges { node { id amount { amount currency } } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(expected.length).toBeGreaterThan(1);
    const nodes = response.data?.['budgets'].edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toEqual(expected.map((b) => b.id));
    expect(nodes.every((n: any) => n.amount.amount > 100e9 && n.amount.currency === 'JPY')).toBe(true);
  });

  it('how many approved plans per country, each group with the links it counts', async () => {
    const plans = oracle.links.filter(
      (l) =>
        l.type === 'APPROVED_SUPPLY_PLAN_FOR' &&
        oracle.entities.get(l.from)?.kind === 'Company' &&
        oracle.entities.get(l.to)?.kind === 'Material',
    );
    const expected = new Map<string | null, string[]>();
    for (const plan of plans) {
      const countries = oracle.linked(plan.from, ['BASED_IN'], 'OUT', ['Country']);
      for (const country of countries.length === 0 ? [null] : countries) {
        expected.set(country, [...(expected.get(country) ?? []), plan.id]);
      }
    }
    const response = await api.graphql(`{
      crossReference(filter: { linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 0) {
        totalCount
        groupBy(by: COUNTRY, first: 100) { key entity { id name } count ids }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const groups = response.data?.['crossReference'].groupBy as Array<{
      key: string | null;
      count: number;
      ids: string[];
    }>;
    expect(new Map(groups.map((g) => [g.key, [...g.ids].sort()]))).toEqual(
      new Map([...expected].map(([key, ids]) => [key, ids.sort()])),
    );
    for (const group of groups) expect(group.count).toBe(expected.get(group.key)?.length);
    expect(groups.map((g) => g.count)).toEqual(groups.map((g) => g.count).sort((a, b) => b - a));
    expect(response.data?.['crossReference'].totalCount).toBe(plans.length);
  });

  it('materials with no supplier', async () => {
    const expected = oracle
      .ofKind('Material')
      .filter((m) => oracle.linked(m.id, SUPPLY_LINKS, 'IN', ['Company']).length === 0);
    expect(await allIds('materials', 'where: { suppliers: { none: {} } }')).toEqual(idsOf(expected));
  });
});

describe('operators, each against the data files', () => {
  const cases: Array<[string, string, string, (e: OracleEntity) => boolean]> = [
    ['id eq', 'companies', '{ id: { eq: "company:kioxia" } }', (e) => e.id === 'company:kioxia'],
    [
      'id in',
      'companies',
      '{ id: { in: ["company:kioxia", "company:tsmc", "country:japan"] } }',
      (e) => ['company:kioxia', 'company:tsmc'].includes(e.id),
    ],
    ['id startsWith', 'materials', '{ id: { startsWith: "material:s" } }', (e) => e.id.startsWith('material:s')],
    ['name eq (exact)', 'companies', '{ name: { eq: "Kioxia" } }', (e) => e.name === 'Kioxia'],
    [
      'name contains, any case',
      'materials',
      '{ name: { contains: "SEMICONDUCTOR" } }',
      (e) => e.name.toLowerCase().includes('semiconductor'),
    ],
    [
      'name startsWith, any case',
      'companies',
      '{ name: { startsWith: "s" } }',
      (e) => e.name.toLowerCase().startsWith('s'),
    ],
    [
      'Int gte and lt',
      'budgets',
      '{ fiscalYear: { gte: 2022, lt: 2024 } }',
      (e) => (num(e, 'fiscalYear') ?? -1) >= 2022 && (num(e, 'fiscalYear') ?? -1) < 2024,
    ],
    [
      'Int in',
      'budgets',
      '{ fiscalYear: { in: [2021, 2023] } }',
      (e) => [2021, 2023].includes(num(e, 'fiscalYear') ?? -1),
    ],
    ['Int isNull', 'budgets', '{ fiscalYear: { isNull: true } }', (e) => num(e, 'fiscalYear') === undefined],
    ['Float gt', 'budgets', '{ share: { gt: 20 } }', (e) => (num(e, 'share') ?? -Infinity) > 20],
    [
      'Money lte in yen',
      'budgets',
      '{ amount: { currency: "JPY", lte: 100000000000 } }',
      (e) => e.properties['currency'] === 'JPY' && (num(e, 'amount') ?? Infinity) <= 100e9,
    ],
    ['Money isNull', 'budgets', '{ amount: { isNull: true } }', (e) => num(e, 'amount') === undefined],
    ['PartialDate gte a year', 'laws', '{ date: { gte: "2022" } }', (e) => (dateOf(e) ?? '0') >= '2022'],
    [
      'PartialDate lt a month',
      'agreements',
      '{ date: { lt: "2023-06" } }',
      (e) => {
        const d = dateOf(e);
        return d !== null && d.padEnd(7, '-') < '2023-06';
      },
    ],
    ['PartialDate eq a year', 'meetings', '{ date: { eq: "2023" } }', (e) => dateOf(e)?.startsWith('2023') === true],
    ['String unit eq', 'targets', '{ unit: { eq: "GWh/year" } }', (e) => e.properties['unit'] === 'GWh/year'],
    [
      'relationship some',
      'companies',
      '{ facilities: { some: {} } }',
      (e) => oracle.linked(e.id, ['OPERATES'], 'OUT', ['Facility']).length > 0,
    ],
    [
      'relationship none',
      'countries',
      '{ companies: { none: {} } }',
      (e) => oracle.linked(e.id, ['BASED_IN'], 'IN', ['Company']).length === 0,
    ],
    [
      'relationship all',
      'materials',
      '{ suppliers: { all: { country: { some: { id: { eq: "country:japan" } } } } } }',
      (e) =>
        oracle
          .linked(e.id, SUPPLY_LINKS, 'IN', ['Company'])
          .every((c) => oracle.linked(c, ['BASED_IN'], 'OUT').includes('country:japan')),
    ],
    [
      'relationship via',
      'companies',
      '{ materials: { via: [PRODUCES] } }',
      (e) => oracle.linked(e.id, ['PRODUCES'], 'OUT', ['Material']).length > 0,
    ],
    [
      'AND',
      'budgets',
      '{ AND: [{ fiscalYear: { eq: 2022 } }, { share: { isNull: false } }] }',
      (e) => num(e, 'fiscalYear') === 2022 && num(e, 'share') !== undefined,
    ],
    [
      'OR',
      'companies',
      '{ OR: [{ id: { eq: "company:kioxia" } }, { name: { startsWith: "toyota" } }] }',
      (e) => e.id === 'company:kioxia' || e.name.toLowerCase().startsWith('toyota'),
    ],
    [
      'NOT',
      'materials',
      '{ NOT: { suppliers: { some: {} } } }',
      (e) => oracle.linked(e.id, SUPPLY_LINKS, 'IN', ['Company']).length === 0,
    ],
    ['empty OR holds for none', 'companies', '{ OR: [] }', () => false],
  ];
  const kindOf: Record<string, string> = {
    companies: 'Company',
    materials: 'Material',
    budgets: 'Budget',
    laws: 'Law',
    agreements: 'Agreement',
    meetings: 'Meeting',
    targets: 'Target',
    countries: 'Country',
  };
  for (const [name, field, where, holds] of cases) {
    it(`${name}: ${field}(where: ${where})`, async () => {
      const expected = idsOf(oracle.ofKind(kindOf[field] ?? '').filter(holds));
      expect(await allIds(field, `where: ${where},`)).toEqual(expected);
    });
  }

  it('EntityWhere on entities: a kind and a name prefix', async () => {
    const expected = [...oracle.entities.values()]
      .filter((e) => ['Company', 'Material'].includes(e.kind) && e.name.toLowerCase().startsWith('n'))
      .sort(byName)
      .map((e) => e.id);
    expect(
      await allIds('entities', 'where: { kind: { in: [Company, Material] }, name: { startsWith: "N" } },'),
    ).toEqual(expected);
  });
});

describe('sorting, stable across pages', () => {
  it('by fiscal year, latest first, then by id; budgets without a year last', async () => {
    const budgets = oracle.ofKind('Budget');
    const expected = [...budgets].sort((a, b) => {
      const [x, y] = [num(a, 'fiscalYear'), num(b, 'fiscalYear')];
      if (x === undefined || y === undefined) return x === y ? (a.id < b.id ? -1 : 1) : x === undefined ? 1 : -1;
      return y - x || (a.id < b.id ? -1 : 1);
    });
    expect(await allIds('budgets', 'sort: [{ fiscalYear: DESC }],')).toEqual(expected.map((b) => b.id));
  });

  it('by the count of a typed relationship field: materials with most supplier links first', async () => {
    const count = (m: OracleEntity) => oracle.linked(m.id, SUPPLY_LINKS, 'IN', ['Company']).length;
    const expected = oracle
      .ofKind('Material')
      .sort((a, b) => count(b) - count(a) || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    const ids = await allIds('materials', 'sort: [{ suppliersCount: DESC }, { name: ASC }],');
    expect(ids).toEqual(expected.map((m) => m.id));
  });

  it('by degree', async () => {
    const expected = oracle.ofKind('Country').sort(byDegree);
    expect(await allIds('countries', 'sort: [{ degree: DESC }],')).toEqual(expected.map((c) => c.id));
  });

  it('every entity, most connected first (orderBy: DEGREE_DESC), each with its degree', async () => {
    const expected = [...oracle.entities.values()].sort(byDegree);
    expect(await allIds('entities', 'orderBy: DEGREE_DESC,')).toEqual(expected.map((e) => e.id));
    const response = await api.graphql(
      '{ entities(kind: Company, orderBy: DEGREE_DESC, first: 5) { edges { node { id degree } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['entities'].edges.map((e: any) => e.node)).toEqual(
      oracle
        .ofKind('Company')
        .sort(byDegree)
        .slice(0, 5)
        .map((c) => ({ id: c.id, degree: degreeOf(c) })),
    );
  });

  it('every entity carries its degree, however it is reached: a typed field, a neighborhood, search', async () => {
    const response = await api.graphql(`{
      entity(id: "country:japan") { degree ... on Country { companies { id degree } } }
      neighborhood(id: "company:rapidus", limit: 30) { nodes { id degree } }
      search(text: "Rapidus") { entity { id degree } }
    }`);
    expect(response.errors).toBeUndefined();
    const { entity, neighborhood, search } = response.data ?? {};
    const reached = [
      { id: 'country:japan', degree: entity.degree },
      ...entity.companies,
      ...neighborhood.nodes,
      ...search.map((hit: any) => hit.entity),
    ];
    expect(entity.companies.length).toBeGreaterThan(1);
    const expected = (id: string) => degreeOf(oracle.entities.get(id) as OracleEntity);
    expect(reached.map(({ id, degree }) => [id, degree])).toEqual(reached.map(({ id }) => [id, expected(id)]));
  });

  it('a filter on the degree: materials with at least five links, and countries with exactly one', async () => {
    const materials = oracle.ofKind('Material').filter((m) => degreeOf(m) >= 5);
    const countries = oracle.ofKind('Country').filter((c) => degreeOf(c) === 1);
    expect(materials.length).toBeGreaterThan(0);
    expect(countries.length).toBeGreaterThan(0);
    expect(await allIds('materials', 'where: { degree: { gte: 5 } },')).toEqual(idsOf(materials));
    const response = await api.graphql(
      '{ entities(where: { kind: { eq: Country }, degree: { eq: 1 } }, first: 100) { totalCount } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['entities'].totalCount).toBe(countries.length);
  });

  it('a filter naming a linked entity by id, sorted by degree: the Japanese companies', async () => {
    const japanese = (e: OracleEntity) => oracle.linked(e.id, ['BASED_IN'], 'OUT').includes('country:japan');
    const expected = oracle.ofKind('Company').filter(japanese).sort(byDegree);
    expect(expected.length).toBeGreaterThan(1);
    const where = 'where: { country: { some: { id: { in: ["country:japan"] } } } }';
    expect(await allIds('companies', `${where}, sort: [{ degree: DESC }],`)).toEqual(expected.map((c) => c.id));
    const response = await api.graphql(
      `{ companies(${where}, first: 0) { totalCount aggregate { count } groupBy(by: COUNTRY) { key count } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['companies']).toEqual({
      totalCount: expected.length,
      aggregate: { count: expected.length },
      groupBy: [{ key: 'country:japan', count: expected.length }],
    });
  });

  it('by a date, earliest first', async () => {
    const start = (e: OracleEntity) => {
      const d = dateOf(e);
      return d === null ? null : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
    };
    const expected = oracle.ofKind('Law').sort((a, b) => {
      const [x, y] = [start(a), start(b)];
      if (x === null || y === null) return x === y ? (a.id < b.id ? -1 : 1) : x === null ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
    });
    expect(await allIds('laws', 'sort: [{ date: ASC }],')).toEqual(expected.map((l) => l.id));
  });
});

describe('aggregates and groups', () => {
  it("budgets' count, fiscal year, amounts per currency and shares", async () => {
    const budgets = oracle.ofKind('Budget').filter((b) => (num(b, 'fiscalYear') ?? 0) >= 2021);
    const years = budgets.map((b) => num(b, 'fiscalYear')).filter((y): y is number => y !== undefined);
    const yen = budgets.filter((b) => b.properties['currency'] === 'JPY' && num(b, 'amount') !== undefined);
    const amounts = yen.map((b) => num(b, 'amount') ?? 0);
    const response = await api.graphql(`{
      budgets(where: { fiscalYear: { gte: 2021 } }, first: 0) {
        aggregate {
          count
          fiscalYear { min max sum count }
          amount { currency min max sum avg count }
        }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const aggregate = response.data?.['budgets'].aggregate;
    expect(aggregate.count).toBe(budgets.length);
    expect(aggregate.fiscalYear).toEqual({
      min: Math.min(...years),
      max: Math.max(...years),
      sum: years.reduce((a, b) => a + b, 0),
      count: years.length,
    });
    const jpy = aggregate.amount.find((a: any) => a.currency === 'JPY');
    expect(jpy.count).toBe(amounts.length);
    expect(jpy.min).toBe(Math.min(...amounts));
    expect(jpy.max).toBe(Math.max(...amounts));
    expect(jpy.sum).toBe(amounts.reduce((a, b) => a + b, 0));
    expect(jpy.avg).toBeCloseTo(jpy.sum / amounts.length, 0);
  });

  it('the earliest and latest agreement', async () => {
    const dated = oracle
      .ofKind('Agreement')
      .map((a) => dateOf(a))
      .filter((d): d is string => d !== null);
    const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
    const sorted = [...dated].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a < b ? -1 : 1));
    const response = await api.graphql('{ agreements(first: 0) { aggregate { date { earliest latest count } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data?.['agreements'].aggregate.date).toEqual({
      earliest: sorted[0],
      latest: sorted.at(-1),
      count: dated.length,
    });
  });

  it('budgets per fiscal year, each group with its ids', async () => {
    const expected = new Map<string | null, string[]>();
    for (const b of oracle.ofKind('Budget')) {
      const key = num(b, 'fiscalYear') === undefined ? null : String(num(b, 'fiscalYear'));
      expected.set(key, [...(expected.get(key) ?? []), b.id].sort());
    }
    const response = await api.graphql(
      '{ budgets { groupBy(by: FISCAL_YEAR, first: 100) { key entity { id } count ids } } }',
    );
    expect(response.errors).toBeUndefined();
    const groups = response.data?.['budgets'].groupBy as Array<{ key: string | null; count: number; ids: string[] }>;
    expect(new Map(groups.map((g) => [g.key, g.ids]))).toEqual(expected);
    expect(groups.every((g) => g.count === g.ids.length)).toBe(true);
  });

  it('companies per country, by a relationship, with the country entity', async () => {
    const expected = new Map<string | null, string[]>();
    for (const c of oracle.ofKind('Company')) {
      const countries = oracle.linked(c.id, ['BASED_IN'], 'OUT', ['Country']);
      for (const key of countries.length === 0 ? [null] : countries) {
        expected.set(key, [...(expected.get(key) ?? []), c.id].sort());
      }
    }
    const response = await api.graphql(
      '{ companies(first: 0) { groupBy(by: COUNTRY, first: 100) { key entity { id name } count ids } } }',
    );
    expect(response.errors).toBeUndefined();
    const groups = response.data?.['companies'].groupBy as Array<{ key: string | null; entity: any; ids: string[] }>;
    expect(new Map(groups.map((g) => [g.key, g.ids]))).toEqual(expected);
    for (const g of groups) expect(g.entity?.id ?? null).toBe(g.key);
  });

  it('groups without their ids count the same (the read then lists no member)', async () => {
    const response = await api.graphql(`{
      companies(first: 0) { withIds: groupBy(by: COUNTRY, first: 100) { key count ids } }
      counted: companies(first: 0) { groupBy(by: COUNTRY, first: 100) { key count } }
      crossReference(first: 0) {
        totalCount
        withIds: groupBy(by: CATEGORY) { key count ids }
        counted: groupBy(by: CATEGORY) { key count }
        byType: groupBy(by: LINK_TYPE) { key count ids }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { companies, counted, crossReference } = response.data ?? {};
    const keysAndCounts = (groups: Array<{ key: string | null; count: number }>) =>
      groups.map(({ key, count }) => ({ key, count }));
    expect(counted.groupBy).toEqual(keysAndCounts(companies.withIds));
    expect(crossReference.counted).toEqual(keysAndCounts(crossReference.withIds));
    expect(companies.withIds.every((g: { count: number; ids: string[] }) => g.count === g.ids.length)).toBe(true);
    expect(crossReference.counted.length).toBeGreaterThan(1);
    // Each link is in exactly one type's group, listed by its id.
    const types = new Map<string, string[]>();
    for (const link of oracle.links.filter(
      (l) =>
        SUPPLY_LINKS.includes(l.type) &&
        oracle.entities.get(l.from)?.kind === 'Company' &&
        oracle.entities.get(l.to)?.kind === 'Material',
    )) {
      types.set(link.type, [...(types.get(link.type) ?? []), link.id].sort());
    }
    expect(new Map(crossReference.byType.map((g: any) => [g.key, g.ids]))).toEqual(types);
    expect(crossReference.byType.reduce((sum: number, g: any) => sum + g.count, 0)).toBe(crossReference.totalCount);
  });

  it('approved plans per category and per programme', async () => {
    const response = await api.graphql(`{
      crossReference(filter: { linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 0) {
        totalCount
        byCategory: groupBy(by: CATEGORY, first: 100) { key count ids }
        byProgram: groupBy(by: PROGRAM, first: 100) { key count ids }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { totalCount, byCategory, byProgram } = response.data?.['crossReference'] ?? {};
    const plans = oracle.links.filter(
      (l) => l.type === 'APPROVED_SUPPLY_PLAN_FOR' && oracle.entities.get(l.from)?.kind === 'Company',
    );
    const programs = new Map<string | null, string[]>();
    for (const plan of plans) {
      const key = (plan.properties['program'] as string | undefined) ?? null;
      programs.set(key, [...(programs.get(key) ?? []), plan.id].sort());
    }
    expect(new Map(byProgram.map((g: any) => [g.key, g.ids]))).toEqual(programs);
    // Each plan is in exactly one category group.
    expect(byCategory.reduce((sum: number, g: any) => sum + g.count, 0)).toBe(totalCount);
    expect(byCategory.flatMap((g: any) => g.ids).sort()).toEqual(plans.map((p) => p.id).sort());
  });
});

describe('typed list fields take where and sort, planned or not', () => {
  it('Country.companies(where) read in the root statement and through the loader give the same rows', async () => {
    const japanese = oracle.linked('country:japan', ['BASED_IN'], 'IN', ['Company']);
    const expected = japanese
      .filter((id) => oracle.linked(id, ['APPROVED_SUPPLY_PLAN_FOR'], 'OUT').length > 0)
      .map((id) => oracle.entities.get(id)!)
      .sort(byName)
      .map((e) => e.id);
    const field = 'companies(where: { materials: { via: [APPROVED_SUPPLY_PLAN_FOR] } }) { id }';
    // Nine fields: the ninth is past the planner's eight and reads through the loader.
    const padding = Array.from({ length: 8 }, (_, i) => `p${i}: memberships(first: ${i + 1}) { id }`).join(' ');
    const response = await api.graphql(`{
      planned: entity(id: "country:japan") { ... on Country { ${field} } }
      loaded: entity(id: "country:japan") { ... on Country { ${padding} ${field} } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.['planned'].companies.map((c: any) => c.id)).toEqual(expected);
    expect(response.data?.['loaded'].companies.map((c: any) => c.id)).toEqual(expected);
  });

  it('Material.suppliers sorted by name descending', async () => {
    const expected = [...new Set(oracle.linked('material:neon', SUPPLY_LINKS, 'IN', ['Company']))]
      .map((id) => oracle.entities.get(id)!)
      .sort(byName)
      .reverse()
      .map((e) => e.id);
    const response = await api.graphql(
      '{ entity(id: "material:neon") { ... on Material { suppliers(sort: [{ name: DESC }]) { id } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['entity'].suppliers.map((s: any) => s.id)).toEqual(expected);
  });
});

describe('typed list fields aggregate their linked entities', () => {
  it("each material's distinct suppliers, for every material of a page in one request", async () => {
    const response = await api.graphql(
      '{ materials(first: 100) { edges { node { id suppliersAggregate { count } approved: suppliersAggregate(where: { name: { startsWith: "a" } }) { count } } } } }',
    );
    expect(response.errors).toBeUndefined();
    for (const { node } of response.data?.['materials'].edges ?? []) {
      const suppliers = [...new Set(oracle.linked(node.id, SUPPLY_LINKS, 'IN', ['Company']))];
      expect(node.suppliersAggregate.count, node.id).toBe(suppliers.length);
      const named = suppliers.filter((id) => oracle.entities.get(id)?.name.toLowerCase().startsWith('a'));
      expect(node.approved.count, node.id).toBe(named.length);
    }
  });

  it("a programme's budgets: count and yen per currency", async () => {
    const fundedBy = (id: string) => [...new Set(oracle.linked(id, ['FUNDS', 'ALLOCATED_TO'], 'IN', ['Budget']))];
    const [program] = oracle.ofKind('Program').sort((a, b) => fundedBy(b.id).length - fundedBy(a.id).length);
    const budgets = fundedBy(program!.id).map((id) => oracle.entities.get(id)!);
    expect(budgets.length).toBeGreaterThan(1);
    const yen = budgets.filter((b) => b.properties['currency'] === 'JPY' && num(b, 'amount') !== undefined);
    const response = await api.graphql(
      `{ entity(id: "${program!.id}") { ... on Program { fundedByAggregate { count amount { currency sum count } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const aggregate = response.data?.['entity'].fundedByAggregate;
    expect(aggregate.count).toBe(budgets.length);
    expect(aggregate.amount.find((a: any) => a.currency === 'JPY') ?? null).toEqual(
      yen.length === 0
        ? null
        : { currency: 'JPY', sum: yen.reduce((sum, b) => sum + (num(b, 'amount') ?? 0), 0), count: yen.length },
    );
  });

  it("a field of any kind: Japan's memberships", async () => {
    const memberships = [...new Set(oracle.linked('country:japan', ['MEMBER_OF', 'PARTICIPATED_IN'], 'OUT'))];
    const response = await api.graphql(
      '{ entity(id: "country:japan") { ... on Country { membershipsAggregate { count } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['entity'].membershipsAggregate.count).toBe(memberships.length);
  });
});

describe('bad filters are refused, naming the argument', () => {
  it.each([
    [
      'a sort element with two keys',
      '{ budgets(sort: [{ amount: DESC, fiscalYear: ASC }]) { totalCount } }',
      'sort[0]',
    ],
    [
      'a money comparison without a currency',
      '{ budgets(where: { amount: { gt: 1 } }) { totalCount } }',
      'where.amount.currency',
    ],
    [
      'via outside the field',
      '{ companies(where: { materials: { via: [BASED_IN] } }) { totalCount } }',
      'where.materials.via',
    ],
  ])('%s', async (_name, query, argument) => {
    const response = await api.graphql(query);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['argument']).toBe(argument);
  });

  it('a relationship filter nested deeper than four levels', async () => {
    const nested = (depth: number): string =>
      depth === 0 ? '{}' : `{ suppliers: { some: { materials: { some: ${nested(depth - 1)} } } } }`;
    const response = await api.graphql(`{ materials(where: ${nested(3)}) { totalCount } }`);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
