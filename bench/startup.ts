/**
 * Start-up benchmark (`npm run bench:startup`): the server with its embedded Neo4j, from `node` to "GraphQL
 * endpoint" printed, cold (empty data folder) and warm (existing data), and the JVM's resident memory once ready.
 * Baseline in the same run: the bare embedded Neo4j (launcher alone, no Node server, no schema, no seed), so the
 * ratios say what our start-up adds on top of the database's own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import getPort from 'get-port';
import { median } from './median.ts';
import { startEmbeddedNeo4j } from '../src/db/embedded-neo4j.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}

/** Starts the real server on `dataDir`; resolves with seconds to ready and the JVM's RSS, after stopping it. */
async function serverStart(dataDir: string): Promise<{ seconds: number; jvmRssMiB: number; nodeRssMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(await getPort({ host: '127.0.0.1' })),
      NEO4J_EMBEDDED_PORT: String(await getPort({ host: '127.0.0.1' })),
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_URI: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const seconds = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('GraphQL endpoint')) resolve((performance.now() - started) / 1000);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before ready:\n${output}`)));
  });
  const jvmPid = Number(/"pid":(\d+)[^\n]*embedded Neo4j ready/.exec(output)?.[1]);
  const result = { seconds, jvmRssMiB: rssMiB(jvmPid), nodeRssMiB: rssMiB(child.pid ?? 0) };
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return result;
}

async function bareNeo4jStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: await getPort({ host: '127.0.0.1' }),
    heap: '512m',
    pageCache: '256m',
    password: undefined,
    startupTimeoutMs: 120_000,
    logger: pino({ level: 'silent' }),
  });
  const seconds = (performance.now() - started) / 1000;
  await neo4j.stop();
  return seconds;
}

const cold: number[] = [];
const warm: number[] = [];
const bare: number[] = [];
const jvmRss: number[] = [];
const nodeRss: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const bareDir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-bare-'));
  bare.push(await bareNeo4jStart(bareDir));
  rmSync(bareDir, { recursive: true, force: true });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-server-'));
  const first = await serverStart(dataDir);
  cold.push(first.seconds);
  const second = await serverStart(dataDir);
  warm.push(second.seconds);
  jvmRss.push(second.jvmRssMiB);
  nodeRss.push(second.nodeRssMiB);
  rmSync(dataDir, { recursive: true, force: true });
}

const baseline = median(bare);
const rows = [
  ['bare embedded Neo4j start (baseline)', baseline, 1],
  ['server cold start (empty data folder: schema + seed)', median(cold), median(cold) / baseline],
  ['server warm restart (existing data)', median(warm), median(warm) / baseline],
] as const;
console.log(`\nStart-up on ${os.cpus().length} cores, median of ${RUNS} runs (seconds, ratio to baseline)`);
for (const [name, seconds, ratio] of rows) {
  console.log(`  ${name.padEnd(54)} ${seconds.toFixed(2).padStart(6)} s  x${ratio.toFixed(2)}`);
}
console.log(`  JVM resident memory once ready (warm)                  ${median(jvmRss).toFixed(0).padStart(6)} MiB`);
console.log(`  Node resident memory once ready (warm)                 ${median(nodeRss).toFixed(0).padStart(6)} MiB`);
