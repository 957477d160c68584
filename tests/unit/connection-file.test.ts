/**
 * The connection file a running server leaves in the embedded data folder (src/db/connection-file.ts): private to
 * its owner, read only while the processes it names run, refused when others could read the password.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionFilePath, publishConnection, readConnection } from '../../src/db/connection-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-connection-file-'));
const connection = {
  uri: 'bolt://127.0.0.1:7687',
  user: 'neo4j',
  password: 'a-random-password',
  serverPid: process.pid,
  neo4jPid: process.pid,
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has exited. */
async function goneProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('connection file', () => {
  it('is written with mode 0600 and read back while its processes run', () => {
    const unpublish = publishConnection(dir, connection);
    expect(statSync(connectionFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(readConnection(dir)).toEqual(connection);
    unpublish();
    expect(existsSync(connectionFilePath(dir))).toBe(false);
    expect(readConnection(dir)).toBeUndefined();
  });

  it('is ignored when the server that wrote it is gone', async () => {
    publishConnection(dir, { ...connection, serverPid: await goneProcessId() });
    expect(readConnection(dir)).toBeUndefined();
  });

  it('is ignored when it is not a connection file', () => {
    writeFileSync(connectionFilePath(dir), '{"uri": 42}', { mode: 0o600 });
    expect(readConnection(dir)).toBeUndefined();
  });

  it('is refused, with the fix, when other users can read it', () => {
    publishConnection(dir, connection);
    chmodSync(connectionFilePath(dir), 0o644);
    expect(() => readConnection(dir)).toThrow(/readable by other users \(mode 644\).*chmod 600/);
  });

  it('is removed only by the server that wrote it', () => {
    const unpublishFirst = publishConnection(dir, { ...connection, serverPid: 1 });
    publishConnection(dir, connection);
    unpublishFirst();
    expect(existsSync(connectionFilePath(dir))).toBe(true);
  });
});
