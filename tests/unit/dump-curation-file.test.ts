/**
 * Curation files (what `npm run dump` writes for curated facts and the audit log): checked by the loader's own
 * checks, with the file, line, subject and field of each problem, without a database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataFiles } from '../../src/store/read-data-files.ts';
import { validateGraphData } from '../../src/store/validate-graph-data.ts';

let dir: string;

const AT = '2026-12-04T20:00:00.000Z';
const LINK_ID = 'BASED_IN:company:acme->country:freedonia';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-curation-file-'));
  writeFileSync(path.join(dir, 'text.md'), '# Intro\n\nAcme Corp is based in Freedonia since long ago.\n');
  writeFileSync(
    path.join(dir, 'document.yaml'),
    'document:\n  id: acme-report\n  title: Acme report\n  corpus: text.md\n',
  );
  const source = "    sources:\n      - section: Intro\n        quote: 'Acme Corp is based in Freedonia'\n";
  writeFileSync(
    path.join(dir, 'facts.yaml'),
    'document: acme-report\nentities:\n' +
      `  - id: company:acme\n    kind: Company\n    name: Acme Corp\n${source}` +
      `  - id: country:freedonia\n    kind: Country\n    name: Freedonia\n${source}` +
      `relationships:\n  - type: BASED_IN\n    from: company:acme\n    to: country:freedonia\n${source}`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(curation: string) {
  const file = path.join(dir, 'curation.yaml');
  writeFileSync(file, curation);
  const { parsed, problems } = readDataFiles(['document.yaml', 'facts.yaml', 'curation.yaml'], { cwd: dir });
  if (problems.length > 0) return { problems, graph: undefined };
  return validateGraphData(parsed, { entities: new Map(), documents: new Map() }, { cwd: dir });
}

const fact = (id: string, subject: string, state: string) =>
  `  - id: '${id}'\n    subject: ${subject}\n    state: ${state}\n    curatedBy: carol\n    curatedAt: '${AT}'\n`;
const entry = (id: string, key: string, action = 'LINK') =>
  `  - id: ${id}\n    at: '${AT}'\n    curator: carol\n    action: ${action}\n    input: {from: company:acme}\n` +
  `    touched: ['${LINK_ID}']\n    idempotencyKey: ${key}\n    requestDigest: abc\n`;

describe('Curation files: the loader checks them', () => {
  it('reads curated facts and audit entries, each present relationship fact with its source entity', () => {
    const { problems, graph } = check(
      `curatedFacts:\n${fact('company:acme', 'entity', 'present')}${fact(LINK_ID, 'relationship', 'present')}` +
        `${fact('BASED_IN:company:acme->country:freedonia#old', 'relationship', 'removed')}` +
        `auditEntries:\n${entry('e1', 'k1')}`,
    );
    expect(problems).toEqual([]);
    expect(graph?.curation?.facts.find((f) => f.id === LINK_ID)).toMatchObject({ source: 'company:acme' });
    expect(graph?.curation?.facts).toHaveLength(3);
    expect(graph?.curation?.auditEntries.map((e) => e.input)).toEqual([{ from: 'company:acme' }]);
  });

  it('names a fact about something the load does not state, a removed fact the load states, and repeats', () => {
    const { problems } = check(
      `curatedFacts:\n${fact('company:nobody', 'entity', 'present')}${fact(LINK_ID, 'relationship', 'removed')}` +
        `${fact('company:acme', 'entity', 'present')}${fact('company:acme', 'entity', 'present')}` +
        `auditEntries:\n${entry('e1', 'k1')}${entry('e2', 'k1')}${entry('e1', 'k3')}`,
    );
    expect(problems.map((p) => `${p.file}:${p.line} ${p.subject} ${p.field}`)).toEqual([
      'curation.yaml:2 curated fact company:nobody id',
      `curation.yaml:7 curated fact ${LINK_ID} state`,
      'curation.yaml:17 curated fact company:acme id',
      'curation.yaml:31 audit entry e2 idempotencyKey',
      'curation.yaml:39 audit entry e1 id',
    ]);
  });

  it('holds each record to its shape', () => {
    const { problems } = check(`auditEntries:\n${entry('e1', 'k1', 'DROP_ALL')}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'curation.yaml', line: 5, field: 'auditEntries[0].action' });
  });
});
