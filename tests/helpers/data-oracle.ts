/**
 * Test helper: the graph as the data files state it, read with the YAML library alone (none of the server's
 * loading code), so tests can derive expected answers from the files and compare them with what the API says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { listDataFiles } from '../../src/seed/load-graph.ts';
import { withSecondDocument } from './api-server.ts';

export interface OracleEntity {
  id: string;
  kind: string;
  name: string;
  documentId: string;
  properties: Record<string, unknown>;
}

interface OracleLink {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface Oracle {
  entities: Map<string, OracleEntity>;
  links: OracleLink[];
  /** Entities of a kind. */
  ofKind(kind: string): OracleEntity[];
  /** The ids at the other end of `id`'s links of these types, in that direction. */
  linked(id: string, types: readonly string[], direction: 'OUT' | 'IN', kinds?: readonly string[]): string[];
}

const SECOND_DOCUMENT = fileURLToPath(new URL('../fixtures/second-document/survey.yaml', import.meta.url));

interface RawFile {
  document: string | { id: string };
  entities?: Array<{ id: string; kind: string; name: string; properties?: Record<string, unknown> }>;
  relationships?: Array<{
    type: string;
    from: string;
    to: string;
    key?: string;
    properties?: Record<string, unknown>;
  }>;
}

/** The graph of data/ (and of the second document in its project). */
export function readOracle(): Oracle {
  const files = [...listDataFiles(), ...(withSecondDocument() ? [SECOND_DOCUMENT] : [])];
  const entities = new Map<string, OracleEntity>();
  const links: OracleLink[] = [];
  for (const file of files) {
    const raw = parse(readFileSync(file, 'utf8')) as RawFile;
    const documentId = typeof raw.document === 'string' ? raw.document : raw.document.id;
    for (const e of raw.entities ?? []) {
      entities.set(e.id, { id: e.id, kind: e.kind, name: e.name, documentId, properties: e.properties ?? {} });
    }
    for (const r of raw.relationships ?? []) {
      const id = r.key ? `${r.type}:${r.from}->${r.to}#${r.key}` : `${r.type}:${r.from}->${r.to}`;
      links.push({ id, type: r.type, from: r.from, to: r.to, properties: r.properties ?? {} });
    }
  }
  return {
    entities,
    links,
    ofKind: (kind) => [...entities.values()].filter((e) => e.kind === kind),
    linked: (id, types, direction, kinds) =>
      links
        .filter((l) => types.includes(l.type) && (direction === 'OUT' ? l.from === id : l.to === id))
        .map((l) => (direction === 'OUT' ? l.to : l.from))
        .filter((other) => !kinds || kinds.includes(entities.get(other)?.kind ?? '')),
  };
}

/** Entities in the API's default order: by lowercased name, then id. */
export function byName(a: OracleEntity, b: OracleEntity): number {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first of an entity's date keys, as the typed `date` field reads it. */
export function dateOf(entity: OracleEntity): string | null {
  for (const key of ['since', 'date', 'asOf']) {
    const value = entity.properties[key];
    if (value !== undefined && value !== null) return String(value);
  }
  return null;
}
