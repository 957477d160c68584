/**
 * Internal: runs the embedded Neo4j (Community 5.26 LTS from Maven Central, see neo4j-launcher/) as a child JVM.
 * It runs what `npm run build` built (launcher-output.ts) and builds nothing itself.
 *
 * Contract: `startEmbeddedNeo4j` resolves once Bolt accepts connections on 127.0.0.1:port, or rejects with a
 * StartupError that names the setting to change (or `npm run build` when the launcher is not built or out of
 * date); it never leaves a JVM behind when it rejects. The JVM exits when its stdin closes, so it cannot outlive
 * this process even if this process is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import type { Logger } from 'pino';
import { assertBuilt } from '../build-output/source-stamp.ts';
import { StartupError } from '../errors.ts';
import { findJava } from './find-java.ts';
import { LAUNCHER_CLASSPATH, LAUNCHER_MAIN_CLASS, LAUNCHER_OUTPUT } from './launcher-output.ts';

const LOOPBACK = '127.0.0.1';
const STOP_GRACE_MS = 20_000;
const KILL_GRACE_MS = 10_000;

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  /** Password to set on the built-in user `neo4j`; a random one when undefined. */
  password: string | undefined;
  startupTimeoutMs: number;
  logger: Logger;
  /** Aborting it while the JVM starts stops the JVM and rejects with a StartupError. */
  signal?: AbortSignal;
  /** Called when the JVM exits after it was ready without having been asked to stop (a crash, out of memory). */
  onUnexpectedExit?: (description: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The JVM's process id, for diagnostics and tests. */
  pid: number;
  /** Shuts the database down cleanly (waits for the JVM to exit); safe to call more than once. */
  stop(): Promise<void>;
}

export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const { logger } = options;
  const java = findJava();
  assertBuilt(LAUNCHER_OUTPUT, 'Or set NEO4J_URI to use an existing Neo4j 5 server.');
  await assertPortFree(options.port);
  mkdirSync(options.dataDir, { recursive: true });

  const password = options.password ?? randomBytes(18).toString('base64url');
  const started = Date.now();
  const child = spawn(
    java,
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      LAUNCHER_CLASSPATH,
      LAUNCHER_MAIN_CLASS,
      options.dataDir,
    ],
    {
      env: {
        ...process.env,
        KG_NEO4J_HOST: LOOPBACK,
        KG_NEO4J_PORT: String(options.port),
        KG_NEO4J_PAGECACHE: options.pageCache,
        KG_NEO4J_PASSWORD: password,
      },
      // Own process group: a terminal's Ctrl-C reaches only us, and we stop the database after draining HTTP.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) {
    throw new StartupError(`Could not start Java (${java}) for the embedded Neo4j.`);
  }
  const stderrTail = collectTail(child);
  logger.info({ pid, dataDir: options.dataDir }, 'starting the embedded Neo4j');

  try {
    await waitForReady(child, options.startupTimeoutMs, options.signal);
  } catch (error) {
    await stopChild(child);
    if (options.signal?.aborted) {
      throw new StartupError('Start-up was interrupted; the embedded Neo4j has been stopped.');
    }
    const output = stderrTail().join('\n');
    if (/ERROR PORT_IN_USE/.test(output)) {
      throw portInUse(options.port);
    }
    if (/ERROR DATA_DIR_LOCKED/.test(output)) {
      throw new StartupError(
        `Another process is using the Neo4j data folder ${options.dataDir} (perhaps another copy of this server). ` +
          'Stop it, or point NEO4J_EMBEDDED_DATA_DIR at another folder.',
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `The embedded Neo4j (data folder ${options.dataDir}, Bolt port ${options.port}) did not become ready: ${reason}. ` +
        `Its last output: ${lastLines(output)}. Check NEO4J_EMBEDDED_DATA_DIR and NEO4J_EMBEDDED_PORT, ` +
        'raise NEO4J_STARTUP_TIMEOUT_SECONDS on a slow machine, or set NEO4J_URI to use another Neo4j.',
    );
  }
  logger.info(
    { pid, dataDir: options.dataDir, ms: Date.now() - started },
    `embedded Neo4j ready on bolt://${LOOPBACK}:${options.port}`,
  );

  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    const description =
      `the embedded Neo4j (pid ${pid}) exited unexpectedly (${signal ?? `status ${code}`}); ` +
      `its last output: ${lastLines(stderrTail().join('\n'), 5)}`;
    if (options.onUnexpectedExit) options.onUnexpectedExit(description);
    else logger.error(description);
  });

  return {
    uri: `bolt://${LOOPBACK}:${options.port}`,
    user: 'neo4j',
    password,
    pid,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

function portInUse(port: number): StartupError {
  return new StartupError(
    `Port ${port} on ${LOOPBACK} is already in use, so the embedded Neo4j cannot listen for Bolt there. ` +
      'Stop whatever holds it (perhaps another copy of this server) or choose another port with NEO4J_EMBEDDED_PORT.',
  );
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? portInUse(port) : error),
    );
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve()));
  });
}

function waitForReady(child: ChildProcess, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onAbort = (): void => finish(new Error('start-up was interrupted'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      if (/^READY /m.test(stdout)) finish();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`the JVM exited (${signal ?? `status ${code}`}) before it was ready`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Keeps the last lines the JVM wrote to stderr, for error messages. */
function collectTail(child: ChildProcess, keep = 40): () => string[] {
  const lines: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > keep) lines.splice(0, lines.length - keep);
  });
  child.stdout?.resume();
  return () => lines;
}

function lastLines(text: string, count = 3): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines.length === 0 ? '(none)' : lines.slice(-count).join(' | ');
}

/**
 * Closes the JVM's stdin (the launcher's signal to shut down cleanly, at any stage), then waits; past the grace
 * period it sends SIGTERM (which also shuts down cleanly), and SIGKILL only if that fails too.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const term = setTimeout(() => child.kill('SIGTERM'), STOP_GRACE_MS);
  const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS + KILL_GRACE_MS);
  await exited;
  clearTimeout(term);
  clearTimeout(kill);
}
