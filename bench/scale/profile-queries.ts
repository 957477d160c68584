/**
 * `node --import tsx bench/scale/profile-queries.ts --scale 1m`: PROFILEs the Cypher our server runs for the
 * benchmark questions, on the scale's data folder (run it when the benchmark is not running). It calls the real
 * query functions of src/graph and src/loaders through a query runner whose driver prefixes every statement with
 * PROFILE, so the plans are those of the statements as they are, not of copies, with the benchmark's selections
 * (the traversal as one tree statement, rows reading their core). Prints, per statement, its time,
 * rows and db hits and the operators with the most db hits; writes bench/results/<scale>-profile.json.
 * `--risk`: the risk analytics questions instead (our supplyRisk, disruption and DEGREE statements, each beside
 * the benchmark's raw Cypher for it); writes bench/results/<scale>-profile-risk.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Driver, type ManagedTransaction, type SessionConfig } from 'neo4j-driver';
import { pino } from 'pino';
import { startEmbeddedNeo4j } from '../../src/db/embedded-neo4j.ts';
import { createQueryRunner } from '../../src/db/query-runner.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { findCrossReferences } from '../../src/graph/cross-reference.ts';
import { findNeighborhood } from '../../src/graph/neighborhood.ts';
import { toEntityRow } from '../../src/graph/rows.ts';
import { searchEntities, searchWords } from '../../src/graph/search-entities.ts';
import { findShortestPath } from '../../src/graph/shortest-path.ts';
import { findEntityWithFields } from '../../src/graph/find-entities.ts';
import { createRelatedLoaders } from '../../src/loaders/create-related-loader.ts';
import { VOCABULARY } from '../../src/model/vocabulary.ts';
import { relatedSpecOf } from '../../src/resolvers/plan-selection.ts';
import getPort from 'get-port';
import { classifyDisruption } from '../../src/graph/disruption.ts';
import { findDegrees } from '../../src/graph/degree-centrality.ts';
import { findSupplyRisk, type SupplyRiskFilter } from '../../src/graph/supply-risk.ts';
import { SUPPLY_LINK_TYPES } from '../../src/model/vocabulary.ts';
import { pickSubjects } from './pick-subjects.ts';
import { DEGREE_TOP, DISRUPTION, SUPPLY_RISK_PAGE } from './risk-questions.ts';
import { SCALES, type ScaleName } from './scales.ts';

interface PlanNode {
  operatorType: string;
  rows?: number;
  dbHits?: number;
  arguments?: Record<string, unknown>;
  children: PlanNode[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10k' }, risk: { type: 'boolean', default: false } },
});
const scaleName = values.scale as ScaleName;
const scale = SCALES[scaleName];
const graph = generateSyntheticGraph({ relationships: scale.relationships, seed: 42, label: scaleName });
const subjects = pickSubjects(graph);
const embedded = await startEmbeddedNeo4j({
  dataDir: path.join(ROOT, '.data', `bench-${scaleName}`),
  port: await getPort({ host: '127.0.0.1' }),
  heap: scale.heap,
  pageCache: scale.pageCache,
  password: 'bench-password',
  startupTimeoutMs: 180_000,
  logger: pino({ level: 'warn' }),
});
const driver = neo4j.driver(embedded.uri, neo4j.auth.basic('neo4j', 'bench-password'), {
  disableLosslessIntegers: true,
});

const profiles: Array<{
  question: string;
  statement: string;
  ms: number;
  rows: number;
  dbHits: number;
  top: string[];
}> = [];
let question = '';
function walk(node: PlanNode, into: PlanNode[]): PlanNode[] {
  into.push(node);
  for (const child of node.children) walk(child, into);
  return into;
}
/** Runs `statement` with PROFILE through `run` (a transaction's or an auto-commit session's) and records its plan. */
async function profiled(
  run: (statement: string, params: Record<string, unknown>) => Promise<Awaited<ReturnType<ManagedTransaction['run']>>>,
  statement: string,
  params: Record<string, unknown>,
) {
  const started = performance.now();
  const result = await run(`PROFILE ${statement}`, params);
  const ms = performance.now() - started;
  const nodes = walk(result.summary.profile as unknown as PlanNode, []);
  profiles.push({
    question,
    statement: statement.trim().split('\n').slice(0, 3).join(' '),
    ms,
    rows: result.records.length,
    dbHits: nodes.reduce((sum, n) => sum + (n.dbHits ?? 0), 0),
    top: [...nodes]
      .sort((a, b) => (b.dbHits ?? 0) - (a.dbHits ?? 0))
      .slice(0, 4)
      .map(
        (n) =>
          `${n.operatorType.replace(/@neo4j$/, '')} rows=${n.rows ?? 0} dbHits=${n.dbHits ?? 0} ${String(n.arguments?.['Details'] ?? '').slice(0, 90)}`,
      ),
  });
  return result;
}

