/**
 * Internal: a typed relationship field and the typed fields selected below it (Company.materials { suppliers {
 * country } }), read in one statement instead of one per level. Each level is the same per-entity page as
 * findRelated's (pageOf), asked once for every distinct entity of the level above, so the answer is exactly what
 * level-by-level loading would give; the resolvers find it primed in their loaders
 * (src/loaders/create-related-loader.ts).
 */
import type { QueryRunner } from '../db/query-runner.ts';
import {
  pageOf,
  specParams,
  toRelatedRows,
  type RelatedPage,
  type RelatedSpec,
  type StoredRow,
} from './related-entities.ts';

/** A related spec and the plans of the typed relationship fields selected on the entities it reaches. */
export interface RelatedPlan {
  spec: RelatedSpec;
  children: readonly RelatedPlan[];
}

/** The plans of a tree, parents before children, each with the index of its parent (-1 for the root). */
function flatten(root: RelatedPlan): Array<{ plan: RelatedPlan; parent: number }> {
  const flat: Array<{ plan: RelatedPlan; parent: number }> = [];
  const visit = (plan: RelatedPlan, parent: number) => {
    const index = flat.push({ plan, parent }) - 1;
    for (const child of plan.children) visit(child, index);
  };
  visit(root, -1);
  return flat;
}

/**
 * The statement for a tree of this shape (its text depends on the directions, projections and nesting only; the specs are
 * parameters $p0_types, $p1_types, ...). Plan i reads the pages of the distinct entities plan i's parent reached (`nodes<i>`).
 */
function treeStatement(flat: ReadonlyArray<{ plan: RelatedPlan; parent: number }>): string {
  const blocks = flat.map(({ plan, parent }, i) => {
    const from = parent < 0 ? 'roots' : `nodes${parent}`;
    const reached = plan.children.length > 0;
    return `
CALL (${from}) {
  UNWIND ${from} AS n
  ${pageOf(plan.spec.direction, plan.spec.projection, `p${i}_`, reached).trim()}
  RETURN collect({id: n.id, rows: rows}) AS pages${i}${reached ? `, collect(others) AS reached${i}` : ''}
}${
      reached
        ? `
CALL (reached${i}) {
  UNWIND reached${i} AS others
  UNWIND others AS m
  RETURN collect(DISTINCT m) AS nodes${i}
}`
        : ''
    }`;
  });
  return `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS roots
${blocks.join('')}
RETURN ${flat.map((_, i) => `pages${i}`).join(', ')}`;
}

/** Statement text by tree shape, built once per shape (the lookahead bounds a tree's size, so shapes are few). */
const statements = new Map<string, string>();

function shapeOf(plan: RelatedPlan): string {
  return `${plan.spec.direction} ${plan.spec.projection}(${plan.children.map(shapeOf).join(',')})`;
}

/**
 * The pages of every plan of the tree, parents before children (depth first): the root's pages by the given ids,
 * each other plan's by the ids of the entities its parent reached. Every page is cut by its spec's offset and
 * limit; none is counted (typed fields do not count: a spec that asks is read by findRelated).
 */
export async function findRelatedTree(
  runner: QueryRunner,
  ids: readonly string[],
  root: RelatedPlan,
): Promise<Array<{ plan: RelatedPlan; pages: Map<string, RelatedPage> }>> {
  const flat = flatten(root);
  const shape = shapeOf(root);
  let statement = statements.get(shape);
  if (!statement) {
    statement = treeStatement(flat);
    statements.set(shape, statement);
  }
  const params: Record<string, unknown> = { ids };
  flat.forEach(({ plan }, i) => Object.assign(params, specParams(plan.spec, `p${i}_`)));
  const [row] = await runner.read<Record<string, Array<{ id: string; rows: StoredRow[] }>>>(
    'related.tree',
    statement,
    params,
  );
  return flat.map(({ plan }, i) => {
    const pages = new Map<string, RelatedPage>();
    for (const { id, rows } of row?.[`pages${i}`] ?? []) pages.set(id, { rows: toRelatedRows(id, rows), total: null });
    return { plan, pages };
  });
}
