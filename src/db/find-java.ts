/**
 * Internal: the Java that runs the embedded Neo4j: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on
 * PATH. Neo4j 5.26 needs Java 17 or newer; `findJava` throws a StartupError saying what to install otherwise.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { StartupError } from '../errors.ts';

const MIN_MAJOR = 17;

export function findJava(): string {
  const javaHome = process.env['JAVA_HOME'];
  const java = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new StartupError(
      `Java was not found (tried ${java}). The embedded Neo4j needs Java ${MIN_MAJOR} or newer: install it ` +
        '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  // `java -version` prints `version "17.0.9"` (or `"1.8.0_392"` before Java 9) on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  if (!(major >= MIN_MAJOR)) {
    throw new StartupError(
      `The embedded Neo4j needs Java ${MIN_MAJOR} or newer; ${java} is version ${match?.[0] ?? 'unknown'}. ` +
        'Set JAVA_HOME to a Java 17 or 21 installation, or set NEO4J_URI to an existing Neo4j 5 server.',
    );
  }
  return java;
}
