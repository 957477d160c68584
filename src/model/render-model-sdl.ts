/**
 * Internal: the part of schema.graphql that is derived from the knowledge model: the EntityKind and
 * RelationshipType enums and one object type per kind (the Entity interface's fields, then the kind's typed
 * fields). schema.graphql holds the hand-written contract above MODEL_MARKER and this rendering below it;
 * `npm run codegen` writes it and `npm run codegen:check` fails when the file and the model disagree.
 */
import { parse, print, type FieldDefinitionNode, type InterfaceTypeDefinitionNode } from 'graphql';
import { countSortKey, groupKeyName, isGroupable, isTypedList, listFieldName, targetOf } from './kind-list-names.ts';
import {
  MAX_TYPED_LIST,
  relatedFieldType,
  type PropertyFieldSpec,
  type RelatedFieldSpec,
  type TypedFieldSpec,
} from './typed-fields.ts';
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
      const fields = [
        ...entityFields,
        ...Object.entries(spec.fields).flatMap(([name, field]) => [
          renderField(name, field),
          ...(isTypedList(field) ? [renderAggregateField(name, field)] : []),
        ]),
      ];
      return `${quote(spec.description)}\ntype ${kind} implements Node & Entity {\n${fields.map((f) => indent(f)).join('\n')}\n}`;
    }),
    ...kinds.map(([kind, spec]) => renderKindList(kind, spec.fields)),
    `extend type Query {\n${kinds.map(([kind]) => indent(renderListField(kind))).join('\n')}\n}`,
  ].join('\n\n');
}

/** The filter input of each property type. */
const FILTER_OF: Record<PropertyFieldSpec['type'], string> = {
  Int: 'IntFilter',
  Float: 'FloatFilter',
  String: 'StringFilter',
  Money: 'MoneyFilter',
  PartialDate: 'PartialDateFilter',
};

/** A kind's list types: its where, relation filter, sort, connection, edge, aggregate and group keys. */
function renderKindList(kind: string, fields: Readonly<Record<string, TypedFieldSpec>>): string {
  const typed = Object.entries(fields);
  const plural = listFieldName(kind);
  const where = [
    `"All of these hold."\nAND: [${kind}Where!]`,
    `"At least one of these holds."\nOR: [${kind}Where!]`,
    `"This does not hold."\nNOT: ${kind}Where`,
    `"The id."\nid: IDFilter`,
    `"The name (not the aliases)."\nname: StringFilter`,
    `"The id of the document that defines it."\ndocumentId: IDFilter`,
    `"The number of relationships, any type, either direction (its degree)."\ndegree: IntFilter`,
    ...typed
      .filter(([, field]) => field.of === 'property' || !field.rowsAs)
      .map(([name, field]) =>
        field.of === 'property'
          ? `${quote(field.description)}\n${name}: ${FILTER_OF[field.type]}`
          : `${quote(`${field.description} Some, none or all of them match.`)}\n${name}: ${targetOf(field)}RelationFilter`,
      ),
  ];
  const sort = [
    `"By name."\nname: SortDirection`,
    `"By id."\nid: SortDirection`,
    `"By the number of relationships, any type, either direction."\ndegree: SortDirection`,
    ...typed
      .filter(([, field]) => field.of === 'property')
      .map(
        ([name, field]) =>
          `${quote(`By ${name}${field.of === 'property' && field.type === 'Money' ? ' (the amount, whatever its currency: filter by currency to compare like with like)' : ''}.`)}\n${name}: SortDirection`,
      ),
    ...typed
      .filter(([, field]) => isTypedList(field))
      .map(
        ([name]) =>
          `${quote(`By how many links ${name} has (each link counts, whatever its dates).`)}\n${countSortKey(name)}: SortDirection`,
      ),
  ];
  const aggregate = [
    `"How many match."\ncount: Int!`,
    ...typed.flatMap(([name, field]) => {
      if (field.of !== 'property') return [];
      if (field.type === 'Money')
        return [`${quote(`${field.description} Per currency.`)}\n${name}: [MoneyAggregate!]!`];
      if (field.type === 'PartialDate') return [`${quote(field.description)}\n${name}: DateAggregate!`];
      if (field.type === 'Int' || field.type === 'Float')
        return [`${quote(field.description)}\n${name}: NumberAggregate!`];
      return [];
    }),
  ];
  const groupKeys = [
    ['DOCUMENT', 'The document that defines it.'],
    ...typed
      .filter(([, field]) => isGroupable(field))
      .map(([name, field]) => [
        groupKeyName(name),
        field.of === 'related'
          ? `Each entity ${name} links to (an entity linked to several counts in each; none: the null group).`
          : `The value of ${name}.`,
      ]),
  ];
  const block = (lines: readonly string[]) => lines.map((line) => indent(line)).join('\n');
  return [
    `${quote(`Conditions on ${plural}: every field given must hold.`)}\ninput ${kind}Where {\n${block(where)}\n}`,
    `${quote(`Conditions on the ${plural} a typed relationship field links to. Every quantifier given must hold; a link counts whatever its dates.`)}\ninput ${kind}RelationFilter {\n${block(
      [
        `"Only links of these types (some of the field's own); with nothing else, some such link exists."\nvia: [RelationshipType!]`,
        `"Some linked entity matches."\nsome: ${kind}Where`,
        `"No linked entity matches (\`none: {}\`: there is no link)."\nnone: ${kind}Where`,
        `"Every linked entity matches (true when there is none)."\nall: ${kind}Where`,
      ],
    )}\n}`,
    `${quote(`One key to sort ${plural} by: set exactly one field. Ties are broken by the next key, and last by id.`)}\ninput ${kind}Sort {\n${block(sort)}\n}`,
    `${quote(`A page of ${plural}, with aggregates and groups over every match (not only the page).`)}\ntype ${kind}Connection {\n${block(
      [
        `"The ${plural} on this page."\nedges: [${kind}Edge!]!`,
        `"Pagination."\npageInfo: PageInfo!`,
        `"How many match, over all pages."\ntotalCount: Int!`,
        `"Aggregates over every match."\naggregate: ${kind}Aggregate!`,
        `${quote('Every match grouped by a key, largest group first (then by key).')}\ngroupBy(${quote('What to group by.')} by: ${kind}GroupKey!, ${quote('At most this many groups, 1 to 100.')} first: Int! = 20): [Group!]!`,
      ],
    )}\n}`,
    `${quote(`One of the ${plural} in a page.`)}\ntype ${kind}Edge {\n${block([`"Cursor for pagination."\ncursor: String!`, `${quote(`The ${kind}.`)}\nnode: ${kind}!`])}\n}`,
    `${quote(`Aggregates over the ${plural} that match.`)}\ntype ${kind}Aggregate {\n${block(aggregate)}\n}`,
    `${quote(`What ${plural} can be grouped by.`)}\nenum ${kind}GroupKey {\n${block(groupKeys.map(([value, description]) => `${quote(description ?? '')}\n${value}`))}\n}`,
  ].join('\n\n');
}

