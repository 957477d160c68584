/**
 * Per request: one DataLoader per distinct related plan (a spec, and the plans of the typed fields selected below
 * it), so every parent entity of one field at one nesting level is read in one statement
 * (src/graph/related-entities.ts). A plan with children reads its whole tree in that statement
 * (src/graph/related-tree.ts) and primes the children's loaders, so the fields below find their pages loaded.
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findRelated, type RelatedPage, type RelatedSpec } from '../graph/related-entities.ts';
import { findRelatedTree, type PlanPages, type RelatedPlan } from '../graph/related-tree.ts';
import { loaderPerKey } from './loader-per-key.ts';

export type RelatedLoaders = (spec: RelatedSpec, children?: readonly RelatedPlan[]) => DataLoader<string, RelatedPage>;

const EMPTY_PAGE: RelatedPage = { rows: [], total: null };

/** Primes each plan's loader with its pages, so the fields they belong to find them loaded. */
export function primeTrees(related: RelatedLoaders, trees: readonly PlanPages[]): void {
  for (const { plan, pages } of trees) {
    const loader = related(plan.spec, plan.children);
    for (const [id, page] of pages) loader.prime(id, page);
  }
}

/** Returns a function that gives the loader for a plan, creating one per distinct plan in this request. */
export function createRelatedLoaders(runner: QueryRunner): RelatedLoaders {
  const loaderForPlan = loaderPerKey(
    ({ spec, children }: RelatedPlan) =>
      new DataLoader<string, RelatedPage>(async (ids) => {
        if (children.length === 0 || spec.count) {
          const byId = await findRelated(runner, ids, spec);
          return ids.map((id) => byId.get(id) ?? EMPTY_PAGE);
        }
        const [root, ...below] = await findRelatedTree(runner, ids, { spec, children });
        primeTrees(loaderFor, below);
        return ids.map((id) => root?.pages.get(id) ?? EMPTY_PAGE);
      }),
  );
  const loaderFor: RelatedLoaders = (spec, children = []) => loaderForPlan({ spec, children });
  return loaderFor;
}
