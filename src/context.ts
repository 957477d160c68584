/**
 * Internal: the per-request GraphQL context. A new one per request, so DataLoader caches never outlive a request;
 * with a budget, every statement of the request (loaders included) spends from it.
 */
import type DataLoader from 'dataloader';
import type { WriteAccess } from './curation/authenticate-curator.ts';
import type { QueryRunner } from './db/query-runner.ts';
import type { SectionRow } from './graph/documents.ts';
import type { DocumentRow, EntityRow } from './graph/rows.ts';
import type { Vocabulary } from './model/vocabulary.ts';
import { createDocumentLoader } from './loaders/create-document-loader.ts';
import { createEntityLoader } from './loaders/create-entity-loader.ts';
import { createRelatedLoaders, type RelatedLoaders } from './loaders/create-related-loader.ts';
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
  /** The request's time and statement budget; absent when the server runs without request limits. */
  budget?: RequestBudget;
  /** Whether this request may write (curated writes), and as which curator. */
  writeAccess: WriteAccess;
  /** The server's graph measures (a relationship cap and caches shared by its requests). */
  measures: ProjectionMeasures;
  /** The process's change feed, in the context of a subscription over WebSocket (src/subscriptions/). */
  changeFeed?: ChangeFeed;
}

/** `writeAccess`: decided from the request's Authorization header (src/curation/authenticate-curator.ts). */
export function createContext(
  baseRunner: QueryRunner,
  vocabulary: Vocabulary,
  budget?: RequestBudget,
  writeAccess: WriteAccess = { kind: 'read-only' },
  measures: ProjectionMeasures = new ProjectionMeasures(),
): RequestContext {
  const runner = budget ? budgetedRunner(baseRunner, budget) : baseRunner;
  return {
    ...(budget ? { budget } : {}),
    runner,
    vocabulary,
    writeAccess,
    measures,
    entities: createEntityLoader(runner),
    documents: createDocumentLoader(runner),
    sections: createSectionLoader(runner),
    related: createRelatedLoaders(runner),
  };
}
