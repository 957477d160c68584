/**
 * Internal: the shapes resolvers work with, converted from what Neo4j returns (node and relationship property
 * maps written by src/store/write-graph.ts). The GraphQL types map onto these (scripts/codegen.ts `mappers`).
 */
import type { EntityKind, RelationshipType } from '../model/vocabulary.ts';
import type { RelatedRow } from './related-entities.ts';

export interface CitationRow {
  documentId: string;
  section: string;
  table?: string;
  row?: number;
  quote: string;
}

export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
  note: string | null;
  documentId: string;
  sources: CitationRow[];
  /** The properties the data file gave (dates, amounts, units, ...), without the loader's own. */
  properties: Record<string, unknown>;
  /** How many relationships it has, any type, either direction (stored by every writer: src/store/entity-degrees.ts). */
  degree: number;
  /**
   * The rows of the typed relationship fields a root field planned on this entity, by response key
   * (./planned-fields.ts); absent when none were planned, and then the fields read through their loader.
   */
  planned?: Readonly<Record<string, RelatedRow[] | null>>;
}

export interface RelationshipRow {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  note: string | null;
  sources: CitationRow[];
  properties: Record<string, unknown>;
}

export interface DocumentRow {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  license: string | null;
}

type Props = Record<string, unknown>;

function citations(props: Props): CitationRow[] {
  const documentId = String(props['documentId']);
  const parsed = JSON.parse(String(props['sourcesJson'] ?? '[]')) as Array<Omit<CitationRow, 'documentId'>>;
  return parsed.map((c) => ({ ...c, documentId }));
}

/**
 * Gives `row` a `sources` read from the stored JSON only when first asked for, then kept: a neighborhood of 500
 * nodes whose citations nobody selected parses none.
 */
function withLazySources<T extends object>(row: T, props: Props): T & { sources: CitationRow[] } {
  let parsed: CitationRow[] | undefined;
  return Object.defineProperty(row, 'sources', {
    enumerable: true,
    get: () => (parsed ??= citations(props)),
  }) as T & { sources: CitationRow[] };
}

function userProperties(props: Props): Record<string, unknown> {
  const keys = (props['propertyKeys'] as string[] | undefined) ?? [];
  return Object.fromEntries(keys.filter((k) => k in props).map((k) => [k, props[k]]));
}

export function toEntityRow(props: Props): EntityRow {
  return withLazySources(
    {
      id: String(props['id']),
      kind: props['kind'] as EntityKind,
      name: String(props['name']),
      aliases: (props['aliases'] as string[] | undefined) ?? [],
      description: (props['description'] as string | undefined) ?? null,
      note: (props['note'] as string | undefined) ?? null,
      documentId: String(props['documentId']),
      properties: userProperties(props),
      degree: Number(props['degree'] ?? 0),
    },
    props,
  );
}

/** A relationship's row; its `id` is the one the loader stored (src/model/identity.ts). */
export function toRelationshipRow(type: string, source: string, target: string, props: Props): RelationshipRow {
  return withLazySources(
    {
      id: String(props['id']),
      type: type as RelationshipType,
      source,
      target,
      note: (props['note'] as string | undefined) ?? null,
      properties: userProperties(props),
    },
    props,
  );
}

/**
 * The row of a relationship read by its id alone (a selection of only `id`, src/resolvers/projection.ts): its
 * other fields were not read, and asking for one is an error rather than a wrong answer. A class, so the refusing
 * getters are on its prototype and a row costs one small object (a neighborhood makes hundreds a request).
 */
class RelationshipIdRow implements RelationshipRow {
  constructor(readonly id: string) {}
  private unread(field: string): never {
    throw new Error(`relationship ${this.id}: ${field} was not read (only its id was selected)`);
  }
  get type(): RelationshipType {
    return this.unread('type');
  }
  get source(): string {
    return this.unread('source');
  }
  get target(): string {
    return this.unread('target');
  }
  get note(): string | null {
    return this.unread('note');
  }
  get sources(): CitationRow[] {
    return this.unread('sources');
  }
  get properties(): Record<string, unknown> {
    return this.unread('properties');
  }
}

export function toRelationshipIdRow(id: string): RelationshipRow {
  return new RelationshipIdRow(id);
}

export function toDocumentRow(props: Props): DocumentRow {
  const text = (key: string) => (props[key] === undefined || props[key] === null ? null : String(props[key]));
  return {
    id: String(props['id']),
    title: String(props['title']),
    author: text('author'),
    publisher: text('publisher'),
    date: text('date'),
    url: text('url'),
    license: text('license'),
  };
}

/** What Query.node can return. */
export type NodeRow = EntityRow | DocumentRow | RelationshipRow;
