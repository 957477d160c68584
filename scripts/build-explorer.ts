/**
 * `npm run build:explorer`: builds the explorer page into explorer/dist (always, even when the stamp says it is
 * current, so a developer can force a rebuild).
 */
import { buildExplorer, EXPLORER_DIST } from '../src/explorer-page/explorer-bundle.ts';

await buildExplorer();
process.stdout.write(`explorer page built into ${EXPLORER_DIST}\n`);
