/**
 * Seeding and importing: idempotent, atomic, and strict. Bad data is rejected before anything is written, with
 * the file, the entity or relationship and the field named, and the database is left exactly as it was.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { applySchema } from '../../src/db/apply-schema.ts';
import { endOfPeriod } from '../../src/model/partial-date.ts';
import { createRelatedLoaders } from '../../src/loaders/create-related-loader.ts';
import { DataValidationError } from '../../src/store/data-problem.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { clearDatabase, graphSnapshot } from '../helpers/graph-snapshot.ts';
import { wrongDegrees } from '../helpers/stored-degrees.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FURTHER_DOCUMENT = path.join(REPO, 'tests/fixtures/further-document/further-document.yaml');

let db: Database;
let workDir: string;

/** A private copy of data/ and corpus/, so a test can break one file. */
function copyOfData(): string {
  const dir = mkdtempSync(path.join(workDir, 'copy-'));
  cpSync(path.join(REPO, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  return dir;
}

/** Edits the first YAML file in the copy that has the section, through the YAML document model. */
function editDataFile(
  dir: string,
  section: 'entities' | 'relationships',
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): string {
  const files = listDataFiles(path.join(dir, 'data'));
  const file = files.find((f) => parseDocument(readFileSync(f, 'utf8')).has(section));
  if (!file) throw new Error(`no data file with ${section}`);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
  return path.relative(dir, file);
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'kg-seed-test-'));
  db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
});

