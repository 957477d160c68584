/**
 * Internal: the resolvers of every kind's type, derived from the knowledge model like the types themselves
 * (src/model/render-model-sdl.ts): the Entity fields, then one resolver per typed field of the vocabulary.
 * Related fields read the rows their root field planned (src/resolvers/plan-selection.ts) or, where it did not,
 * through the related loader (one statement per field and nesting level for all parents); property fields read
 * the entity's stored properties.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.ts';
import type { EntityRow } from '../graph/rows.ts';
import { dateOf } from '../model/property-keys.ts';
import type { PropertyFieldSpec, RelatedFieldSpec, TypedFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { asOfBound } from '../argument-checks.ts';
import { WhereCompiler } from '../graph/where-filter.ts';
import { isTypedList, targetKindOf } from '../model/kind-list-names.ts';
import { entityFields } from './entity-fields.ts';
import { linkedAggregate } from './kind-lists.ts';
import { projectionOf, refinementOf, relatedSpecOf, type TypedFieldArgs } from './plan-selection.ts';
import { moneyOf } from './relationship-objects.ts';

type FieldResolver = (
  entity: EntityRow,
  args: TypedFieldArgs,
  context: RequestContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * The field's rows from its parent row when the root field planned it (src/resolvers/plan-selection.ts), by
 * response key; otherwise through the related loader, one statement for every parent of this field and level.
 */
function relatedResolver(spec: RelatedFieldSpec): FieldResolver {
  return async (entity, args, { related, refined, vocabulary }, info) => {
    const key = String(info.path.key);
    const readSpec = () => relatedSpecOf(spec, args, projectionOf(spec, info.fieldNodes, info, vocabulary));
    const refine = entity.planned?.[key] ? undefined : refinementOf(spec, args, vocabulary);
    const rows =
      entity.planned?.[key] ??
      (refine
        ? await refined({ key, onKind: null, spec: readSpec(), refine, fields: [] }).load(entity.id)
        : (await related(readSpec()).load(entity.id)).rows);
    if (spec.rowsAs) return rows;
    // One entity may be linked several ways (approved plan and production): list it once.
    const unique = [...new Map(rows.map((row) => [row.other.id, row.other])).values()];
    return spec.single ? (unique[0] ?? null) : unique;
  };
}

function propertyResolver(spec: PropertyFieldSpec): FieldResolver {
  return ({ properties }) => {
    const value = properties[spec.key];
    switch (spec.type) {
      case 'Money':
        return moneyOf(properties, spec.key);
      case 'PartialDate':
        // `date` stands for the fact's date, whichever date key the source gave (src/model/property-keys.ts).
        return spec.key === 'date' ? dateOf(properties) : value === undefined ? null : String(value);
      case 'Int':
      case 'Float':
        return typeof value === 'number' ? value : null;
      case 'String':
        return value === undefined || value === null ? null : String(value);
      default: {
        const unknownType: never = spec.type;
        throw new Error(`no resolver for property type ${String(unknownType)}`);
      }
    }
  };
}

/** A typed list field's aggregate (`materialsAggregate`): its linked entities, each once, with where and asOf. */
function aggregateResolver(spec: RelatedFieldSpec): FieldResolver {
  return (entity, args, context) => {
    const kind = targetKindOf(spec);
    const where = args.where ?? null;
    new WhereCompiler(context.vocabulary).compile(where, kind, 'n'); // throws the argument errors
    return linkedAggregate(entity.id, { field: spec, kind, where, asOf: asOfBound(args.asOf) }, context);
  };
}

function fieldResolver(spec: TypedFieldSpec): FieldResolver {
  return spec.of === 'related' ? relatedResolver(spec) : propertyResolver(spec);
}

/** Kind name -> its type's resolvers. */
export function createKindResolvers(vocabulary: Vocabulary): Record<string, Record<string, unknown>> {
  const byKind: Record<string, Record<string, unknown>> = {};
  for (const [kind, spec] of Object.entries(vocabulary.kinds)) {
    const fields: Record<string, unknown> = { ...entityFields };
    for (const [name, field] of Object.entries(spec.fields)) {
      fields[name] = fieldResolver(field);
      if (isTypedList(field)) fields[`${name}Aggregate`] = aggregateResolver(field);
    }
    byKind[kind] = fields;
  }
  return byKind;
}
