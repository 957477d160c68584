/**
 * Public contract: the shape of a curation file, the data file that carries what curated writes leave besides the
 * facts themselves (`npm run dump` writes them; data/README.md explains them for people): the CuratedFact registry
 * (which entities and relationships a curator created, changed or removed, by whom and when) and the audit log.
 * A file is a curation file when it has `curatedFacts` or `auditEntries` and no `document`.
 */
import { z } from 'zod';

const ISO_TIME = z.iso.datetime({ offset: true, precision: 3 });

const curatedFactSchema = z.strictObject({
  /** An entity id or a relationship id (src/model/identity.ts). */
  id: z.string().min(1),
  subject: z.enum(['entity', 'relationship']),
  /** `removed`: a relationship a curator unlinked, which a load must not bring back. */
  state: z.enum(['present', 'removed']),
  curatedBy: z.string().min(1),
  curatedAt: ISO_TIME,
});

const auditEntrySchema = z.strictObject({
  id: z.string().min(1),
  at: ISO_TIME,
  curator: z.string().min(1),
  action: z.enum(['CREATE_ENTITY', 'UPDATE_ENTITY', 'LINK', 'UNLINK']),
  /** The mutation's input as the curator gave it. */
  input: z.record(z.string(), z.unknown()),
  touched: z.array(z.string().min(1)),
  idempotencyKey: z.string().min(1).optional(),
  /** The digest of action and input that a retry with the same idempotency key must match. */
  requestDigest: z.string().min(1),
  /** The graph version the write produced, which orders the change feed; absent on entries older than the feed. */
  graphVersion: z.number().int().positive().optional(),
});

export const curationFileSchema = z
  .strictObject({
    curatedFacts: z.array(curatedFactSchema).default([]),
    auditEntries: z.array(auditEntrySchema).default([]),
  })
  .refine((file) => file.curatedFacts.length + file.auditEntries.length > 0, {
    message: 'a curation file needs curatedFacts or auditEntries',
  });

export type CuratedFactRecord = z.infer<typeof curatedFactSchema>;
export type AuditEntryRecord = z.infer<typeof auditEntrySchema>;
export type CurationFile = z.infer<typeof curationFileSchema>;

/** Whether a parsed YAML value is meant as a curation file (no document; curated facts or audit entries). */
export function isCurationFile(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('document' in value) &&
    ('curatedFacts' in value || 'auditEntries' in value)
  );
}
