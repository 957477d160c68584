/**
 * relay-compiler 21 reads schema.graphql as it is: a small Relay app's documents (a paginated `@connection` over
 * `entities` with Relay's nullable `$count`, and a `@refetchable` fragment on `Relationship`, which needs it to be a
 * `Node` with `node(id:)`) compile with exit status 0, and the operations it writes run against the server: the
 * first page with a null count, the next page after its cursor, and the refetch of a relationship by id.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_SCHEMA_FILE } from '../../../src/api-schema.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

/** The platform's relay-compiler binary, as the package resolves it (its `cli.js` runs the same). */
const require = createRequire(import.meta.url);
const RELAY_COMPILER = require('relay-compiler') as string;

/** The Relay app's documents, as a component file would hold them. */
const DOCUMENTS = `import { graphql } from 'react-relay';

export const companiesFragment = graphql\`
  fragment companiesList_query on Query
  @refetchable(queryName: "companiesListPaginationQuery")
  @argumentDefinitions(count: { type: "Int" }, cursor: { type: "String" }) {
    entities(kind: Company, first: $count, after: $cursor) @connection(key: "companiesList_entities") {
      totalCount
      edges {
        node {
          id
          name
          ... on Company {
            country {
              name
            }
          }
        }
      }
    }
  }
\`;

export const relationshipFragment = graphql\`
  fragment companiesSupplyLink_relationship on Relationship @refetchable(queryName: "companiesSupplyLinkRefetchQuery") {
    id
    type
    source
    target
  }
\`;
`;

let api: ApiServer;
let project: string;
let compiled: { code: number; output: string };
beforeAll(async () => {
  api = await startApiServer();
  project = mkdtempSync(path.join(tmpdir(), 'relay-app-'));
  mkdirSync(path.join(project, 'src'));
  mkdirSync(path.join(project, '__generated__'));
  copyFileSync(GRAPHQL_SCHEMA_FILE, path.join(project, 'schema.graphql'));
  writeFileSync(path.join(project, 'src', 'companies.ts'), DOCUMENTS);
  writeFileSync(
    path.join(project, 'relay.config.json'),
    JSON.stringify({
      src: './src',
      schema: './schema.graphql',
      language: 'typescript',
      artifactDirectory: './__generated__',
    }),
  );
  compiled = await promisify(execFile)(RELAY_COMPILER, [], { cwd: project }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
});
afterAll(async () => {
  rmSync(project, { recursive: true, force: true });
  await api?.close();
});

/** The operation text relay-compiler wrote for a query. */
function operationText(queryName: string): string {
  const artifact = readFileSync(path.join(project, '__generated__', `${queryName}.graphql.ts`), 'utf8');
  const text = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)?.[1];
  if (!text) throw new Error(`no operation text in ${queryName}`);
  return JSON.parse(text) as string;
}

describe('relay-compiler on schema.graphql', () => {
  it('compiles the documents with exit status 0', () => {
    expect(compiled.output).not.toMatch(/ERROR|panicked/);
    expect(compiled.code).toBe(0);
    expect(compiled.output).toContain('Compilation completed');
  });

  it('runs the pagination query it wrote: a null count is the default page, then the next page after its cursor', async () => {
    const query = operationText('companiesListPaginationQuery');
    const first = await api.graphql(query, { count: null, cursor: null });
    expect(first.errors).toBeUndefined();
    const page = first.data?.entities;
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 20);
    const next = await api.graphql(query, { count: 5, cursor: page.pageInfo.endCursor });
    const expected = await api.graphql('{ entities(kind: Company, first: 25) { edges { node { id } } } }');
    expect(next.data?.entities.edges.map((e: any) => e.node.id)).toEqual(
      expected.data?.entities.edges.slice(20).map((e: any) => e.node.id),
    );
  });

  it('runs the refetch query it wrote for a relationship: node(id:) gives it back', async () => {
    const id = 'OPERATES:company:tsmc->facility:tsmc-kumamoto-plant';
    const { data, errors } = await api.graphql(operationText('companiesSupplyLinkRefetchQuery'), { id });
    expect(errors).toBeUndefined();
    expect(data?.node).toEqual({
      __typename: 'Relationship',
      id,
      type: 'OPERATES',
      source: 'company:tsmc',
      target: 'facility:tsmc-kumamoto-plant',
    });
  });
});
