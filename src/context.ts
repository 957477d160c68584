/**
 * Internal: the per-request GraphQL context. A new one per request, so DataLoader caches never outlive a request.
 */
import type DataLoader from 'dataloader';
import type { WriteAccess } from './curation/authenticate-curator.ts';
import type { QueryRunner } from './db/query-runner.ts';
import type { SectionRow } from './graph/documents.ts';
import type { DocumentRow, EntityRow } from './graph/rows.ts';
import { createDocumentLoader } from './loaders/create-document-loader.ts';
import { createEntityLoader } from './loaders/create-entity-loader.ts';
import { createRelatedLoaders, type RelatedLoaders } from './loaders/create-related-loader.ts';
import { createSectionLoader } from './loaders/create-section-loader.ts';

export interface RequestContext {
  runner: QueryRunner;
  entities: DataLoader<string, EntityRow | null>;
  documents: DataLoader<string, DocumentRow | null>;
  sections: DataLoader<string, SectionRow[]>;
  related: RelatedLoaders;
  /** Whether this request may write (curated writes), and as which curator. */
  writeAccess: WriteAccess;
}

export function createContext(runner: QueryRunner, writeAccess: WriteAccess = { kind: 'read-only' }): RequestContext {
  return {
    runner,
    writeAccess,
    entities: createEntityLoader(runner),
    documents: createDocumentLoader(runner),
    sections: createSectionLoader(runner),
    related: createRelatedLoaders(runner),
  };
}
