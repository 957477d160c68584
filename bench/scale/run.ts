/**
 * Scale benchmark (`npm run bench -- --scale 10k|100k|1m`): our server side by side with @neo4j/graphql 7 and
 * raw Cypher on one embedded Neo4j holding the synthetic graph of that scale.
 *
 * Starts the embedded Neo4j on .data/bench-<scale> (loading the scale first if it is missing or unfinished),
 * then our server and the @neo4j/graphql server as child processes on loopback; checks that every system gives
 * the same ids for every question; then, question by question and system by system, warms up and runs a closed
 * loop at fixed concurrency for a fixed time. Writes bench/results/<scale>-<date>.json and prints a Markdown
 * table of ratios. Options: --duration seconds per measurement (8), --warmup seconds (2), --concurrency (8),
 * --timeout seconds after which a request counts as an error (30), --seed (42),
 * --cpu-prof (writes a V8 CPU profile of our server to bench/results/profiles/), --only TEXT (only the questions
 * whose name contains TEXT; for profiling; its report is written as <scale>-<date>-only.json), --tag TEXT (appended
 * to the report's name, for a run with other settings), --skip TEXT (repeatable: leave out the questions whose name
 * contains TEXT, listed in the report as skipped), --load-only (load the scale if needed, then stop).
 *
 * Timings are only valid when every answer check passed. If any system answered differently from raw Cypher (or
 * the raw-Cypher reference itself failed, so nothing could be checked), the run says so, writes
 * bench/results/<scale>-<date>-INVALID.json with `valid: false` and the checks only, and exits with status 1
 * without timing anything; `--time-anyway` still times, for diagnosis, and the report stays marked invalid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { applySchema } from '../../src/db/apply-schema.ts';
import { startEmbeddedNeo4j } from '../../src/db/embedded-neo4j.ts';
import { createQueryRunner } from '../../src/db/query-runner.ts';
import { parseCount } from '../../src/generate/parse-count.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { isGeneratedGraphLoaded, loadGeneratedGraph } from '../../src/generate/load-generated-graph.ts';
import getPort from 'get-port';
import { runLoad, type LoadResult } from './load-loop.ts';
import { pickSubjects } from './pick-subjects.ts';
import { buildQuestions, type CypherAsk, type GraphqlAsk } from './questions.ts';
import { OVER_THE_CAP } from './risk-questions.ts';
import { SCALES, type ScaleName } from './scales.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'bench-password';
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10k' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    timeout: { type: 'string', default: '30' },
    seed: { type: 'string', default: '42' },
    'cpu-prof': { type: 'boolean', default: false },
    'time-anyway': { type: 'boolean', default: false },
    only: { type: 'string' },
    skip: { type: 'string', multiple: true },
    tag: { type: 'string' },
    'load-only': { type: 'boolean', default: false },
  },
});
const scaleName = values.scale.toLowerCase() as ScaleName;
const scale = SCALES[scaleName];
if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}, got ${values.scale}`);
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const concurrency = Number(values.concurrency);
/** A request that takes longer counts as an error (a timeout), so a slow question cannot stall the run. */
const timeoutMs = Number(values.timeout) * 1000;
const seed = parseCount(values.seed);
const log = (line: string) => process.stdout.write(`${line}\n`);

function peakRssMiB(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return NaN; // not started, or exited (crashed)
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}

