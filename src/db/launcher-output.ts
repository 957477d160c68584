/**
 * Internal: the embedded Neo4j launcher as `npm run build` leaves it (scripts/build-launcher.ts runs `mvn package`
 * in neo4j-launcher/): its classes and Neo4j's jars from Maven Central in neo4j-launcher/target, with a stamp of
 * the sources they were built from.
 */
import path from 'node:path';
import { REPO_ROOT, type BuildOutput } from '../build-output/source-stamp.ts';

export const LAUNCHER_OUTPUT: BuildOutput = {
  name: 'the embedded Neo4j launcher',
  root: REPO_ROOT,
  dir: 'neo4j-launcher/target',
  stampFile: 'build-stamp',
  sources: ['neo4j-launcher/pom.xml', 'neo4j-launcher/src'],
};

export const LAUNCHER_DIR = path.join(REPO_ROOT, 'neo4j-launcher');
export const LAUNCHER_MAIN_CLASS = 'org.kgserver.launcher.EmbeddedNeo4j';

/** The JVM's class path: the launcher's classes and every jar Maven copied beside them. */
export const LAUNCHER_CLASSPATH = [
  path.join(REPO_ROOT, LAUNCHER_OUTPUT.dir, 'classes'),
  path.join(REPO_ROOT, LAUNCHER_OUTPUT.dir, 'lib', '*'),
].join(path.delimiter);
