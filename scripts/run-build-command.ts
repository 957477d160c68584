/**
 * Runs one command of a build (mvn, vite) as a child process whose output goes straight to the terminal, and
 * turns its failure into a BuildError: one paragraph saying what failed and what to do.
 */
import { spawn } from 'node:child_process';

/** A build that cannot be done; `npm run build` prints the message without a stack trace and exits 1. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}

export interface BuildCommand {
  command: string;
  args: readonly string[];
  cwd: string;
  /** For messages, e.g. "mvn package in neo4j-launcher/". */
  what: string;
  /** The message when `command` itself is not found (say what to install). */
  notFound: string;
  /** Advice added to the message when the command fails. */
  onFailure: string;
}

export async function runBuildCommand(step: BuildCommand): Promise<void> {
  const status = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(step.command, step.args, { cwd: step.cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new BuildError(step.notFound) : error),
    );
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  if (status !== 0) {
    throw new BuildError(`${step.what} failed (exit ${status}; its output is above). ${step.onFailure}`);
  }
}
