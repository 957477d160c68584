/**
 * Internal: the subgraph around an entity, breadth first: one statement per level (at most 3), then one for the
 * relationships among the nodes kept. The node limit is applied level by level, nearer nodes first, in name order
 * within a level (when a level is truncated, among the candidates each frontier node could contribute);
 * `truncated` says whether any node within the depth was left out.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import type { Projection } from './related-entities.ts';
import { findRelationshipsAmong } from './relationships-among.ts';
import { toEntityRow, type EntityRow, type RelationshipRow } from './rows.ts';

/** The most hops a neighborhood reaches from its centre. */
export const MAX_NEIGHBORHOOD_DEPTH = 3;
/** The most nodes one neighborhood returns. */
export const MAX_NEIGHBORHOOD_NODES = 500;

/**
 * Takes: $frontier (ids), $visited (ids), $types, $asOf, $room. Returns: the new neighbours by name, at most
 * room + 1 of them (one more than fits says the level was truncated). Each frontier node contributes at most
 * room + 1 candidates, so a hub with a hundred thousand relationships costs as much as the room it can fill, not
 * its degree. When nothing is truncated every neighbour is a candidate, so the answer is the same as sorting all.
 */
const NEXT_LEVEL = (projection: Projection) => `
UNWIND $frontier AS id
MATCH (f:Entity {id: id})
CALL (f) {
  MATCH (f)-[r]-(m:Entity)
  WHERE NOT m.id IN $visited
    AND ($types IS NULL OR type(r) IN $types)
    AND ${HOLDS_AS_OF}
  RETURN DISTINCT m
  LIMIT toInteger($room) + 1
}
WITH DISTINCT m
RETURN ${projection === 'full' ? 'properties(m)' : 'm {.id, .name, .kind}'} AS props
ORDER BY toLower(m.name), m.id
LIMIT toInteger($room) + 1`;

const NEXT_LEVEL_STATEMENTS = { full: NEXT_LEVEL('full'), core: NEXT_LEVEL('core') };

export interface Subgraph {
  center: EntityRow;
  nodes: EntityRow[];
  edges: RelationshipRow[];
  truncated: boolean;
}

export async function findNeighborhood(
  runner: QueryRunner,
  center: EntityRow,
  options: {
    depth: number;
    limit: number;
    types: readonly RelationshipType[] | null;
    asOf: string | null;
    /** What of each node and each edge to read (the centre is given); every property by default. */
    projection?: { nodes: Projection; edges: Projection };
  },
): Promise<Subgraph> {
  const nodes = [center];
  const visited = new Set([center.id]);
  let frontier = [center.id];
  let truncated = false;

  for (let level = 1; level <= options.depth && frontier.length > 0 && !truncated; level += 1) {
    const room = options.limit - nodes.length;
    const rows = await runner.read<{ props: Record<string, unknown> }>(
      'neighborhood.level',
      NEXT_LEVEL_STATEMENTS[options.projection?.nodes ?? 'full'],
      {
        frontier,
        visited: [...visited],
        types: options.types,
        asOf: options.asOf,
        room,
      },
    );
    if (rows.length > room) truncated = true;
    frontier = [];
    for (const row of rows.slice(0, Math.max(room, 0))) {
      const entity = toEntityRow(row.props);
      nodes.push(entity);
      visited.add(entity.id);
      frontier.push(entity.id);
    }
  }

  // Every relationship among the nodes kept: the node limit bounds them (at most one per pair, type and key).
  const edges = await findRelationshipsAmong(runner, 'neighborhood.edges', [...visited], {
    types: options.types,
    asOf: options.asOf,
    projection: options.projection?.edges ?? 'full',
  });
  return {
    center,
    nodes,
    edges,
    truncated,
  };
}
