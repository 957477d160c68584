/** Internal: the graph's version (src/store/graph-version.ts), 0 before any write. */
import type { QueryRunner } from '../db/query-runner.ts';

const READ_GRAPH_VERSION = "MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS version";

export async function readGraphVersion(runner: QueryRunner): Promise<number> {
  const [row] = await runner.read<{ version: number }>('graph-version', READ_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}
