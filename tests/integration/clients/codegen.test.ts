/**
 * GraphQL Code Generator (core and the typescript plugin) on the schema introspected from the running server, with
 * the scalars mapping docs/clients.md gives: the types it writes compile under strict TypeScript, and they say what
 * a client needs (every kind an Entity and a Node, Relationship a Node, nullable page sizes, the scalars mapped).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import { buildClientSchema, getIntrospectionQuery, parse, printSchema, type IntrospectionQuery } from 'graphql';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

/** The scalars mapping of docs/clients.md. */
const SCALARS = { PartialDate: 'string', Currency: 'string', URL: 'string', JSONObject: 'Record<string, unknown>' };

let api: ApiServer;
let generated: string;
let entityKinds: string[];
beforeAll(async () => {
  api = await startApiServer();
  // What `schema: http://localhost:4000/graphql` makes the CLI do: introspect the server.
  const { data, errors } = await api.graphql<IntrospectionQuery>(getIntrospectionQuery());
  expect(errors).toBeUndefined();
  const schema = buildClientSchema(data as IntrospectionQuery);
  entityKinds = schema.getPossibleTypes(schema.getType('Entity') as never).map((t) => t.name);
  generated = await codegen({
    filename: 'graphql.ts',
    schema: parse(printSchema(schema)),
    documents: [],
    config: { scalars: SCALARS },
    plugins: [{ typescript: {} }],
    pluginMap: { typescript: typescriptPlugin },
  });
});
afterAll(() => api?.close());

describe('codegen from the live server', () => {
  it('writes types that compile under strict TypeScript', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'codegen-'));
    try {
      const file = path.join(folder, 'graphql.ts');
      writeFileSync(file, generated);
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        skipLibCheck: true,
        types: [],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('types every kind as an Entity and a Node, and Relationship as a Node', () => {
    expect(entityKinds.length).toBeGreaterThan(10);
    for (const kind of entityKinds) expect(generated).toMatch(new RegExp(`export type ${kind} = Node & Entity & \\{`));
    expect(generated).toMatch(/export type Relationship = Node & \{/);
  });

  it('maps the custom scalars and makes the page sizes optional', () => {
    expect(generated).toContain('PartialDate: { input: string; output: string; }');
    expect(generated).toContain('JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }');
    const entitiesArgs = /export type QueryEntitiesArgs = \{([^}]*)\}/.exec(generated)?.[1] ?? '';
    for (const argument of ['first', 'last', 'after', 'before']) {
      expect(entitiesArgs).toMatch(new RegExp(`\\b${argument}\\?: InputMaybe<`));
    }
  });
});
