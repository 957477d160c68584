/**
 * Internal: the per-request GraphQL context. A new one per request, so DataLoader caches never outlive a request;
 * with a budget, every statement of the request (loaders included) spends from it.
 */
import type DataLoader from 'dataloader';
import type { WriteAccess } from './curation/authenticate-curator.ts';
import type { QueryRunner } from './db/query-runner.ts';
import { bookmarkedRunner, RequestBookmarks } from './db/request-bookmarks.ts';
import type { SectionRow } from './graph/documents.ts';
import type { DocumentRow, EntityRow } from './graph/rows.ts';
import type { Vocabulary } from './model/vocabulary.ts';
import { createDocumentLoader } from './loaders/create-document-loader.ts';
import { createEntityLoader } from './loaders/create-entity-loader.ts';
import {
  createLinkedAggregateLoaders,
  createRefinedLoaders,
  createRelatedLoaders,
  type LinkedAggregateLoaders,
  type RefinedLoaders,
  type RelatedLoaders,
} from './loaders/create-related-loader.ts';
import { createSectionLoader } from './loaders/create-section-loader.ts';
import { budgetedRunner, type RequestBudget } from './limits/request-budget.ts';
import { ProjectionMeasures } from './measures/projection-measures.ts';
import type { ChangeFeed } from './subscriptions/change-feed.ts';

export interface RequestContext {
  runner: QueryRunner;
  /** The knowledge model this server serves. */
  vocabulary: Vocabulary;
  entities: DataLoader<string, EntityRow | null>;
  documents: DataLoader<string, DocumentRow | null>;
  sections: DataLoader<string, SectionRow[]>;
  related: RelatedLoaders;
  /** Typed fields with a where or a sort that their root did not plan. */
  refined: RefinedLoaders;
  /** Aggregates of typed list fields (Company.materialsAggregate). */
  linkedAggregates: LinkedAggregateLoaders;
  /** The request's time and statement budget; absent when the server runs without request limits. */
  budget?: RequestBudget;
  /** Whether this request may write (curated writes), and as which curator. */
  writeAccess: WriteAccess;
  /** The server's graph measures (a relationship cap and caches shared by its requests). */
  measures: ProjectionMeasures;
  /** The bookmarks the client sent (every statement waits for them) and those the request's writes left. */
  bookmarks: RequestBookmarks;
  /** The process's change feed, in the context of a subscription over WebSocket (src/subscriptions/). */
  changeFeed?: ChangeFeed;
}

/**
 * `writeAccess`: decided from the request's Authorization header (src/curation/authenticate-curator.ts). The loaders
 * are made when a resolver first asks for them, so a request pays only for those its fields use.
 */
export function createContext(
  baseRunner: QueryRunner,
  vocabulary: Vocabulary,
  budget?: RequestBudget,
  writeAccess: WriteAccess = { kind: 'read-only' },
  measures: ProjectionMeasures = new ProjectionMeasures(),
  bookmarks: RequestBookmarks = new RequestBookmarks(),
): RequestContext {
  // The budget's view wraps the bookmarks' view: it gives each statement the time left, the inner one adds bookmarks.
  const runner = bookmarkedRunner(baseRunner, bookmarks);
  return new LazyContext(
    budget ? budgetedRunner(runner, budget) : runner,
    vocabulary,
    writeAccess,
    measures,
    bookmarks,
    budget,
  );
}

/**
 * Made loaders are own properties, not `#private` fields: Apollo hands resolvers a copy of the context (its own
 * properties on the same prototype), and the getters must work on the copy.
 */
class LazyContext implements RequestContext {
  readonly budget?: RequestBudget;
  private entitiesMade: DataLoader<string, EntityRow | null> | undefined;
  private documentsMade: DataLoader<string, DocumentRow | null> | undefined;
  private sectionsMade: DataLoader<string, SectionRow[]> | undefined;
  private relatedMade: RelatedLoaders | undefined;
  private refinedMade: RefinedLoaders | undefined;
  private linkedAggregatesMade: LinkedAggregateLoaders | undefined;

  constructor(
    readonly runner: QueryRunner,
    readonly vocabulary: Vocabulary,
    readonly writeAccess: WriteAccess,
    readonly measures: ProjectionMeasures,
    readonly bookmarks: RequestBookmarks,
    budget: RequestBudget | undefined,
  ) {
    if (budget) this.budget = budget;
  }

  get entities(): DataLoader<string, EntityRow | null> {
    this.entitiesMade ??= createEntityLoader(this.runner);
    return this.entitiesMade;
  }

  get documents(): DataLoader<string, DocumentRow | null> {
    this.documentsMade ??= createDocumentLoader(this.runner);
    return this.documentsMade;
  }

  get sections(): DataLoader<string, SectionRow[]> {
    this.sectionsMade ??= createSectionLoader(this.runner);
    return this.sectionsMade;
  }

  get related(): RelatedLoaders {
    this.relatedMade ??= createRelatedLoaders(this.runner);
    return this.relatedMade;
  }

  get refined(): RefinedLoaders {
    this.refinedMade ??= createRefinedLoaders(this.runner);
    return this.refinedMade;
  }

  get linkedAggregates(): LinkedAggregateLoaders {
    this.linkedAggregatesMade ??= createLinkedAggregateLoaders(this.runner, this.vocabulary);
    return this.linkedAggregatesMade;
  }
}
