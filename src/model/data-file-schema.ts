/**
 * Public contract: the shape of the YAML data files (data/README.md explains it for people).
 * Shape only; what needs the whole load or the corpus (ids that exist, quotes that occur) is checked in
 * src/store/validate-graph-data.ts.
 */
import { z } from 'zod';
import { PARTIAL_DATE_PATTERN } from './partial-date.ts';
import { MONEY_KEYS, PARTIAL_DATE_KEYS } from './property-keys.ts';
import { RESERVED_PROPERTY_KEYS } from './stored-properties.ts';
import { VOCABULARY, type EntityKind, type RelationshipType, type Vocabulary } from './vocabulary.ts';

const DOCUMENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const propertyValue = z.union([scalar, z.array(z.string()), z.array(z.number()), z.array(z.boolean())]);

const properties = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a camelCase property name'), propertyValue)
  .superRefine((props, ctx) => {
    for (const key of Object.keys(props)) {
      if (RESERVED_PROPERTY_KEYS.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is reserved; use the field of that name instead`,
        });
      }
    }
    for (const key of PARTIAL_DATE_KEYS) {
      const value = props[key];
      // YAML reads an unquoted 2022 as a number; a year is a valid partial date either way.
      if (value !== undefined && !PARTIAL_DATE_PATTERN.test(String(value))) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be a partial date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`,
        });
      }
    }
    for (const key of MONEY_KEYS) {
      const value = props[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || value < 0) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be a non-negative number, got ${JSON.stringify(value)}`,
        });
      }
      if (typeof props['currency'] !== 'string' || !/^[A-Z]{3}$/.test(props['currency'])) {
        ctx.addIssue({
          code: 'custom',
          path: ['currency'],
          message: `an ISO 4217 currency code (e.g. JPY) must accompany "${key}"`,
        });
      }
    }
    if (props['value'] !== undefined) {
      if (typeof props['value'] !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `must be a number, got ${JSON.stringify(props['value'])}`,
        });
      }
      if (typeof props['unit'] !== 'string' || props['unit'].length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['unit'],
          message: 'a unit (percent, GWh/year, t/year, count, ...) must accompany "value"',
        });
      }
    }
    const share = props['share'];
    if (share !== undefined && (typeof share !== 'number' || share < 0 || share > 100)) {
      ctx.addIssue({
        code: 'custom',
        path: ['share'],
        message: `must be a percentage between 0 and 100, got ${JSON.stringify(share)}`,
      });
    }
    const fiscalYear = props['fiscalYear'];
    if (
      fiscalYear !== undefined &&
      (!Number.isInteger(fiscalYear) || (fiscalYear as number) < 1900 || (fiscalYear as number) > 2200)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['fiscalYear'],
        message: `must be a year such as 2022, got ${JSON.stringify(fiscalYear)}`,
      });
    }
    if (props['approximate'] !== undefined && typeof props['approximate'] !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['approximate'], message: 'must be true or false' });
    }
  });

const citationSchema = z.strictObject({
  section: z.string().min(1),
  table: z.string().min(1).optional(),
  row: z.number().int().min(1).optional(),
  quote: z.string().min(8, 'a quote of at least 8 characters from the document'),
});

const entityId = z
  .string()
  .regex(/^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of the form <kind prefix>:<slug>, e.g. company:tsmc');

const documentSchema = z.strictObject({
  id: z.string().regex(DOCUMENT_ID, 'a lowercase slug such as japan-supply-chain-policy'),
  title: z.string().min(1),
  author: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: z.string().regex(PARTIAL_DATE_PATTERN, 'a partial date YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  url: z.url().optional(),
  license: z.string().min(1).optional(),
  corpus: z.string().min(1, 'the path of the document text, relative to this file'),
});

/**
 * The schemas of entities, relationships and data files for a knowledge model (this server's unless a test
 * extends it). Their static types name this server's kinds and relationship types.
 */
export function createDataFileSchemas(vocabulary: Vocabulary = VOCABULARY) {
  const kindNames = Object.keys(vocabulary.kinds) as [EntityKind, ...EntityKind[]];
  const typeNames = Object.keys(vocabulary.relationshipTypes) as [RelationshipType, ...RelationshipType[]];
  const entitySchema = z
    .strictObject({
      id: entityId,
      kind: z.enum(kindNames, { error: `one of ${kindNames.join(', ')}` }),
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      description: z.string().min(1).optional(),
      properties: properties.default({}),
      note: z.string().min(1).optional(),
      sources: z.array(citationSchema).min(1, 'at least one citation'),
    })
    .superRefine((entity, ctx) => {
      const prefix = vocabulary.kinds[entity.kind]?.prefix;
      const [idPrefix, slug] = entity.id.split(':');
      if (idPrefix !== prefix || slug === undefined || !SLUG.test(slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: `a ${entity.kind} id must start with "${prefix}:", got "${entity.id}"`,
        });
      }
    });

  const relationshipSchema = z.strictObject({
    type: z.enum(typeNames, { error: `one of ${typeNames.join(', ')}` }),
    from: entityId,
    to: entityId,
    key: z.string().regex(SLUG, 'a slug such as fy2022').optional(),
    properties: properties.default({}),
    note: z.string().min(1).optional(),
    sources: z.array(citationSchema).min(1, 'at least one citation'),
  });

  const dataFileSchema = z
    .strictObject({
      document: z.union([z.string().regex(DOCUMENT_ID, 'a document id'), documentSchema]),
      entities: z.array(entitySchema).default([]),
      relationships: z.array(relationshipSchema).default([]),
    })
    .refine((file) => typeof file.document !== 'string' || file.entities.length + file.relationships.length > 0, {
      message: 'a data file needs entities or relationships (or a document definition)',
    });

  return { entitySchema, relationshipSchema, dataFileSchema };
}

const schemas = createDataFileSchemas();
export const { entitySchema, relationshipSchema, dataFileSchema } = schemas;

export type Citation = z.infer<typeof citationSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type RelationshipRecord = z.infer<typeof relationshipSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
export type DataFile = z.infer<typeof dataFileSchema>;
export type PropertyValue = z.infer<typeof propertyValue>;
