/** Mutation.updateEntity: a curated change to an entity (src/curation/update-entity.ts), once per idempotency key. */
import type { MutationResolvers } from '../../generated/graphql.ts';
import { requireCurator } from '../../curation/authenticate-curator.ts';
import { runCuratedWrite } from '../../curation/run-curated-write.ts';
import { updateEntity as update } from '../../curation/update-entity.ts';
import { entityWriteResult } from './entity-write-result.ts';

export const updateEntity: MutationResolvers['updateEntity'] = async (_parent, { input, idempotencyKey }, context) => {
  const curator = requireCurator(context.writeAccess);
  const outcome = await runCuratedWrite(
    context.runner,
    { curator, action: 'UPDATE_ENTITY', input, idempotencyKey },
    (tx, stamp) => update(tx, input, stamp, context.vocabulary),
  );
  return entityWriteResult(outcome, context);
};