function startChild(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // Their output is the bench's: a pipe nobody reads fills up and then blocks a server that logs (a log line
    // is a synchronous write to a pipe), which would stall it mid-run; and a server's last words stay visible.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitForUrl(url: string, init: RequestInit, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(url, init)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// 1. The database, with the scale loaded.
const graph = generateSyntheticGraph({ relationships: scale.relationships, seed, label: scaleName });
const logger = pino({ level: 'warn' });
const dataDir = path.join(ROOT, '.data', `bench-${scaleName}`);
const embedded = await startEmbeddedNeo4j({
  dataDir,
  port: await getPort({ host: '127.0.0.1' }),
  heap: scale.heap,
  pageCache: scale.pageCache,
  password: PASSWORD,
  startupTimeoutMs: 180_000,
  logger,
});
const driver = neo4j.driver(embedded.uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
const runner = createQueryRunner(driver, 'neo4j', 600_000);
const children: ChildProcess[] = [];
try {
  await applySchema(runner);
  let loadRate: number | null = null;
  if (!(await isGeneratedGraphLoaded(runner, graph.document.id))) {
    log(`Loading ${graph.document.id} into ${dataDir} ...`);
    let reported = 0;
    const summary = await loadGeneratedGraph(runner, graph, ({ done, total }) => {
      if (done - reported >= total / 10) {
        reported = done;
        log(`  ${Math.round((100 * done) / total)} %`);
      }
    });
    loadRate = (graph.counts.entities + graph.counts.relationships) / summary.seconds;
    log(`Loaded in ${summary.seconds.toFixed(1)} s (${Math.round(loadRate)} records/s)`);
  }
  // Whether the database has Graph Data Science: our server may then answer BETWEENNESS over the cap there.
  const gdsVersion = await driver
    .executeQuery('RETURN gds.version() AS version', {}, { database: 'neo4j', routing: 'READ' })
    .then((result) => String(result.records[0]?.get('version')))
    .catch(() => null);
  if (values['load-only']) {
    log(`--load-only: ${graph.document.id} is loaded in ${dataDir}; not benchmarking.`);
  } else {
    const subjects = pickSubjects(graph);
    // --only TEXT: just the questions whose name contains TEXT (for profiling one question).
    // --skip TEXT (repeatable): leave out the questions whose name contains TEXT; the report lists them.
    const skipped = (name: string) => (values.skip ?? []).some((text) => name.includes(text));
    const asked = buildQuestions(subjects).filter((q) => !values.only || q.name.includes(values.only));
    const questions = asked.filter((q) => !skipped(q.name));
    const skippedQuestions = asked.filter((q) => skipped(q.name)).map((q) => q.name);
    if (skippedQuestions.length > 0) log(`Skipped (--skip): ${skippedQuestions.join('; ')}`);

    // 2. The servers.
    const oursPort = await getPort({ host: '127.0.0.1' });
    const profileDir = path.join(ROOT, 'bench', 'results', 'profiles');
    if (values['cpu-prof']) mkdirSync(profileDir, { recursive: true });
    const ours = startChild(
      [...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'src/main.ts'],
      {
        NEO4J_URI: embedded.uri,
        NEO4J_PASSWORD: PASSWORD,
        SEED_ON_START: 'false',
        PORT: String(oursPort),
        // BENCH_LOG_LEVEL=info shows the server's own account (start, engine choices, shutdown) in the bench's output.
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
        // The same budget as the harness gives a request, so a timed-out query stops in Neo4j too.
        NEO4J_QUERY_TIMEOUT_MS: String(timeoutMs),
        // No operation is heavy: admission by cost would queue the load's operations by design, which would time
        // the admission queue rather than the query.
        HEAVY_COST_THRESHOLD: '10000000',
        // And the same request time budget (default 10 s), so our server gives up when the harness does.
        REQUEST_TIME_BUDGET_MS: String(timeoutMs),
        // The load's clients share one address: the per-client limit would refuse them as one.
        RATE_LIMIT_REQUESTS: '0',
      },
    );
    children.push(ours);
    const theirsPort = await getPort({ host: '127.0.0.1' });
    const theirs = startChild(['bench/scale/neo4j-graphql-server.ts'], {
      BENCH_NEO4J_URI: embedded.uri,
      BENCH_NEO4J_PASSWORD: PASSWORD,
      PORT: String(theirsPort),
    });
    children.push(theirs);
    const oursUrl = `http://127.0.0.1:${oursPort}/graphql`;
    const theirsUrl = `http://127.0.0.1:${theirsPort}/`;
    const typename = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    };
    await waitForUrl(oursUrl, typename, ours, 'our server');
    await waitForUrl(theirsUrl, typename, theirs, 'the @neo4j/graphql server');

    const graphql = (url: string, ask: Pick<GraphqlAsk, 'query' | 'variables' | 'acceptErrors'>) => {
      const body = JSON.stringify({ query: ask.query, variables: ask.variables });
      return async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const json = (await response.json()) as {
          data?: unknown;
          errors?: Array<{ message: string; extensions?: { code?: string } }>;
        };
        // An error the question takes as its answer (LIMIT_EXCEEDED above the analytics cap).
        const code = json.errors?.[0]?.extensions?.code;
        if (
          code !== undefined &&
          ask.acceptErrors?.includes(code) &&
          json.errors?.every((e) => e.extensions?.code === code)
        ) {
          return { errorCode: code };
        }
        if (!response.ok || json.errors) {
          throw new Error(`HTTP ${response.status}: ${json.errors?.[0]?.message ?? 'no data'}`);
        }
        return json.data;
      };
    };
    const cypher = (ask: CypherAsk) => async () => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
      try {
        const result = await session.executeRead((tx) => tx.run(ask.statement, ask.params), { timeout: timeoutMs });
        return result.records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    };

    // 3. Same answers, or the run says where not.
    log(`Subjects: ${JSON.stringify(subjects)}`);
    log(`Graph Data Science: ${gdsVersion ?? 'absent'}`);
    const checks = [];
    /** An answer, or the error that prevented it (a timeout at a large scale), as the list compared. */
    const attempt = async (ask: () => Promise<string[]>, tries = 2): Promise<string[]> => {
      try {
        return await ask();
      } catch (error) {
        // Once more after an error: the first ask of a statement also plans it, which a loaded machine can push
        // past the time budget. A wrong answer is never retried.
        if (tries > 1) return attempt(ask, tries - 1);
        return [`error: ${error instanceof Error ? error.message : String(error)}`];
      }
    };
    for (const q of questions) {
      const reference = await attempt(async () => q.cypher.answer(await cypher(q.cypher)()));
      const oursAnswer = await attempt(async () => q.ours.answer(await graphql(oursUrl, q.ours)()));
      const theirsAsk = q.neo4jGraphql;
      const theirsAnswer =
        'unsupported' in theirsAsk
          ? null
          : await attempt(async () => theirsAsk.answer(await graphql(theirsUrl, theirsAsk)()));
      // null: not comparable (the system cannot ask it, or the reference timed out, which `cypherAnswer` shows).
      const referenceFailed = reference[0]?.startsWith('error:') === true;
      const same = (a: string[] | null) =>
        a === null || referenceFailed
          ? null
          : q.matches
            ? q.matches(a, reference)
            : JSON.stringify(a) === JSON.stringify(reference);
      checks.push({
        question: q.name,
        answerSize: reference.length,
        oursMatchesCypher: same(oursAnswer),
        neo4jGraphqlMatchesCypher: same(theirsAnswer),
        ...(oursAnswer.length === 1 && oursAnswer[0] === OVER_THE_CAP ? { oursOverTheCap: true } : {}),
        ...(same(oursAnswer) !== true
          ? { oursAnswer: oursAnswer.slice(0, 20), cypherAnswer: reference.slice(0, 20) }
          : {}),
        ...(same(theirsAnswer) === false ? { neo4jGraphqlAnswer: theirsAnswer?.slice(0, 20) } : {}),
      });
      log(
        `  check ${q.name}: ${referenceFailed ? reference[0] : `${reference.length} ids`}; ` +
          `ours ${referenceFailed ? 'unchecked' : same(oursAnswer) ? 'same' : 'DIFFERENT'}; ` +
          `@neo4j/graphql ${theirsAnswer === null ? 'cannot ask' : same(theirsAnswer) ? 'same' : 'DIFFERENT'}`,
      );
    }

    const failed = checks.filter((c) => c.oursMatchesCypher !== true || c.neo4jGraphqlMatchesCypher === false);
    const valid = failed.length === 0;
    const resultsDir = path.join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const fileOf = (date: string) =>
      path.join(
        resultsDir,
        `${scaleName}-${date.slice(0, 10)}${values.only ? '-only' : ''}${values.tag ? `-${values.tag}` : ''}${valid ? '' : '-INVALID'}.json`,
      );
    if (!valid) {
      log(
        `\nANSWER CHECKS FAILED for ${failed.length} of ${checks.length} questions: ${failed.map((c) => c.question).join('; ')}.` +
          `\nTimings of this run are NOT valid${values['time-anyway'] ? ' (timing anyway, report marked invalid)' : '; not timing (--time-anyway to time regardless)'}.`,
      );
      if (!values['time-anyway']) {
        const date = new Date().toISOString();
        const file = fileOf(date);
        const report = {
          scale: scaleName,
          date,
          valid,
          graph: { documentId: graph.document.id, ...graph.counts },
          neo4j: { gds: gdsVersion },
          subjects,
          checks,
        };
        writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
        log(`Wrote ${path.relative(ROOT, file)} (checks only)`);
        process.exitCode = 1;
      }
    }
    if (valid || values['time-anyway']) {
      // 4. Timed runs: warm-up, then the closed loop, one system after the other for each question.
      const measure = async (send: () => Promise<unknown>): Promise<LoadResult> => {
        await runLoad(async () => void (await send()), { concurrency, durationMs: warmupMs });
        return runLoad(async () => void (await send()), { concurrency, durationMs });
      };
      const results = [];
      const floorOurs = await measure(graphql(oursUrl, { query: '{ __typename }', variables: {} }));
      const floorTheirs = await measure(graphql(theirsUrl, { query: '{ __typename }', variables: {} }));
      log(
        `  { __typename }: ours p50 ${floorOurs.p50.toFixed(2)} ms, @neo4j/graphql p50 ${floorTheirs.p50.toFixed(2)} ms`,
      );
      for (const q of questions) {
        const oursResult = await measure(graphql(oursUrl, q.ours));
        const theirsResult = 'unsupported' in q.neo4jGraphql ? null : await measure(graphql(theirsUrl, q.neo4jGraphql));
        const rawCypher = cypher(q.cypher);
        const cypherResult = await measure(
          q.cypher.timeAnswer ? async () => q.cypher.answer(await rawCypher()) : rawCypher,
        );
        const row = {
          question: q.name,
          ours: oursResult,
          neo4jGraphql: theirsResult ?? { unsupported: (q.neo4jGraphql as { unsupported: string }).unsupported },
          cypher: cypherResult,
          ratios: {
            rpsOursToNeo4jGraphql: theirsResult ? oursResult.rps / theirsResult.rps : null,
            p95OursToCypher: oursResult.p95 / cypherResult.p95,
            p50OursToCypher: oursResult.p50 / cypherResult.p50,
          },
        };
        results.push(row);
        log(
          `  ${q.name}: ours p50 ${oursResult.p50.toFixed(1)} p95 ${oursResult.p95.toFixed(1)} ms ${oursResult.rps.toFixed(0)}/s` +
            ` (${oursResult.errors} errors)` +
            (theirsResult
              ? ` | @neo4j/graphql p50 ${theirsResult.p50.toFixed(1)} p95 ${theirsResult.p95.toFixed(1)} ms ${theirsResult.rps.toFixed(0)}/s`
              : '') +
            ` | cypher p50 ${cypherResult.p50.toFixed(1)} p95 ${cypherResult.p95.toFixed(1)} ms ${cypherResult.rps.toFixed(0)}/s`,
        );
      }

      const memory = {
        oursPeakRssMiB: peakRssMiB(ours.pid),
        neo4jGraphqlPeakRssMiB: peakRssMiB(theirs.pid),
        jvmPeakRssMiB: peakRssMiB(embedded.pid),
      };
      const report = {
        scale: scaleName,
        date: new Date().toISOString(),
        valid,
        graph: { documentId: graph.document.id, ...graph.counts },
        neo4j: { heap: scale.heap, pageCache: scale.pageCache, gds: gdsVersion },
        loadRecordsPerSecond: loadRate,
        settings: { concurrency, durationSeconds: durationMs / 1000, warmupSeconds: warmupMs / 1000 },
        subjects,
        skippedQuestions,
        checks,
        typename: { ours: floorOurs, neo4jGraphql: floorTheirs },
        results,
        memory,
      };
      const file = fileOf(report.date);
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      log(`\nWrote ${path.relative(ROOT, file)}\n`);
      log(markdownTable(report));
      if (!valid) {
        log('\nINVALID: the answer checks failed (above), so these timings do not compare the same work.');
        process.exitCode = 1;
      }
    }
  }
} finally {
  for (const child of children) await stopChild(child);
  await driver.close();
  await embedded.stop();
}

