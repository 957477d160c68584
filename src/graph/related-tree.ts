/**
 * Internal: a typed relationship field and the typed fields selected below it (Company.materials { suppliers {
 * country } }), read in one statement instead of one per level; or entities by id with the typed fields selected
 * on them. Each level is the same per-entity page as findRelated's (pageOf), asked once for every distinct entity
 * of the level above, so the answer is exactly what level-by-level loading would give; the resolvers find it
 * primed in their loaders (src/loaders/create-related-loader.ts, create-entity-tree-loader.ts).
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { LRUCache } from 'lru-cache';
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

/** A plan of a statement, and the variable holding the entities it reads the pages of. */
interface Block {
  plan: RelatedPlan;
  from: string;
}

/** A tree's plans as blocks, parents before children (depth first); plan i's children read `nodes<i>`. */
function flatten(root: RelatedPlan, from: string, blocks: Block[] = []): Block[] {
  const index = blocks.push({ plan: root, from }) - 1;
  for (const child of root.children) flatten(child, `nodes${index}`, blocks);
  return blocks;
}

/**
 * The Cypher of the blocks (its text depends on the directions, projections and nesting only; the specs are
 * parameters $p0_types, $p1_types, ...): block i reads the pages of the entities in its `from` into `pages<i>`,
 * and, when it has children, the distinct entities those pages reached into `nodes<i>`.
 */
function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map(({ plan, from }, i) => {
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
    })
    .join('');
}

/**
 * Statement text by shape, built once per shape. Shapes follow what clients select, so the cache is an LRU with a
 * bound (a shape's text is a few kilobytes); Neo4j caches the plans by text on its side.
 */
export const TREE_STATEMENT_CACHE_SIZE = 500;
const statements = new LRUCache<string, string>({ max: TREE_STATEMENT_CACHE_SIZE });

/** How many statement texts the cache holds (for /metrics and tests). */
export function treeStatementCacheSize(): number {
  return statements.size;
}

function shapeOf(plan: RelatedPlan): string {
  return `${plan.spec.direction} ${plan.spec.projection}(${plan.children.map(shapeOf).join(',')})`;
}

/** The statement text of `shape`, built by `build` unless cached. */
export function statementFor(shape: string, build: () => string): string {
  const cached = statements.get(shape);
  if (cached !== undefined) return cached;
  const statement = build();
  statements.set(shape, statement);
  return statement;
}

type PagesRow = Record<string, Array<{ id: string; rows: StoredRow[] }> | undefined>;

function paramsOf(blocks: readonly Block[]): Record<string, unknown> {
  return Object.assign({}, ...blocks.map(({ plan }, i) => specParams(plan.spec, `p${i}_`))) as Record<string, unknown>;
}

function pagesOf(blocks: readonly Block[], row: PagesRow | undefined): PlanPages[] {
  return blocks.map(({ plan }, i) => {
    const pages = new Map<string, RelatedPage>();
    for (const { id, rows } of row?.[`pages${i}`] ?? []) pages.set(id, { rows: toRelatedRows(id, rows), total: null });
    return { plan, pages };
  });
}

/** A plan, and its pages by the id of the entity each is of. */
export interface PlanPages {
  plan: RelatedPlan;
  pages: Map<string, RelatedPage>;
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
): Promise<PlanPages[]> {
  const blocks = flatten(root, 'roots');
  const statement = statementFor(
    shapeOf(root),
    () => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS roots
${blocksText(blocks)}
RETURN ${blocks.map((_, i) => `pages${i}`).join(', ')}`,
  );
  const [row] = await runner.read<PagesRow>('related.tree', statement, { ids, ...paramsOf(blocks) });
  return pagesOf(blocks, row);
}

/** A plan of a typed field of one kind, read for the entities of that kind. */
export interface KindPlan {
  kind: string;
  plan: RelatedPlan;
}

/**
 * Entities by id (every property) and, in the same statement, the trees of the typed fields selected on them:
 * each kind's plans read the pages of the found entities of that kind (`entity(id) { ... on Company { materials
 * { suppliers { id } } } }` is one statement).
 */
export async function findEntitiesWithTrees(
  runner: QueryRunner,
  ids: readonly string[],
  plans: readonly KindPlan[],
): Promise<{ entities: Array<Record<string, unknown>>; trees: PlanPages[] }> {
  const blocks: Block[] = [];
  plans.forEach(({ plan }, t) => flatten(plan, `roots${t}`, blocks));
  const shape = `entities ${plans.map(({ plan }) => shapeOf(plan)).join(';')}`;
  const statement = statementFor(
    shape,
    () => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS found
WITH found, ${plans.map((_, t) => `[n IN found WHERE n.kind = $kind${t}] AS roots${t}`).join(', ')}
${blocksText(blocks)}
RETURN [n IN found | properties(n)] AS entities, ${blocks.map((_, i) => `pages${i}`).join(', ')}`,
  );
  const kinds = Object.fromEntries(plans.map(({ kind }, t) => [`kind${t}`, kind]));
  const [row] = await runner.read<PagesRow & { entities: Array<Record<string, unknown>> }>('entities.tree', statement, {
    ids,
    ...kinds,
    ...paramsOf(blocks),
  });
  return { entities: row?.entities ?? [], trees: pagesOf(blocks, row) };
}
