/**
 * The where compiler (src/graph/where-filter.ts) and sort keys (src/graph/sort-keys.ts): the Cypher each filter
 * becomes, shown in a reviewed snapshot (values are parameters, never text), the errors that name the argument,
 * and which filters an index can serve.
 */
import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../src/graph/sort-keys.ts';
import { indexedBy, WhereCompiler, type WhereInput } from '../../src/graph/where-filter.ts';
import { VOCABULARY } from '../../src/model/vocabulary.ts';

const FILTERS: Array<[string, string | null, WhereInput]> = [
  ['id and name', 'Company', { id: { in: ['company:tsmc'] }, name: { eq: 'TSMC', startsWith: 'ts' } }],
  ['money in a currency', 'Budget', { amount: { currency: 'JPY', gte: 1e11 }, fiscalYear: { in: [2022, 2023] } }],
  [
    'a partial date, each operator',
    'Law',
    { date: { eq: '2022', gt: '2020-04', gte: '2019', lt: '2030', lte: '2029-12-31' } },
  ],
  [
    'a string property, ignoring case',
    'Target',
    { unit: { contains: 'GWh', startsWith: 'g' }, value: { isNull: false } },
  ],
  [
    'relationships: some, none, all and via, nested',
    'Company',
    {
      country: { some: { id: { eq: 'country:japan' } } },
      materials: {
        via: ['APPROVED_SUPPLY_PLAN_FOR'],
        some: { category: { some: { id: { eq: 'material:semiconductors' } } } },
      },
      facilities: { none: {} },
      subsidiaries: { all: { name: { startsWith: 'k' } } },
    },
  ],
  [
    'AND, OR, NOT',
    'Material',
    { AND: [{ OR: [] }, { NOT: { suppliers: { some: {} } } }], OR: [{ id: { eq: 'material:neon' } }] },
  ],
  ['the common fields of any kind', null, { kind: { in: ['Company', 'Material'] }, documentId: { eq: 'doc' } }],
];

describe('where compiler: the Cypher of each filter', () => {
  it('compiles every filter into a condition on parameters (snapshot)', async () => {
    const shown = FILTERS.map(([name, kind, where]) => {
      const compiler = new WhereCompiler(VOCABULARY);
      const { text, indexed } = compiler.compile(where, kind, 'n');
      const params = Object.entries(compiler.params).map(([key, value]) => `// $${key} = ${JSON.stringify(value)}`);
      return `// ${name} (${kind ?? 'Entity'}; index: ${indexed})\n${text}\n${params.join('\n')}\n`;
    }).join('\n');
    await expect(shown).toMatchFileSnapshot('./__snapshots__/where-filter.cypher');
  });

  it('never writes a value into the text', () => {
    const compiler = new WhereCompiler(VOCABULARY);
    const { text } = compiler.compile(
      { name: { eq: "x' OR true //" }, id: { startsWith: 'company:' } },
      'Company',
      'n',
    );
    expect(text).not.toContain("x'");
    expect(text).not.toContain('company:');
  });

  it('the far end of a relationship filter has no label, so Neo4j expands from the entity', () => {
    const { text } = new WhereCompiler(VOCABULARY).compile({ country: { some: {} } }, 'Company', 'n');
    expect(text).toMatch(/^EXISTS \{ MATCH \(n\)-\[:BASED_IN\]->\(\w+\) WHERE/);
  });
});

describe('where compiler: errors name the argument', () => {
  const error = (where: WhereInput, kind = 'Company') => {
    try {
      new WhereCompiler(VOCABULARY).compile(where, kind, 'n');
    } catch (caught) {
      return (caught as { extensions: Record<string, unknown> }).extensions;
    }
    return null;
  };

  it('a money comparison without a currency', () =>
    expect(error({ amount: { gt: 1 } }, 'Budget')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'where.amount.currency',
    }));
  it('via outside the field, or empty', () => {
    expect(error({ materials: { via: ['BASED_IN'] } })).toMatchObject({ argument: 'where.materials.via' });
    expect(error({ materials: { via: [] } })).toMatchObject({ argument: 'where.materials.via' });
  });
  it('relationship filters deeper than four', () => {
    const deep = { materials: { some: { suppliers: { some: { materials: { some: { suppliers: { some: {} } } } } } } } };
    expect(error({ subsidiaries: { some: deep } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error(deep)).toBeNull();
  });
  it('more than 100 conditions', () =>
    expect(error({ OR: Array.from({ length: 101 }, (_, i) => ({ id: { eq: `company:${i}` } })) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'where.OR[100].id',
    }));
});

describe('which filters an index serves', () => {
  it.each([
    [{ id: { eq: 'x' } }, true],
    [{ id: { startsWith: 'company:' } }, true],
    [{ name: { startsWith: 'to' } }, true],
    [{ name: { contains: 'to' } }, false],
    [{ documentId: { in: ['d'] } }, true],
    [{ AND: [{ country: { some: {} } }, { id: { in: ['x'] } }] }, true],
    [{ OR: [{ id: { eq: 'x' } }] }, false],
    [{ NOT: { id: { eq: 'x' } } }, false],
    [{ country: { some: { id: { eq: 'country:japan' } } } }, false],
  ])('%j: %s', (where, expected) => expect(indexedBy(where)).toBe(expected));
});

describe('sort keys', () => {
  it('nullable keys sort their nulls last, counts are subqueries, the degree is stored', () => {
    expect(sortKeys(VOCABULARY, 'Budget', [{ amount: 'DESC' }, { name: 'ASC' }], 'n')).toEqual([
      'n.amount IS NULL',
      'n.amount DESC',
      'n.nameKey',
    ]);
    expect(sortKeys(VOCABULARY, 'Material', [{ suppliersCount: 'DESC' }, { degree: 'ASC' }], 'm')).toEqual([
      "COUNT { MATCH (m)<-[:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(c) WHERE c.kind IN ['Company'] } DESC",
      'm.degree',
    ]);
  });

  it('a sort element must set exactly one key', () => {
    expect(() => sortKeys(VOCABULARY, 'Budget', [{ amount: 'DESC', name: 'ASC' }], 'n')).toThrow(/sort\[0\]/);
    expect(() => sortKeys(VOCABULARY, 'Budget', [{}], 'n')).toThrow(/exactly one/);
  });
});