// Reads run as auto-commit statements (session.run), writes in managed transactions: both are profiled.
const profilingDriver = {
  session: (config: SessionConfig) => {
    const session = driver.session(config);
    const wrap = (work: (tx: ManagedTransaction) => Promise<unknown>) => (tx: ManagedTransaction) =>
      work({
        run: (statement: string, params: Record<string, unknown>) =>
          profiled((s, p) => tx.run(s, p), statement, params),
      } as unknown as ManagedTransaction);
    return {
      run: (statement: string, params: Record<string, unknown>, config?: object) =>
        profiled((s, p) => session.run(s, p, config), statement, params),
      executeRead: (work: (tx: ManagedTransaction) => Promise<unknown>, config?: object) =>
        session.executeRead(wrap(work), config),
      executeWrite: (work: (tx: ManagedTransaction) => Promise<unknown>, config?: object) =>
        session.executeWrite(wrap(work), config),
      close: () => session.close(),
    };
  },
} as unknown as Driver;
const runner = createQueryRunner(profilingDriver, 'neo4j', 600_000);
const plain = createQueryRunner(driver, 'neo4j', 600_000);
const entityRow = async (id: string) => {
  const [row] = await plain.read<{ props: Record<string, unknown> }>(
    'profile.entity',
    'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props',
    { id },
  );
  if (!row) throw new Error(`no entity ${id}`);
  return toEntityRow(row.props);
};

/** The risk analytics questions: each of our statements as the resolver calls it, then the raw Cypher's. */
async function profileRisk(): Promise<void> {
  const filter = (categories: string[] | null): SupplyRiskFilter => ({
    categories,
    materials: null,
    companies: null,
    countries: null,
    linkTypes: null,
    level: 'ITEM',
    threshold: 0.65,
  });
  const rawSession = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  const raw = (statement: string, params: Record<string, unknown>) =>
    profiled((s, p) => rawSession.run(s, p), statement, params);
  try {
    question = 'supplyRisk of the hub category (ours)';
    await findSupplyRisk(runner, filter([subjects.hubCategory]), {
      asOf: null,
      order: 'HHI_DESC',
      offset: 0,
      limit: 20,
      read: { shares: false, links: false },
    });
    question = 'supplyRisk of the hub category (raw Cypher)';
    await raw(SUPPLY_RISK_PAGE, { category: subjects.hubCategory, first: 20 });
    question = 'disruption removing the hub country (ours)';
    await classifyDisruption(runner, { companies: [], countries: [subjects.hubCountry] }, filter(null), null);
    question = 'disruption removing the hub country (raw Cypher)';
    await raw(DISRUPTION, { country: subjects.hubCountry });
    question = 'centrality DEGREE (ours)';
    await findDegrees(
      runner,
      {
        kinds: ['Company', 'Country', 'Material'],
        types: [...SUPPLY_LINK_TYPES, 'BASED_IN', 'PART_OF'].sort(),
        asOf: null,
      },
      20,
    );
    question = 'centrality DEGREE (raw Cypher)';
    await raw(DEGREE_TOP, {});
  } finally {
    await rawSession.close();
  }
}

try {
  if (values.risk) await profileRisk();
  // The statements our server runs for the benchmark's selections (ids only, so rows read their core).
  const typed = (kind: string, field: string) => {
    const spec = VOCABULARY.kinds[kind]?.fields[field];
    if (spec?.of !== 'related') throw new Error(`${kind}.${field} is not a typed relationship field`);
    return relatedSpecOf(spec, {}, 'core');
  };
  if (!values.risk) {
    question = 'company -> materials -> suppliers -> countries';
    await findEntityWithFields(runner, subjects.company, [
      {
        key: 'materials',
        onKind: 'Company',
        spec: typed('Company', 'materials'),
        fields: [
          {
            key: 'suppliers',
            onKind: null,
            spec: typed('Material', 'suppliers'),
            fields: [{ key: 'country', onKind: null, spec: typed('Company', 'country'), fields: [] }],
          },
        ],
      },
    ]);
    question = 'neighborhood depth 2, limit 500, of the hub';
    await findNeighborhood(runner, subjects.hubCountry, {
      depth: 2,
      limit: 500,
      types: null,
      asOf: null,
      projection: { nodes: 'core', edges: 'core' },
    });
    question = 'cross-reference of a category';
    await findCrossReferences(runner, { categories: [subjects.category] }, null, { offset: 0, limit: 100 }, true);
    question = 'full-text search';
    await searchEntities(runner, searchWords(subjects.companyName), null, 10);
    question = 'shortest path';
    await findShortestPath(runner, await entityRow(subjects.company), await entityRow(subjects.pathTo), {
      maxHops: 6,
      types: null,
      asOf: null,
    });
    question = 'relationships(first: 20) of the biggest hub';
    await createRelatedLoaders(runner)({
      direction: 'BOTH',
      types: null,
      kinds: null,
      asOf: null,
      offset: 0,
      limit: 20,
      count: true,
      projection: 'full',
    }).load(subjects.hubCountry);
  }

  for (const p of profiles) {
    process.stdout.write(
      `\n${p.question}: ${p.ms.toFixed(0)} ms, ${p.rows} rows, ${p.dbHits} db hits\n  ${p.statement}\n` +
        p.top.map((t) => `    ${t}`).join('\n') +
        '\n',
    );
  }
  writeFileSync(
    path.join(ROOT, 'bench', 'results', `${scaleName}-profile${values.risk ? '-risk' : ''}.json`),
    `${JSON.stringify({ scale: scaleName, subjects, profiles }, null, 2)}\n`,
  );
} finally {
  await driver.close();
  await embedded.stop();
}
