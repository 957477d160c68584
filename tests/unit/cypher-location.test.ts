import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Where statements may live: every read in graph/, every write in store/, the schema in cypher/ (applied by db/). */
const CYPHER_HOMES = ['graph/', 'store/', 'db/'];

/** A string literal or template that opens with a Cypher clause. */
const STATEMENT = /['`]\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|SHOW|DETACH DELETE)\b[^'`]*/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)));
}

describe('Layering: Cypher lives in the graph layer, the write model and the schema file', () => {
  it('finds no statement anywhere else in src/', () => {
    const elsewhere = sourceFiles(SRC)
      .filter((file) => !file.startsWith('generated/') && !CYPHER_HOMES.some((home) => file.startsWith(home)))
      .flatMap((file) =>
        [...readFileSync(path.join(SRC, file), 'utf8').matchAll(STATEMENT)].map((m) => `${file}: ${m[0].slice(0, 60)}`),
      );
    expect(elsewhere).toEqual([]);
  });

  it('recognises a statement (the check can fail)', () => {
    expect("const Q = 'MATCH (n:Entity) RETURN n';".match(STATEMENT)).not.toBeNull();
    expect('const Q = `\nUNWIND $rows AS r`;'.match(STATEMENT)).not.toBeNull();
  });

  it('the db layer runs only the schema file and its own housekeeping', () => {
    const statements = sourceFiles(SRC)
      .filter((file) => file.startsWith('db/'))
      .flatMap((file) => [...readFileSync(path.join(SRC, file), 'utf8').matchAll(STATEMENT)]);
    expect(statements.map((m) => m[0].trim())).toEqual(["'CALL db.awaitIndexes(120)"]);
  });
});
