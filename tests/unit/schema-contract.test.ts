/**
 * schema.graphql is the contract: every type, field and argument is described, and the schema agrees with the
 * knowledge model (kinds, relationship types) and with the typed fields the resolvers implement.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../../src/model/vocabulary.ts';
import { TYPED_FIELDS } from '../../src/resolvers/typed-fields.ts';
import { SCHEMA_FILE } from '../../src/server.ts';

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
);
const ENTITY_FIELDS = new Set(Object.keys((schema.getType('Entity') as any).getFields()));

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

describe('schema.graphql: agrees with the knowledge model', () => {
  it('EntityKind lists exactly the kinds of src/model/vocabulary.ts, each with its own type', () => {
    const values = (schema.getType('EntityKind') as any).getValues().map((v: { name: string }) => v.name);
    expect(values.sort()).toEqual(Object.keys(ENTITY_KINDS).sort());
    for (const kind of values) {
      const type = schema.getType(kind);
      expect(
        isObjectType(type) &&
          type
            .getInterfaces()
            .map((i) => i.name)
            .sort(),
        kind,
      ).toEqual(['Entity', 'Node']);
    }
  });

  it('RelationshipType lists exactly the relationship types of the vocabulary', () => {
    const values = (schema.getType('RelationshipType') as any).getValues().map((v: { name: string }) => v.name);
    expect(values.sort()).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
  });

  it('every typed relationship field in the schema has a resolver spec, and every spec a field', () => {
    for (const kind of Object.keys(ENTITY_KINDS)) {
      const type = schema.getType(kind);
      if (!isObjectType(type)) throw new Error(kind);
      const schemaFields = Object.values(type.getFields())
        .filter((f) => !ENTITY_FIELDS.has(f.name))
        .filter((f) => /Entity|Company|Material|Facility|Country|Budget|Subsidy/.test(String(f.type)))
        .map((f) => f.name)
        .sort();
      expect(Object.keys(TYPED_FIELDS[kind as keyof typeof ENTITY_KINDS] ?? {}).sort(), kind).toEqual(schemaFields);
    }
  });

  it('bounds page sizes in the schema text', () => {
    const fields = schema.getQueryType()?.getFields() ?? {};
    const first = fields['entities']?.args.find((a) => a.name === 'first');
    expect(first?.description).toMatch(/1 to 100/);
  });
});
