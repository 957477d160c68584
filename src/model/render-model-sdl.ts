/**
 * Internal: the part of schema.graphql that is derived from the knowledge model: the EntityKind and
 * RelationshipType enums and one object type per kind (the Entity interface's fields, then the kind's typed
 * fields). schema.graphql holds the hand-written contract above MODEL_MARKER and this rendering below it;
 * `npm run codegen` writes it and `npm run codegen:check` fails when the file and the model disagree.
 */
import { parse, print, type FieldDefinitionNode, type InterfaceTypeDefinitionNode } from 'graphql';
import { MAX_TYPED_LIST, relatedFieldType, type TypedFieldSpec } from './typed-fields.ts';
import type { Vocabulary } from './vocabulary.ts';

export const MODEL_MARKER =
  '# ---- Generated from src/model/vocabulary.ts by `npm run codegen`: edit the vocabulary, not below. ----';

/** The hand-written part of a schema text (everything above the marker). */
function handWrittenSdl(schemaText: string): string {
  const at = schemaText.indexOf(MODEL_MARKER);
  return (at === -1 ? schemaText : schemaText.slice(0, at)).trimEnd();
}

/** The whole schema text for a model: the hand-written part, the marker, the model's rendering. */
export function schemaSdlFor(schemaText: string, vocabulary: Vocabulary): string {
  const handWritten = handWrittenSdl(schemaText);
  return `${handWritten}\n\n${MODEL_MARKER}\n\n${renderModelSdl(vocabulary, entityFieldsOf(handWritten))}\n`;
}

/** The model's enums and kind types; `entityFields` are the Entity interface's fields, printed. */
function renderModelSdl(vocabulary: Vocabulary, entityFields: readonly string[]): string {
  const kinds = Object.entries(vocabulary.kinds);
  const enumOf = (description: string, name: string, values: Array<[string, { description: string }]>) =>
    `${quote(description)}\nenum ${name} {\n${values.map(([value, spec]) => `  ${quote(spec.description)}\n  ${value}`).join('\n')}\n}`;
  return [
    enumOf('The kinds of entity; each is a Neo4j label and a GraphQL type of the same name.', 'EntityKind', kinds),
    enumOf(
      'Relationship types; each reads as a sentence: (source) TYPE (target).',
      'RelationshipType',
      Object.entries(vocabulary.relationshipTypes),
    ),
    ...kinds.map(([kind, spec]) => {
      const fields = [...entityFields, ...Object.entries(spec.fields).map(([name, field]) => renderField(name, field))];
      return `${quote(spec.description)}\ntype ${kind} implements Node & Entity {\n${fields.map((f) => indent(f)).join('\n')}\n}`;
    }),
  ].join('\n\n');
}

function renderField(name: string, field: TypedFieldSpec): string {
  if (field.of === 'property') return `${quote(field.description)}\n${name}: ${field.type}`;
  const args = [
    ...(field.asOf === undefined ? [] : [`${quote(field.asOf)} asOf: PartialDate`]),
    ...(field.single
      ? []
      : [
          `${quote(`At most this many, 1 to ${MAX_TYPED_LIST}, nearest by name first (links are cut in the database, so a hub answers as fast as a leaf).`)} first: Int! = ${MAX_TYPED_LIST}`,
        ]),
  ];
  const argList = args.length === 0 ? '' : `(${args.join(', ')})`;
  return `${quote(field.description)}\n${name}${argList}: ${relatedFieldType(field)}`;
}

/** The Entity interface's field definitions, as printed SDL (descriptions and arguments included). */
function entityFieldsOf(handWritten: string): string[] {
  const entity = parse(handWritten).definitions.find(
    (d): d is InterfaceTypeDefinitionNode => d.kind === 'InterfaceTypeDefinition' && d.name.value === 'Entity',
  );
  if (!entity) throw new Error('schema.graphql has no interface Entity above the generated part');
  return (entity.fields ?? []).map((field: FieldDefinitionNode) => print(field));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
