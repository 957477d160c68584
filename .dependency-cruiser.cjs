/**
 * The layering of src/, checked by `npm run lint:layers` (part of `npm run check`). From the bottom up:
 *
 *   model/, db/, errors, config       the knowledge model, the database runner, public error codes
 *   graph/                            every read statement
 *   store/                            the write model: validation and every write statement
 *   analytics/                        graph algorithms over a projection (no database)
 *   measures/                         graph measures: a projection read, an algorithm run, the answer cached
 *   loaders/, limits/, observability/ per-request machinery
 *   export/, seed/, generate/, curation/, resolvers/, subscriptions/, playground/, explorer-page/, cli/, server,
 *   main
 *
 * A lower layer never imports a higher one; nothing imports bench/ or tests/.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const LOWER = '^src/(model|db|graph|store|analytics)/';
const HIGHER =
  '^src/(resolvers|subscriptions|export|curation|seed|generate|cli|playground|explorer-page|loaders|limits|observability|measures)/|^src/(server|main|context)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'lower-imports-higher',
      comment: 'model/, db/, graph/, store/ and analytics/ serve the layers above them and never import them.',
      severity: 'error',
      from: { path: LOWER },
      to: { path: HIGHER },
    },
    {
      name: 'model-imports-database',
      comment: 'The knowledge model is plain data and functions: no statements, no writers.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(db|graph|store|analytics)/' },
    },
    {
      name: 'graph-imports-store',
      comment: "Reads never depend on the write model (the write model may use the reads' row mappers).",
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'analytics-imports-database',
      comment: 'The graph algorithms work on a projection handed to them; the graph layer reads it.',
      severity: 'error',
      from: { path: '^src/analytics/' },
      to: { path: '^src/(db|graph|store)/' },
    },
    {
      name: 'export-imports-resolvers',
      comment: 'Exports are an entry of their own; what they share with resolvers lives below both.',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: '^src/resolvers/' },
    },
    {
      name: 'imports-bench-or-tests',
      comment: 'Benchmarks and tests use the code; nothing uses them.',
      severity: 'error',
      from: { pathNot: '^(bench|tests)/' },
      to: { path: '^(bench|tests)/' },
    },
    {
      name: 'bench-imports-tests',
      comment: 'Benchmarks do not borrow test helpers.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/generated/' },
  },
};
