/**
 * Internal: how a running server shares its embedded Neo4j with the command-line tools.
 *
 * The embedded Neo4j locks its data folder, listens on loopback only and has a password chosen at start (random
 * unless NEO4J_PASSWORD is set), so a second process can neither open the folder nor log in. The server therefore
 * writes where its Neo4j listens and how to log in into `connection.json` in the data folder, readable by its
 * owner only (mode 0600, like the store files beside it, which hold the data itself), and removes it when it
 * stops. `npm run import`, `npm run dump` and the other tools read it and connect over Bolt like any client, so
 * an import runs its own validated, all-or-nothing transaction beside the server's requests (the model of
 * Jupyter's kernel connection files and PostgreSQL's postmaster.pid).
 *
 * A file left by a killed server names a process that is gone: it is ignored, and the tool starts the embedded
 * Neo4j itself as it would without a server.
 */
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from '../errors.ts';

const FILE_NAME = 'connection.json';

const connectionSchema = z.object({
  uri: z.string().regex(/^bolt:\/\/\S+$/),
  user: z.string().min(1),
  password: z.string().min(1),
  /** The process that owns the Neo4j (the server) and the Neo4j JVM itself. */
  serverPid: z.number().int().positive(),
  neo4jPid: z.number().int().positive(),
});

export type PublishedConnection = z.infer<typeof connectionSchema>;

export function connectionFilePath(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

/**
 * Writes the connection file (atomically: a reader sees the whole file or none), mode 0600. Returns the function
 * that removes it again, which removes only the file this call wrote.
 */
export function publishConnection(dataDir: string, connection: PublishedConnection): () => void {
  const file = connectionFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return () => {
    if (readPublished(file)?.serverPid === connection.serverPid) rmSync(file, { force: true });
  };
}

/**
 * The connection of the server running on this data folder, or undefined when none runs (no file, or the file of
 * a server or Neo4j that has gone). Throws when the file can be read by others than its owner: a password there
 * is not private any more, and the operator should know.
 */
export function readConnection(dataDir: string): PublishedConnection | undefined {
  const file = connectionFilePath(dataDir);
  const connection = readPublished(file);
  if (connection === undefined) return undefined;
  if (!isAlive(connection.serverPid) || !isAlive(connection.neo4jPid)) return undefined;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new StartupError(
      `${file} is readable by other users (mode ${mode.toString(8)}); it holds the running Neo4j's password. ` +
        `Restrict it (chmod 600 ${file}) and restart the server to choose a new password.`,
    );
  }
  return connection;
}

function readPublished(file: string): PublishedConnection | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = connectionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs as this user (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone; EPERM: the id now belongs to another user's process, so not the server that wrote the file.
    return false;
  }
}
