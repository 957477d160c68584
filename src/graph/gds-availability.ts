/**
 * Internal: whether the connected Neo4j has Neo4j Graph Data Science (GDS) with what the GDS engine of the graph
 * measures calls (src/graph/gds-measures.ts). The embedded launcher registers GDS Community
 * (neo4j-launcher/.../gds/OpenGdsExtension.java); an external Neo4j has it when its plugins folder does.
 */
import type { QueryRunner } from '../db/query-runner.ts';

/** The procedures and functions the GDS engine calls. */
const REQUIRED = {
  procedures: ['gds.betweenness.stream', 'gds.pageRank.stream', 'gds.graph.drop'],
  functions: ['gds.graph.project', 'gds.util.asNode'],
};

/** Takes: $names. Returns: the procedures of those names the database has. */
const FIND_PROCEDURES = `
SHOW PROCEDURES YIELD name WHERE name IN $names
RETURN name`;

/** Takes: $names. Returns: the functions (aggregating or not) of those names the database has. */
const FIND_FUNCTIONS = `
SHOW FUNCTIONS YIELD name WHERE name IN $names
RETURN name`;

/** True when every procedure and function the GDS engine calls is there; false when any is missing. */
export async function hasGraphDataScience(runner: QueryRunner): Promise<boolean> {
  const [procedures, functions] = await Promise.all([
    runner.read<{ name: string }>('analytics.gds.procedures', FIND_PROCEDURES, { names: REQUIRED.procedures }),
    runner.read<{ name: string }>('analytics.gds.functions', FIND_FUNCTIONS, { names: REQUIRED.functions }),
  ]);
  return (
    new Set(procedures.map((r) => r.name)).size === REQUIRED.procedures.length &&
    new Set(functions.map((r) => r.name)).size === REQUIRED.functions.length
  );
}
