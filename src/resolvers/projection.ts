/**
 * Internal: what of each row a selection reads (Projection, src/graph/related-entities.ts). A selection of only
 * the core fields lets the statement return the core of each row instead of its property maps, which cost Neo4j
 * more to read than finding the row.
 */
import { isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';
// graphql-js 16 exports the grouping of a field's sub-selection (collectSubfields) only from its execution module;
// it is the one execution itself uses, so what is read here is exactly what the resolvers will be asked for.
import { collectSubfields } from 'graphql/execution/collectFields.js';
import type { Projection, RelationshipProjection } from '../graph/related-entities.ts';
import type { RowParts } from '../graph/supply-risk.ts';
import type { Vocabulary } from '../model/vocabulary.ts';

/** The Entity fields a core row serves; a kind's typed relationship fields need only its id too. */
const CORE_ENTITY_FIELDS = new Set(['id', 'name', 'kind', '__typename']);
/** The Relationship fields a core row serves. */
const CORE_RELATIONSHIP_FIELDS = new Set(['id', 'type', 'source', 'target', '__typename']);

/** The fields selected below `fieldNodes` on object type `typeName`, by response key; null for no such type. */
export function selectedFields(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  typeName: string,
): Map<string, readonly FieldNode[]> | null {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return null;
  return collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
}

/**
 * Whether the selection of the field `info` resolves reads `fieldName` of object type `typeName` (under any alias;
 * true when the type is not an object type, as nothing then says it is not read).
 */
export function selectsField(info: GraphQLResolveInfo, typeName: string, fieldName: string): boolean {
  const selected = selectedFields(info, info.fieldNodes, typeName);
  return selected === null || nodesOfField(selected, fieldName).length > 0;
}

/** Every node of field `fieldName` in a selection, under any alias (each alias reads the same parent row). */
export function nodesOfField(selected: Map<string, readonly FieldNode[]> | null, fieldName: string): FieldNode[] {
  return [...(selected?.values() ?? [])].flat().filter((node) => node.name.value === fieldName);
}

/**
 * Whether the selection below `fieldNodes` reaches the end of any of `paths`, each a walk of [object type, field]
 * steps (e.g. [['SupplyRiskConnection', 'edges'], ['SupplyRiskEdge', 'node'], ['SupplyRisk', 'links']]), under
 * any alias and through fragments.
 */
function selectsAny(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  paths: ReadonlyArray<ReadonlyArray<readonly [typeName: string, fieldName: string]>>,
): boolean {
  return paths.some((path) => {
    const [step, ...rest] = path;
    if (!step) return true;
    const nodes = nodesOfField(selectedFields(info, fieldNodes, step[0]), step[1]);
    return nodes.length > 0 && selectsAny(info, nodes, [rest]);
  });
}

type Step = readonly [typeName: string, fieldName: string];

/**
 * Which of a supply-risk row's large parts (src/graph/supply-risk.ts: RowParts) the selection below the current
 * field reaches, along any of `toRow` (the walks from it to a SupplyRisk; [] when it is one).
 */
export function supplyRiskParts(info: GraphQLResolveInfo, toRow: ReadonlyArray<readonly Step[]>): RowParts {
  const reaches = (fields: readonly string[]) =>
    selectsAny(
      info,
      info.fieldNodes,
      toRow.flatMap((path) => fields.map((field) => [...path, ['SupplyRisk', field] as const])),
    );
  return { shares: reaches(['suppliers', 'countries']), links: reaches(['links']) };
}

/** The definition of field `fieldName` of object type `typeName`, if both exist. */
export function fieldDefinition(info: GraphQLResolveInfo, typeName: string, fieldName: string) {
  const type = info.schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
}

function reads(selected: Map<string, readonly FieldNode[]> | null, serves: (field: string) => boolean): boolean {
  return selected !== null && [...selected.values()].every((nodes) => serves(nodes[0]?.name.value ?? ''));
}

/** `core` when the selection below `fieldNodes` reads only core fields on each of these kinds. */
export function entityProjection(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  kinds: readonly string[],
  vocabulary: Vocabulary,
): Projection {
  const core = kinds.every((kind) =>
    reads(
      selectedFields(info, fieldNodes, kind),
      (field) => CORE_ENTITY_FIELDS.has(field) || vocabulary.kinds[kind]?.fields[field]?.of === 'related',
    ),
  );
  return core ? 'core' : 'full';
}

/**
 * What the selection below `fieldNodes` (a Relationship) reads: `id` when only its id, `core` when only core
 * fields, else `full`.
 */
export function relationshipProjection(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
): RelationshipProjection {
  const selected = selectedFields(info, fieldNodes, 'Relationship');
  if (reads(selected, (field) => field === 'id' || field === '__typename')) return 'id';
  return reads(selected, (field) => CORE_RELATIONSHIP_FIELDS.has(field)) ? 'core' : 'full';
}
