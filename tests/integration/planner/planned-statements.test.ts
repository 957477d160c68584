/**
 * The Cypher a selection becomes (the role neo4j/graphql's TCK plays): each representative selection of
 * ./selections.ts runs against the seeded graph through a recording runner, and the statements it cost (operation,
 * text, parameters) are compared with the reviewed files in __snapshots__/. A change to the planner or a statement
 * shows there as a diff; `npx vitest run -u` rewrites them after review. Then: which selections the root does not
 * plan, and read through the loaders instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { StatementRecorder, type RecordedStatement } from '../../helpers/recording-runner.ts';
import { PLANNED_SELECTIONS } from './selections.ts';

const recorder = new StatementRecorder();
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ wrapRunner: (runner) => recorder.wrap(runner) });
});
afterAll(() => api?.close());

/** A statement as a reviewer reads it: its operation, its text, then one parameter a line. */
function shown(statements: readonly RecordedStatement[]): string {
  return statements
    .map(({ operation, query, params }) => {
      const parameters = Object.entries(params).map(([name, value]) => `// $${name} = ${JSON.stringify(value)}`);
      return `// ${operation}\n${query.trim()}\n${parameters.join('\n')}\n`;
    })
    .join('\n');
}

async function statementsOf(query: string, variables?: Record<string, unknown>) {
  recorder.take();
  const response = await api.graphql(query, variables);
  return { ...response, statements: recorder.take() };
}

describe('planner: one statement per root field', () => {
  for (const { name, query, variables, operations } of PLANNED_SELECTIONS) {
    it(`${name}: the statement`, async () => {
      const { errors, statements } = await statementsOf(query, variables);
      expect(errors).toBeUndefined();
      // The page of Query.entities also counts (a second, fixed statement); every other root is one statement.
      expect(statements.map((s) => s.operation).sort()).toEqual(
        operations ??
          (name.startsWith('entities')
            ? ['entities.count', 'entities.page']
            : [name.startsWith('search') ? 'search' : 'entity.planned']),
      );
      expect(JSON.stringify(statements.map((s) => s.params))).not.toContain('undefined');
      await expect(shown(statements)).toMatchFileSnapshot(`./__snapshots__/${name}.cypher`);
    });
  }

  it('answers the fragments selection by kind: the CASE reads the fields of the kind the entity is', async () => {
    const fragments = PLANNED_SELECTIONS.find((s) => s.name === 'fragments');
    const { data, errors } = await api.graphql(fragments!.query);
    expect(errors).toBeUndefined();
    // Resonac's approved supply plans (data/japan-supply-chain-policy/companies.yaml), by name.
    expect(data?.entity.linked.map((m: { id: string }) => m.id)).toEqual([
      'material:conductive-assistance',
      'material:sic-epitaxial-wafer',
      'material:sic-wafer-board',
    ]);
    expect(data?.entity.subMaterials).toBeUndefined();
  });
});

describe('planner: what the root leaves to the loaders', () => {
  const operations = async (query: string) => {
    const { statements, errors } = await statementsOf(query);
    return { operations: statements.map((s) => s.operation), errors };
  };

  it('a typed field with an argument error: its resolver reports it, the rest is planned', async () => {
    const { operations: ops, errors } = await operations(
      `{ entity(id: "company:resonac") { ... on Company { materials(first: 0) { id } parentCompanies { id } } } }`,
    );
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.path).toEqual(['entity', 'materials']);
    expect(ops).toEqual(['entity.planned']);
  });

  it('one response key with different arguments on aliases of one entity: each alias through the loader', async () => {
    const { operations: ops, errors } = await operations(`{ entities(kind: Company, first: 3) { edges {
      a: node { ... on Company { materials(first: 1) { id } } }
      b: node { ... on Company { materials(first: 2) { id } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ops).toEqual(['entities.page', 'entities.count', 'related.out', 'related.out']);
  });

  it('typed fields below a field the root does not plan (Entity.relationships): one statement per level', async () => {
    // Resonac's four relationships: three materials (data/japan-supply-chain-policy/companies.yaml) and a subsidiary.
    const { operations: ops, errors } = await operations(`{ entity(id: "company:resonac") {
      relationships(first: 5) { edges { node { ... on Material { suppliers { id } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ops).toEqual(['entities-by-id', 'related.both', 'related.in']);
  });

  it('a selection without typed relationship fields: the batched entity loader', async () => {
    const { operations: ops } = await operations(
      `{ a: entity(id: "company:resonac") { id } b: entity(id: "company:tsmc") { name } }`,
    );
    expect(ops).toEqual(['entities-by-id']);
  });
});
