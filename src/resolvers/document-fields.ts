/** Internal: Document.sections and Document.facts, provenance that can be queried. */
import { BadUserInputError } from '../errors.ts';
import type { DocumentResolvers, FactResolvers } from '../generated/graphql.ts';
import { findFacts } from '../graph/facts.ts';
import { orNull } from '../argument-checks.ts';
import { keysetPage, keysetWindow } from './pagination.ts';

export const documentFields: Pick<DocumentResolvers, 'sections' | 'facts'> = {
  sections: (document, _args, { sections }) => sections.load(document.id),
  facts: async (document, args, { runner }, info) => {
    const window = keysetWindow(args, info);
    if (args.row !== null && args.row !== undefined && (args.table === null || args.table === undefined)) {
      throw new BadUserInputError('row', "'row' needs 'table': name the table the row belongs to");
    }
    const filter = {
      documentId: document.id,
      section: orNull(args.section),
      table: orNull(args.table),
      row: orNull(args.row),
    };
    const { items, total } = await findFacts(runner, filter, {
      after: window.afterKey,
      before: window.beforeKey,
      backward: window.backward,
      limit: window.limit,
    });
    return keysetPage(items, (fact) => fact.id, window, total);
  },
};

export const factFields: FactResolvers = {
  citation: (fact) => fact.citation,
  entity: (fact) => fact.entity,
  relationship: (fact) => fact.relationship,
};