function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

function markdownTable(report: {
  scale: string;
  valid: boolean;
  results: Array<{
    question: string;
    ours: LoadResult;
    neo4jGraphql: LoadResult | { unsupported: string };
    cypher: LoadResult;
    ratios: { rpsOursToNeo4jGraphql: number | null; p95OursToCypher: number; p50OursToCypher: number };
  }>;
  checks: Array<{ question: string; oursMatchesCypher: boolean | null; neo4jGraphqlMatchesCypher: boolean | null }>;
  typename: { ours: LoadResult };
  memory: Record<string, number>;
}): string {
  const floor = report.typename.ours.p50;
  const lines = [
    ...(report.valid ? [] : ['**INVALID RUN: answer checks failed; these timings are not comparable.**', '']),
    `| ${report.scale}: question | same ids as Cypher (ours / @neo4j/graphql; - not asked or timed out) | req/s × @neo4j/graphql | p95 × Cypher | p50 × Cypher | p50 × \`{ __typename }\` | errors |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of report.results) {
    const check = report.checks.find((c) => c.question === r.question);
    const mark = (v: boolean | null | undefined) => (v === null ? '-' : v ? 'yes' : 'NO');
    lines.push(
      `| ${r.question} | ${mark(check?.oursMatchesCypher)} / ${mark(check?.neo4jGraphqlMatchesCypher)} | ` +
        `${'unsupported' in r.neo4jGraphql ? 'n/a' : fixed(r.ratios.rpsOursToNeo4jGraphql)} | ${fixed(r.ratios.p95OursToCypher)} | ` +
        `${fixed(r.ratios.p50OursToCypher)} | ${fixed(r.ours.p50 / floor, 1)} | ${r.ours.errors} |`,
    );
  }
  lines.push(
    '',
    `Peak RSS: our server ${fixed(report.memory['oursPeakRssMiB'], 0)} MiB, @neo4j/graphql ${fixed(report.memory['neo4jGraphqlPeakRssMiB'], 0)} MiB, JVM ${fixed(report.memory['jvmPeakRssMiB'], 0)} MiB.`,
  );
  return lines.join('\n');
}
