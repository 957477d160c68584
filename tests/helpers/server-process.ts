/**
 * Test helper: runs the real server (`node --import tsx src/main.ts`, what `npm start` runs) as a child process
 * and follows its output, so tests see exactly what a user sees.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts the server with exactly `env` added to a minimal environment (PATH, HOME, JAVA_HOME). */
export function spawnServer(env: Record<string, string | undefined>): ServerProcess {
  const base: Record<string, string> = { NODE_ENV: 'test' };
  for (const name of ['PATH', 'HOME', 'JAVA_HOME', 'MAVEN_OPTS']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => output, exited };
}

/** Waits for the server to print its GraphQL URL; rejects with its output if it exits or times out first. */
export async function waitForGraphqlUrl(server: ServerProcess, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    const match = /GraphQL endpoint: (http:\/\/[^\s"]+)/.exec(server.output());
    if (match?.[1]) return match[1];
    if (ended) throw new Error(`server exited before it was ready:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.child.kill('SIGKILL');
  throw new Error(`server not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** The JVM pid the server logged when its embedded Neo4j became ready. */
export function embeddedNeo4jPid(server: ServerProcess): number {
  const match = /"pid":(\d+)[^\n]*embedded Neo4j ready/.exec(server.output());
  if (!match?.[1]) throw new Error(`no embedded Neo4j pid in the output:\n${server.output()}`);
  return Number(match[1]);
}

/** True while the process exists and is not a zombie (an exited child that nobody has reaped yet). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isProcessAlive(pid);
}

/** Posts a GraphQL operation and returns the parsed JSON body. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}
