/**
 * Builds the embedded Neo4j launcher: `mvn clean package` in neo4j-launcher/ compiles it and copies Neo4j's jars
 * from Maven Central into neo4j-launcher/target, then stamps the output with the sources it was built from
 * (src/db/launcher-output.ts), which the server checks at start.
 */
import path from 'node:path';
import { sourceStamp, writeStamp } from '../src/build-output/source-stamp.ts';
import { LAUNCHER_DIR, LAUNCHER_OUTPUT } from '../src/db/launcher-output.ts';
import { runBuildCommand } from './run-build-command.ts';

export async function buildLauncher(): Promise<void> {
  const stamp = sourceStamp(LAUNCHER_OUTPUT);
  await runBuildCommand({
    command: 'mvn',
    // `clean` first: after a Neo4j version bump, no jar of the old version may stay on the class path.
    args: ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'clean', 'package'],
    cwd: LAUNCHER_DIR,
    what: 'Building the embedded Neo4j launcher (mvn package in neo4j-launcher/)',
    notFound:
      'Maven (mvn) was not found. The embedded Neo4j launcher is built with Maven, which fetches Neo4j from Maven ' +
      'Central: install it (Debian/Ubuntu: apt-get install maven), or set NEO4J_URI to an existing Neo4j 5 server ' +
      '(then `npm run build` skips the launcher).',
    onFailure: 'Check that Maven Central is reachable and that Java 17 or newer is installed, or set NEO4J_URI.',
  });
  writeStamp(LAUNCHER_OUTPUT, stamp);
}
