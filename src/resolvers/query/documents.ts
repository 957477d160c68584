/** Query.documents: the source documents the graph cites, by title. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listDocuments } from '../../graph/documents.ts';

export const documents: QueryResolvers['documents'] = (_parent, _args, { runner }) => listDocuments(runner);
