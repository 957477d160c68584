/**
 * Internal: NODE_ENV is `production` unless set (the default src/config.ts documents), before any library reads
 * it: graphql-js and Express choose their production code paths when they load (graphql-js's development-only
 * checks cost about 4 % of the server's CPU on a nested query). main.ts imports this first.
 */
process.env['NODE_ENV'] ??= 'production';
