/**
 * schema.graphql is what the live server serves: the schema introspected over HTTP (descriptions, deprecations,
 * `@specifiedBy` URLs, default values and the schema's own description included) prints exactly as the file does,
 * both sorted lexicographically. Tools that read the file (relay-compiler, codegen, graphql-eslint) and tools that
 * introspect the server see one schema. The file has one schema definition and no `extend schema`, which
 * relay-compiler cannot read.
 */
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_SCHEMA_FILE } from '../../../src/api-schema.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

const fileText = readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');
const sorted = (schema: ReturnType<typeof buildSchema>) => printSchema(lexicographicSortSchema(schema));

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api?.close());

describe('schema.graphql: the schema the server serves', () => {
  it('prints, sorted, exactly as the schema introspected from the running server', async () => {
    const { data, errors } = await api.graphql<IntrospectionQuery>(INTROSPECTION);
    expect(errors).toBeUndefined();
    const live = sorted(buildClientSchema(data as IntrospectionQuery));
    const file = sorted(buildSchema(fileText));
    expect(live.split('\n')).toEqual(file.split('\n'));
  });

  it('keeps the contract descriptions of the library scalars, with their specifications', async () => {
    const { data } = await api.graphql(`{ __type(name: "JSONObject") { description specifiedByURL } }`);
    expect(data?.__type).toEqual({
      description: 'A JSON object of stored properties (from graphql-scalars).',
      specifiedByURL: 'https://www.ecma-international.org/publications-and-standards/standards/ecma-404/',
    });
  });

  it('has one schema definition, naming the query, mutation and subscription roots, and no schema extension', () => {
    const definitions = parse(fileText).definitions;
    const schemas = definitions.filter((d) => d.kind === 'SchemaDefinition');
    expect(schemas).toHaveLength(1);
    expect(definitions.filter((d) => d.kind === 'SchemaExtension')).toEqual([]);
    const roots = schemas[0]?.kind === 'SchemaDefinition' ? schemas[0].operationTypes : [];
    expect(roots.map((r) => [r.operation, r.type.name.value])).toEqual([
      ['query', 'Query'],
      ['mutation', 'Mutation'],
      ['subscription', 'Subscription'],
    ]);
  });
});
