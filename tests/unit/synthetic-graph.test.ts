/**
 * The synthetic corpus (src/generate/): deterministic for a seed, different across seeds, exactly the size asked
 * for, in the data-file model, skewed, and citing its own document verbatim. No database.
 */
import { describe, expect, it } from 'vitest';
import { generateSyntheticGraph, MIN_RELATIONSHIPS } from '../../src/generate/synthetic-graph.ts';
import { parseCount } from '../../src/generate/parse-count.ts';
import { entitySchema, relationshipSchema } from '../../src/model/data-file-schema.ts';
import { RELATIONSHIP_TYPES } from '../../src/model/vocabulary.ts';
import { indexSourceText } from '../../src/store/source-text-index.ts';

const first = <T>(items: Iterable<T>, n: number): T[] => {
  const result: T[] = [];
  for (const item of items) {
    if (result.length === n) break;
    result.push(item);
  }
  return result;
};

/** The supply links, where the random draws are (the skeleton before them is the same for every seed). */
const supplyLinks = (seed: number) =>
  [...generateSyntheticGraph({ relationships: 5000, seed }).relationships()].filter((r) =>
    ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'].includes(r.type),
  );

describe('generateSyntheticGraph', () => {
  it('gives the same records for the same seed', () => {
    const a = generateSyntheticGraph({ relationships: 5000, seed: 42 });
    const b = generateSyntheticGraph({ relationships: 5000, seed: 42 });
    expect(b.entities).toEqual(a.entities);
    expect(first(b.relationships(), 3000)).toEqual(first(a.relationships(), 3000));
    expect(first(a.relationships(), 3000)).toHaveLength(3000);
  });

  it('gives different records for different seeds', () => {
    const a = supplyLinks(42).slice(0, 200);
    const b = supplyLinks(43).slice(0, 200);
    expect(a).toHaveLength(200);
    expect(b).not.toEqual(a);
    const names = (seed: number) => generateSyntheticGraph({ relationships: 5000, seed }).entities.map((e) => e.name);
    expect(names(43)).not.toEqual(names(42));
  });

  it('writes exactly the number of relationships asked for, each unique and allowed by the vocabulary', () => {
    const graph = generateSyntheticGraph({ relationships: 4321, seed: 7 });
    const relationships = [...graph.relationships()];
    expect(relationships).toHaveLength(4321);
    const kinds = new Map(graph.entities.map((e) => [e.id, e.kind]));
    const identities = new Set(relationships.map((r) => `${r.type} ${r.from} ${r.to} ${r.key}`));
    expect(identities.size).toBe(relationships.length);
    for (const r of relationships) {
      const rule = RELATIONSHIP_TYPES[r.type];
      const from: readonly string[] = rule.from;
      const to: readonly string[] = rule.to;
      expect(from.includes('*') || from.includes(kinds.get(r.from) ?? '?'), `${r.type} from ${r.from}`).toBe(true);
      expect(to.includes('*') || to.includes(kinds.get(r.to) ?? '?'), `${r.type} to ${r.to}`).toBe(true);
      expect(r.from).not.toBe(r.to);
    }
    expect(new Set(graph.entities.map((e) => e.id)).size).toBe(graph.entities.length);
  });

  it('produces records a data file could hold, citing its own document verbatim', () => {
    const graph = generateSyntheticGraph({ relationships: 2000, seed: 1 });
    const source = indexSourceText(graph.document.text);
    // The loader adds documentId (and a relationship's default key) to what the file holds.
    for (const { documentId: _documentId, ...record } of graph.entities) {
      expect(entitySchema.safeParse(record).error, record.id).toBeUndefined();
    }
    const relationships = [...graph.relationships()];
    for (const { documentId: _documentId, key: _key, ...record } of relationships.slice(0, 500)) {
      expect(relationshipSchema.safeParse(record).error, `${record.type} ${record.from}`).toBeUndefined();
    }
    for (const citation of [...graph.entities, ...relationships].flatMap((x) => x.sources)) {
      expect(source.headings.has(citation.section)).toBe(true);
      expect(source.normalizedText.includes(citation.quote)).toBe(true);
    }
  });

  it('is skewed: the hub country and hub material hold far more than their share', () => {
    const graph = generateSyntheticGraph({ relationships: 20_000, seed: 42 });
    const degree = new Map<string, number>();
    for (const r of graph.relationships()) {
      degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
      degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    }
    const basedIn = degree.get(graph.hubs.country) ?? 0;
    // 24 countries share the companies and facilities: an even share would be 1/24 of them.
    expect(basedIn).toBeGreaterThan((graph.counts.companies + graph.counts.facilities) / 5);
    const materialDegrees = graph.entities
      .filter((e) => e.id.startsWith('material:g-0'))
      .map((e) => degree.get(e.id) ?? 0);
    const average = materialDegrees.reduce((a, b) => a + b, 0) / materialDegrees.length;
    expect(degree.get(graph.hubs.material) ?? 0).toBeGreaterThan(10 * average);
  });

  it('rejects sizes below the minimum and bad seeds', () => {
    expect(() => generateSyntheticGraph({ relationships: MIN_RELATIONSHIPS - 1, seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticGraph({ relationships: 5000, seed: -1 })).toThrow(RangeError);
  });
});

describe('parseCount', () => {
  it.each([
    ['2000', 2000],
    ['10k', 10_000],
    ['100K', 100_000],
    ['1m', 1_000_000],
    ['1_000_000', 1_000_000],
    ['1.5k', 1500],
  ])('reads %s as %d', (text, value) => expect(parseCount(text)).toBe(value));
  it.each(['', 'ten', '1g', '1.2345k'])('rejects %s', (text) => expect(() => parseCount(text)).toThrow(RangeError));
});
