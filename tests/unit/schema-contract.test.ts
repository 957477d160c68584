/**
 * schema.graphql is the contract: every type, field and argument is described; its model part is exactly what the
 * knowledge model renders; and every field of every kind type is resolved. Adding a kind to a vocabulary adds its
 * type and its resolvers (tests/integration/api/model-extension.test.ts sees it in the API too).
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  printSchema,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_SCHEMA_FILE, loadTypeDefs } from '../../src/api-schema.ts';
import { MODEL_MARKER, schemaSdlFor } from '../../src/model/render-model-sdl.ts';
import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  VOCABULARY,
  type EntityKind,
  type RelationshipType,
} from '../../src/model/vocabulary.ts';
import { PORT_VOCABULARY } from '../fixtures/extended-model/port-vocabulary.ts';
import { createResolvers } from '../../src/resolvers/index.ts';

const schema = buildSchema(readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8'));
/** Entity fields the default resolver reads straight from the entity row (src/graph/rows.ts EntityRow). */
const ENTITY_ROW_COLUMNS = new Set(['id', 'name', 'aliases', 'description', 'note', 'properties', 'sources', 'degree']);
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
);
const ENTITY_FIELDS = Object.keys((schema.getType('Entity') as any).getFields());

describe('schema.graphql: descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    const check = (what: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(what);
    };
    for (const type of ownTypes as GraphQLNamedType[]) {
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
      } else if (isScalarType(type)) {
        // described above
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('schema.graphql: derived from the knowledge model', () => {
  it('holds exactly the rendering of src/model/vocabulary.ts below its marker', () => {
    const text = readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');
    expect(text).toContain(MODEL_MARKER);
    expect(printSchema(buildSchema(schemaSdlFor(text, VOCABULARY)))).toEqual(printSchema(schema));
  });

  it('EntityKind lists exactly the kinds, each with its own type implementing Node and Entity', () => {
    const values = (schema.getType('EntityKind') as any).getValues().map((v: { name: string }) => v.name);
    expect(values.sort()).toEqual(Object.keys(ENTITY_KINDS).sort());
    for (const kind of values) {
      const type = schema.getType(kind);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name), kind).toEqual(['Node', 'Entity']);
      expect(type?.description, kind).toBe(ENTITY_KINDS[kind as EntityKind].description);
    }
  });

  it('RelationshipType lists exactly the relationship types, with their descriptions', () => {
    const values = (schema.getType('RelationshipType') as any).getValues();
    expect(values.map((v: { name: string }) => v.name).sort()).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
    for (const value of values) {
      expect(value.description).toBe(RELATIONSHIP_TYPES[value.name as RelationshipType].description);
    }
  });

  it('every field of every kind type has a resolver or is a column of the entity row, and nothing else has one', () => {
    const resolvers = createResolvers() as Record<string, Record<string, unknown>>;
    for (const kind of Object.keys(ENTITY_KINDS)) {
      const type = schema.getType(kind);
      if (!isObjectType(type)) throw new Error(kind);
      const fields = Object.keys(type.getFields());
      const resolved = Object.keys(resolvers[kind] ?? {});
      const unresolved = fields.filter((f) => !resolved.includes(f) && !ENTITY_ROW_COLUMNS.has(f));
      expect(unresolved, kind).toEqual([]);
      expect(
        resolved.filter((f) => !fields.includes(f)),
        kind,
      ).toEqual([]);
    }
  });

  it('names only kinds and relationship types that exist, in relationship rules and typed fields', () => {
    const kinds = new Set([...Object.keys(ENTITY_KINDS), '*']);
    const unknown: string[] = [];
    for (const [type, rule] of Object.entries(RELATIONSHIP_TYPES)) {
      for (const kind of [...rule.from, ...rule.to]) if (!kinds.has(kind)) unknown.push(`${type}: ${kind}`);
    }
    for (const [kind, spec] of Object.entries(VOCABULARY.kinds)) {
      for (const [name, field] of Object.entries(spec.fields)) {
        if (field.of !== 'related') continue;
        for (const k of field.kinds ?? []) if (!kinds.has(k)) unknown.push(`${kind}.${name}: kind ${k}`);
        for (const t of field.types) if (!(t in RELATIONSHIP_TYPES)) unknown.push(`${kind}.${name}: type ${t}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('bounds page sizes in the schema text', () => {
    const fields = schema.getQueryType()?.getFields() ?? {};
    const first = fields['entities']?.args.find((a) => a.name === 'first');
    expect(first?.description).toMatch(/0 to 100/);
  });
});

describe('a new kind is one edit of the vocabulary', () => {
  const extended = PORT_VOCABULARY;

  it('appears in the schema: enum values, its type with the Entity fields and its typed fields', () => {
    const derived = buildSchema(loadTypeDefs(extended));
    const port = derived.getType('Port');
    expect(isObjectType(port)).toBe(true);
    if (!isObjectType(port)) return;
    expect(Object.keys(port.getFields())).toEqual([...ENTITY_FIELDS, 'capacity', 'users', 'usersAggregate']);
    expect(String(port.getFields()['users']?.type)).toBe('[Company!]!');
    expect(String(port.getFields()['usersAggregate']?.type)).toBe('CompanyAggregate!');
    // Its own list, with its where, sort, aggregates and groups.
    expect(String(derived.getQueryType()?.getFields()['ports']?.type)).toBe('PortConnection!');
    expect(Object.keys((derived.getType('PortWhere') as any).getFields())).toEqual(
      expect.arrayContaining(['AND', 'OR', 'NOT', 'id', 'name', 'capacity', 'users']),
    );
    expect(Object.keys((derived.getType('PortSort') as any).getFields())).toEqual(
      expect.arrayContaining(['name', 'degree', 'capacity', 'usersCount']),
    );
    expect((derived.getType('PortGroupKey') as any).getValue('USERS')).toBeTruthy();
    expect((derived.getType('EntityKind') as any).getValue('Port')?.description).toBe('A seaport.');
    expect((derived.getType('RelationshipType') as any).getValue('SHIPS_VIA')).toBeTruthy();
    // The served schema for our own model is the file itself.
    expect(buildSchema(loadTypeDefs()).getType('Port')).toBeUndefined();
  });

  it('gets resolvers for its typed fields', () => {
    const resolvers = createResolvers(extended) as Record<string, Record<string, unknown>>;
    expect(Object.keys(resolvers['Port'] ?? {})).toEqual(
      expect.arrayContaining(['capacity', 'users', 'relationships']),
    );
  });
});
