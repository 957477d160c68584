/** Mutation.unlink: a curated removal of a relationship (src/curation/unlink-relationship.ts), once per idempotency key. */
import type { MutationResolvers } from '../../generated/graphql.ts';
import { requireCurator } from '../../curation/authenticate-curator.ts';
import { runCuratedWrite } from '../../curation/run-curated-write.ts';
import { unlinkRelationship } from '../../curation/unlink-relationship.ts';

export const unlink: MutationResolvers['unlink'] = async (_parent, { input, idempotencyKey }, context) => {
  const curator = requireCurator(context.writeAccess);
  const outcome = await runCuratedWrite(
    context.runner,
    { curator, action: 'UNLINK', input, idempotencyKey },
    (tx, stamp) => unlinkRelationship(tx, input, stamp),
  );
  return { ...outcome, relationshipId: outcome.audit.touched[0] ?? input.id };
};
