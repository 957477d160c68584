/** Mutation.link: a curated new relationship (src/curation/link-entities.ts), once per idempotency key. */
import type { MutationResolvers } from '../../generated/graphql.ts';
import { requireCurator } from '../../curation/authenticate-curator.ts';
import { linkEntities } from '../../curation/link-entities.ts';
import { readRelationship } from '../../graph/relationship-by-id.ts';
import { runCuratedWrite } from '../../curation/run-curated-write.ts';
import { AppError, ErrorCode } from '../../errors.ts';

export const link: MutationResolvers['link'] = async (_parent, { input, idempotencyKey }, context) => {
  const curator = requireCurator(context.writeAccess);
  const outcome = await runCuratedWrite(
    context.runner,
    { curator, action: 'LINK', input, idempotencyKey },
    (tx, stamp) => linkEntities(tx, input, stamp, context.vocabulary),
  );
  // touched: the relationship, its source, its target.
  const [id = '', source = ''] = outcome.audit.touched;
  const relationship = await readRelationship(context.runner, source, id);
  if (relationship === null) throw new AppError(ErrorCode.NOT_FOUND, `the relationship ${id} no longer exists`);
  return { ...outcome, relationship };
};
