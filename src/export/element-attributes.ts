/**
 * Internal: the attributes an exported node or edge carries, flattened to scalars (string, number, boolean) so
 * every format, XML and CSV included, carries the same ones. Lists are joined with `; `; citations become one
 * readable string.
 */
import type { CitationRow, EntityRow, RelationshipRow } from '../graph/rows.ts';

export type AttributeValue = string | number | boolean;
export type ElementAttributes = Record<string, AttributeValue>;

/** An edge to export: a stored relationship, or one derived for the export (its type is then not in the vocabulary). */
export type ExportEdge = Omit<RelationshipRow, 'type'> & { type: string };

/** `section · Table 1 row 4: "quote"`, one line per citation. */
function formatCitations(citations: readonly CitationRow[]): string {
  return citations
    .map((c) => {
      const where =
        c.table === undefined ? c.section : `${c.section} · ${c.table}${c.row === undefined ? '' : ` row ${c.row}`}`;
      return `${where}: "${c.quote}"`;
    })
    .join('\n');
}

function scalar(value: unknown): AttributeValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

/** Copies the data file's properties; one that would shadow a fixed attribute is renamed `property.<key>`. */
function withProperties(fixed: ElementAttributes, properties: Record<string, unknown>): ElementAttributes {
  const attributes = { ...fixed };
  for (const [key, value] of Object.entries(properties)) {
    const converted = scalar(value);
    if (converted === undefined) continue;
    attributes[key in fixed ? `property.${key}` : key] = converted;
  }
  return attributes;
}

function compact(attributes: Record<string, AttributeValue | null | undefined>): ElementAttributes {
  return Object.fromEntries(
    Object.entries(attributes).filter(
      (entry): entry is [string, AttributeValue] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** label (= name, what Sigma, Gephi and yEd show), kind, name, aliases, description, note, documentId, citations, then properties. */
export function nodeAttributes(entity: EntityRow): ElementAttributes {
  return withProperties(
    compact({
      label: entity.name,
      kind: entity.kind,
      name: entity.name,
      aliases: entity.aliases.join('; '),
      description: entity.description,
      note: entity.note,
      documentId: entity.documentId,
      citations: formatCitations(entity.sources),
    }),
    entity.properties,
  );
}

/**
 * label and relationshipType (the relationship type: not `type`, which GEXF and Gephi's CSV import read as
 * directed/undirected), note, documentId, citations, then properties (dates, amounts with currency, programme).
 */
export function edgeAttributes(edge: ExportEdge): ElementAttributes {
  return withProperties(
    compact({
      label: edge.type,
      relationshipType: edge.type,
      note: edge.note,
      documentId: edge.sources[0]?.documentId,
      citations: formatCitations(edge.sources),
    }),
    edge.properties,
  );
}
