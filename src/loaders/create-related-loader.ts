/**
 * Per request: one DataLoader per distinct related spec, so every parent entity of one typed field (or of
 * Entity.relationships) at one nesting level is read in one statement (src/graph/related-entities.ts). Typed
 * fields a root field planned do not come here: they read their parent row (src/resolvers/plan-selection.ts).
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { aggregateLinked, type KindAggregate, type LinkedSet } from '../graph/aggregates.ts';
import { findPlanned, type PlannedField } from '../graph/planned-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { findRelated, type RelatedPage, type RelatedRow, type RelatedSpec } from '../graph/related-entities.ts';
import { loaderPerKey } from './loader-per-key.ts';

export type RelatedLoaders = (spec: RelatedSpec) => DataLoader<string, RelatedPage>;

const EMPTY_PAGE: RelatedPage = { rows: [], total: null };

/** Returns a function that gives the loader for a spec, creating one per distinct spec in this request. */
export function createRelatedLoaders(runner: QueryRunner): RelatedLoaders {
  return loaderPerKey(
    (spec: RelatedSpec) =>
      new DataLoader<string, RelatedPage>(async (ids) => {
        const byId = await findRelated(runner, ids, spec);
        return ids.map((id) => byId.get(id) ?? EMPTY_PAGE);
      }),
  );
}

/** The rows of one typed field with a where or a sort, per parent entity id. */
export type RefinedLoaders = (field: PlannedField) => DataLoader<string, RelatedRow[]>;

/**
 * Per request, one DataLoader per distinct refined field (its spec, where and sort): every parent of the field at
 * one level is read in one statement (src/graph/planned-fields.ts findPlanned).
 */
export function createRefinedLoaders(runner: QueryRunner): RefinedLoaders {
  return loaderPerKey(
    (field: PlannedField) =>
      new DataLoader<string, RelatedRow[]>(async (ids) => {
        const byId = await findPlanned(runner, ids, [field]);
        return ids.map((id) => byId.get(id)?.[field.key] ?? []);
      }),
    ({ spec, refine }) => [spec, refine?.kind, refine?.where, refine?.sort],
  );
}

/** The aggregates of one typed list field's linked entities (with its where and asOf), per parent entity id. */
export type LinkedAggregateLoaders = (set: LinkedSet) => DataLoader<string, KindAggregate>;

/** Per request, one DataLoader per distinct linked set: every parent at one level in one statement. */
export function createLinkedAggregateLoaders(runner: QueryRunner, vocabulary: Vocabulary): LinkedAggregateLoaders {
  return loaderPerKey(
    (set: LinkedSet) =>
      new DataLoader<string, KindAggregate>(async (ids) => {
        const byId = await aggregateLinked(runner, vocabulary, ids, set);
        return ids.map((id) => byId.get(id) ?? { count: 0, fields: {} });
      }),
  );
}
