/**
 * Internal: counts of what the graph holds, by entity kind and by relationship type, read from Neo4j's count
 * store (a count per label and per relationship type, kept by the database): constant work however large the
 * graph. Labels and types cannot be parameters, so the statement is built from the knowledge model's names, which
 * are checked to be plain identifiers.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind, RelationshipType, Vocabulary } from '../model/vocabulary.ts';

export interface GraphCounts {
  entityCount: number;
  relationshipCount: number;
  kinds: Array<{ kind: EntityKind; count: number }>;
  relationshipTypes: Array<{ type: RelationshipType; count: number }>;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

function identifiers(names: readonly string[]): readonly string[] {
  const bad = names.find((name) => !IDENTIFIER.test(name));
  if (bad !== undefined) throw new Error(`not a plain identifier: ${JSON.stringify(bad)}`);
  return names;
}

/** Returns: one row per kind, `count` from the label's count. */
const kindCounts = (kinds: readonly string[]) =>
  identifiers(kinds)
    .map((kind) => `MATCH (n:${kind}) WITH count(n) AS count RETURN '${kind}' AS name, count`)
    .join('\nUNION ALL\n');

/** Returns: one row per relationship type, `count` from the type's count. */
const typeCounts = (types: readonly string[]) =>
  identifiers(types)
    .map((type) => `MATCH ()-[r:${type}]->() WITH count(r) AS count RETURN '${type}' AS name, count`)
    .join('\nUNION ALL\n');

const statements = new WeakMap<Vocabulary, { kinds: string; types: string }>();

function statementsFor(vocabulary: Vocabulary): { kinds: string; types: string } {
  let built = statements.get(vocabulary);
  if (!built) {
    built = {
      kinds: kindCounts(Object.keys(vocabulary.kinds)),
      types: typeCounts(Object.keys(vocabulary.relationshipTypes)),
    };
    statements.set(vocabulary, built);
  }
  return built;
}

/** Largest first, then by name; kinds and types with nothing are left out. */
function ranked<T extends { count: number }>(rows: T[], name: (row: T) => string): T[] {
  return rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || name(a).localeCompare(name(b)));
}

export async function countGraph(runner: QueryRunner, vocabulary: Vocabulary): Promise<GraphCounts> {
  const { kinds: kindStatement, types: typeStatement } = statementsFor(vocabulary);
  const [kindRows, typeRows] = await Promise.all([
    runner.read<{ name: string; count: number }>('graph-stats.kinds', kindStatement),
    runner.read<{ name: string; count: number }>('graph-stats.relationship-types', typeStatement),
  ]);
  const kinds = ranked(
    kindRows.map((r) => ({ kind: r.name as EntityKind, count: r.count })),
    (r) => r.kind,
  );
  const relationshipTypes = ranked(
    typeRows.map((r) => ({ type: r.name as RelationshipType, count: r.count })),
    (r) => r.type,
  );
  return {
    entityCount: kinds.reduce((sum, row) => sum + row.count, 0),
    relationshipCount: relationshipTypes.reduce((sum, row) => sum + row.count, 0),
    kinds,
    relationshipTypes,
  };
}
