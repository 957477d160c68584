/**
 * Test helper: runs a command-line tool (`src/cli/*.ts`, what `npm run seed`, `import`, `dump` and `generate` run)
 * as a child process with a minimal environment, as a user would from a terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) and the whole output once the process has ended. */
  exited: Promise<{ code: number | string; output: string }>;
}

/** Starts `node --import tsx src/cli/<tool>.ts ...args` with `env` added to PATH, HOME and JAVA_HOME. */
export function spawnCli(tool: string, args: string[], env: Record<string, string | undefined>): CliProcess {
  const base: Record<string, string> = { NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  for (const name of ['PATH', 'HOME', 'JAVA_HOME']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', `${tool}.ts`), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | string; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', output })),
  );
  return { child, output: () => output, exited };
}

/** Runs a tool to its end. */
export function runCli(
  tool: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | string; output: string }> {
  return spawnCli(tool, args, env).exited;
}