afterAll(async () => {
  await db.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('seed: idempotence', () => {
  it('loads the data files, and a second run changes nothing', async () => {
    const first = await loadGraph(db.runner, listDataFiles());
    expect(first.entities).toBeGreaterThan(100);
    expect(first.relationships).toBeGreaterThan(first.entities);
    const afterFirst = await graphSnapshot(db.runner);

    const second = await loadGraph(db.runner, listDataFiles());
    expect(second).toEqual({ ...first, removedEntities: 0, removedRelationships: 0 });
    expect(await graphSnapshot(db.runner)).toBe(afterFirst);
  });

  it('has exactly one node per id (the uniqueness constraint holds)', async () => {
    const rows = await db.runner.read<{ duplicates: number }>(
      'test.duplicates',
      'MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS duplicates',
    );
    expect(rows).toEqual([{ duplicates: 0 }]);
    await expect(db.runner.write('test.duplicate-id', 'CREATE (:Entity {id: "country:japan"})')).rejects.toThrow(
      /already exists/,
    );
  });
});

describe('seed: bad data changes nothing', () => {
  const cases: Array<{
    name: string;
    section: 'entities' | 'relationships';
    edit: (doc: ReturnType<typeof parseDocument>) => void;
    expected: RegExp;
  }> = [
    {
      name: 'an unknown kind',
      section: 'entities',
      edit: (doc) => doc.setIn(['entities', 0, 'kind'], 'Spaceship'),
      expected: /entity [a-z]+:[a-z0-9-]+ field "kind": one of Country, /,
    },
    {
      name: 'a missing citation',
      section: 'entities',
      edit: (doc) => doc.setIn(['entities', 0, 'sources'], doc.createNode([])),
      expected: /entity [a-z]+:[a-z0-9-]+ field "sources": at least one citation/,
    },
    {
      name: 'a relationship to an id that does not exist',
      section: 'relationships',
      edit: (doc) => doc.setIn(['relationships', 0, 'to'], 'company:no-such-company'),
      expected:
        /relationship [A-Z_]+ [a-z]+:[a-z0-9-]+ -> company:no-such-company field "to": no entity with id "company:no-such-company"/,
    },
    {
      name: 'a wrong type (money that is not a number)',
      section: 'entities',
      edit: (doc) => {
        doc.setIn(['entities', 0, 'properties', 'amount'], 'lots');
        doc.setIn(['entities', 0, 'properties', 'currency'], 'JPY');
      },
      expected: /field "properties.amount": must be a non-negative number, got "lots"/,
    },
    {
      name: 'a quote that is not in the source',
      section: 'entities',
      edit: (doc) => doc.setIn(['entities', 0, 'sources', 0, 'quote'], 'A sentence the paper never wrote, anywhere.'),
      expected: /field "sources\[0\].quote": does not occur verbatim in the document/,
    },
    {
      name: 'a section that is not a heading',
      section: 'entities',
      edit: (doc) => doc.setIn(['entities', 0, 'sources', 0, 'section'], 'V. Conclusions'),
      expected: /field "sources\[0\].section": "V. Conclusions" is not a heading of the document/,
    },
  ];

  it.each(cases)('rejects $name, naming file, line, subject and field', async ({ section, edit, expected }) => {
    await loadGraph(db.runner, listDataFiles());
    const before = await graphSnapshot(db.runner);
    const dir = copyOfData();
    const file = editDataFile(dir, section, edit);

    const error = await loadGraph(db.runner, listDataFiles(path.join(dir, 'data')), { cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataValidationError);
    const message = (error as Error).message;
    expect(message).toContain('nothing was written');
    expect(message).toContain(`${file}:`);
    expect(message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: `));
    expect(message).toMatch(expected);
    expect(await graphSnapshot(db.runner)).toBe(before);
  });

  it('rejects a file that is not valid YAML, with its line', async () => {
    const before = await graphSnapshot(db.runner);
    const dir = copyOfData();
    const broken = path.join(dir, 'data', 'broken.yaml');
    writeFileSync(broken, 'document: japan-supply-chain-policy\nentities:\n  - id: [unclosed\n');
    const error = await loadGraph(db.runner, [...listDataFiles(path.join(dir, 'data'))], { cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/data\/broken\.yaml:\d+: is not valid YAML/);
    expect(await graphSnapshot(db.runner)).toBe(before);
  });
});

describe('import: a further document', () => {
  it('adds the document with its own citations, linked to existing entities, idempotently', async () => {
    await loadGraph(db.runner, listDataFiles());
    const summary = await loadGraph(db.runner, [FURTHER_DOCUMENT]);
    expect(summary).toMatchObject({ documents: 1, entities: 2, relationships: 2 });
    const afterFirst = await graphSnapshot(db.runner);
    await loadGraph(db.runner, [FURTHER_DOCUMENT]);
    expect(await graphSnapshot(db.runner)).toBe(afterFirst);

    const rows = await db.runner.read<{ documentId: string; sources: string; meti: string }>(
      'test.import',
      `MATCH (meti:Entity {id: 'org:meti'})-[r:ADMINISTERS]->(p:Entity {id: 'program:battery-recycling-programme'})
       RETURN r.documentId AS documentId, r.sourcesJson AS sources, meti.documentId AS meti`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.documentId).toBe('further-battery-recycling-paper');
    expect(rows[0]?.meti).toBe('japan-supply-chain-policy');
    expect(JSON.parse(rows[0]?.sources ?? '[]')[0].quote).toBe("Japan's METI opened a battery recycling programme");

    // Dated from since to until: asOf inside the period keeps it, before or from the until month on drops it.
    const related = createRelatedLoaders(db.runner);
    const participants = async (asOf: string) =>
      (
        await related({
          direction: 'IN',
          types: ['PARTICIPATED_IN'],
          kinds: null,
          asOf: endOfPeriod(asOf),
          offset: 0,
          limit: 100,
          count: false,
          projection: 'full',
        }).load('program:battery-recycling-programme')
      ).rows.map((row) => row.other.id);
    expect(await participants('2024-03')).toEqual([]);
    expect(await participants('2024-04')).toEqual(['company:example-recycling-company']);
    expect(await participants('2024-08-31')).toEqual(['company:example-recycling-company']);
    expect(await participants('2024-09')).toEqual([]);

    // Re-seeding our paper leaves the imported document alone.
    await loadGraph(db.runner, listDataFiles());
    expect(await graphSnapshot(db.runner)).toBe(afterFirst);
  });

  it('refuses to redefine an entity that another document defines', async () => {
    const before = await graphSnapshot(db.runner);
    const dir = mkdtempSync(path.join(workDir, 'redefine-'));
    cpSync(path.dirname(FURTHER_DOCUMENT), dir, { recursive: true });
    const file = path.join(dir, 'further-document.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['entities', 1, 'id'], 'company:example-recycling-company');
    doc.addIn(
      ['entities'],
      doc.createNode({
        id: 'org:meti',
        kind: 'Organization',
        name: 'METI (redefined)',
        sources: [{ section: '1. Findings', quote: "In March 2024, Japan's METI opened" }],
      }),
    );
    writeFileSync(file, doc.toString());
    const error = await loadGraph(db.runner, [file]).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /entity org:meti field "id": "org:meti" is defined by document "japan-supply-chain-policy"/,
    );
    expect(await graphSnapshot(db.runner)).toBe(before);
  });

  it('removes what a re-imported document no longer states', async () => {
    const dir = mkdtempSync(path.join(workDir, 'shrink-'));
    cpSync(path.dirname(FURTHER_DOCUMENT), dir, { recursive: true });
    const file = path.join(dir, 'further-document.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.deleteIn(['entities', 1]);
    doc.deleteIn(['relationships', 1]);
    writeFileSync(file, doc.toString());

    const summary = await loadGraph(db.runner, [file]);
    expect(summary).toMatchObject({ entities: 1, relationships: 1, removedEntities: 1, removedRelationships: 1 });
    const rows = await db.runner.read(
      'test.gone',
      "MATCH (n:Entity {id: 'company:example-recycling-company'}) RETURN n",
    );
    expect(rows).toEqual([]);
    // The ends of the removed relationship and the removed entity's neighbours are recounted.
    expect(await wrongDegrees(db.runner)).toEqual([]);
  });
});