/** A typed list field's aggregate: `materialsAggregate(where, asOf): MaterialAggregate!`. */
function renderAggregateField(name: string, field: RelatedFieldSpec): string {
  const args = [
    `${quote('Only the linked entities that match.')} where: ${targetOf(field)}Where`,
    ...(field.asOf === undefined ? [] : [`${quote(field.asOf)} asOf: PartialDate`]),
  ];
  return `${quote(`Aggregates over every entity ${name} links to (each once, however many links), not capped by \`first\`.`)}\n${name}Aggregate(${args.join(', ')}): ${targetOf(field)}Aggregate!`;
}

/** The root list field of a kind. */
function renderListField(kind: string): string {
  const plural = listFieldName(kind);
  const args = [
    `${quote(`Conditions on the ${plural}.`)} where: ${kind}Where`,
    `${quote('Order: each element one key, the first deciding first; by name when omitted. Ties end by id.')} sort: [${kind}Sort!]`,
    `${quote('Page size from the start of the list (after `after`), 0 to 100; 20 when neither `first` nor `last` is given.')} first: Int`,
    `${quote('Cursor of the last edge of the previous page: this page starts after it.')} after: String`,
    `${quote('Page size from the end of the list (before `before`), 0 to 100; not together with `first`.')} last: Int`,
    `${quote('Cursor of the first edge of the next page: this page ends before it.')} before: String`,
  ];
  return `${quote(`${kind} entities matching \`where\`, in \`sort\` order, as a Relay connection with aggregates and groups.`)}\n${plural}(${args.join(', ')}): ${kind}Connection! @cost(base: 10)`;
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
function renderField(name: string, field: TypedFieldSpec): string {
  if (field.of === 'property') return `${quote(field.description)}\n${name}: ${field.type}`;
  const args = [
    ...(field.asOf === undefined ? [] : [`${quote(field.asOf)} asOf: PartialDate`]),
    ...(field.single || field.rowsAs
      ? []
      : [
          `${quote('Only the linked entities that match (a link counts whatever its dates).')} where: ${targetOf(field)}Where`,
          `${quote('Order of the rows: each element one key, the first deciding first; by name when omitted.')} sort: [${targetOf(field)}Sort!]`,
        ]),
    ...(field.single
      ? []
      : [
          `${quote(`At most this many, 1 to ${MAX_TYPED_LIST}, nearest by name first (links are cut in the database, so a hub answers as fast as a leaf).`)} first: Int! = ${MAX_TYPED_LIST}`,
        ]),
  ];
  const argList = args.length === 0 ? '' : `(${args.join(', ')})`;
  return `${quote(field.description)}\n${name}${argList}: ${relatedFieldType(field)}`;
}
