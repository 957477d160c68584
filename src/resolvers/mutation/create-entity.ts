/** Mutation.createEntity: a curated new entity (src/curation/create-entity.ts), once per idempotency key. */
import type { MutationResolvers } from '../../generated/graphql.ts';
import { requireCurator } from '../../curation/authenticate-curator.ts';
import { createEntity as create } from '../../curation/create-entity.ts';
import { runCuratedWrite } from '../../curation/run-curated-write.ts';
import { entityWriteResult } from './entity-write-result.ts';

export const createEntity: MutationResolvers['createEntity'] = async (_parent, { input, idempotencyKey }, context) => {
  const curator = requireCurator(context.writeAccess);
  const outcome = await runCuratedWrite(
    context.runner,
    { curator, action: 'CREATE_ENTITY', input, idempotencyKey },
    (tx, stamp) => create(tx, input, stamp, context.vocabulary),
  );
  return entityWriteResult(outcome, context);
};
