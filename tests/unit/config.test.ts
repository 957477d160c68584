import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig: defaults', () => {
  it('uses the embedded Neo4j in .data/neo4j and serves on port 4000 when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.database.source).toEqual({
      kind: 'embedded',
      dataDir: path.resolve('/srv/app', '.data/neo4j'),
      port: 7687,
      heap: '512m',
      pageCache: '256m',
      password: undefined,
    });
    expect(config.database.name).toBe('neo4j');
    expect(config.seedOnStart).toBe(true);
    expect(config.environment).toBe('production');
  });

  it('uses the server NEO4J_URI names, with its credentials', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_PASSWORD: 'a-long-secret' });
    expect(config.database.source).toEqual({
      kind: 'external',
      uri: 'neo4j+s://example.databases.neo4j.io',
      user: 'neo4j',
      password: 'a-long-secret',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '' }).http.port).toBe(4000);
  });
});

describe('loadConfig: bad values name the variable', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT="abc" is invalid/],
    [{ PORT: '70000' }, /PORT="70000" is invalid: expected a port number from 1 to 65535/],
    [{ PORT: '0x1F90' }, /PORT="0x1F90" is invalid/],
    [{ NEO4J_EMBEDDED_HEAP: '0m' }, /NEO4J_EMBEDDED_HEAP="0m" is invalid/],
    [
      { NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'a-long-secret' },
      /NEO4J_URI="http:\/\/localhost:7474" is invalid: expected a Bolt URI/,
    ],
    [{ NEO4J_EMBEDDED_HEAP: 'lots' }, /NEO4J_EMBEDDED_HEAP="lots" is invalid: expected a size such as 512m/],
    [{ NEO4J_PASSWORD: 'short' }, /NEO4J_PASSWORD=\(5 characters\) is invalid: expected at least 8 characters/],
    [{ SEED_ON_START: 'maybe' }, /SEED_ON_START="maybe" is invalid/],
  ])('%j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a password, even a wrong one', () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: 'hunter2' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEO4J_PASSWORD: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('asks for NEO4J_PASSWORD when NEO4J_URI is set without one', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      /NEO4J_URI is set \(bolt:\/\/db:7687\) but NEO4J_PASSWORD is not/,
    );
  });
});

describe('loadConfig: request limits', () => {
  it('defaults to the documented limits', () => {
    expect(loadConfig({}).limits).toEqual({
      costBudget: 50_000,
      timeBudgetMs: 10_000,
      maxStatements: 100,
      maxResponseBytes: 4 * 1024 * 1024,
      heavyCostThreshold: 500,
      heavyConcurrencyMax: 8,
      heavyQueueMax: 1_000,
      retryAfterSeconds: 2,
    });
  });

  it('reads each limit, sizes in bytes or with a unit', () => {
    const { limits } = loadConfig({
      REQUEST_COST_BUDGET: '5000',
      REQUEST_TIME_BUDGET_MS: '2500',
      REQUEST_MAX_STATEMENTS: '10',
      RESPONSE_MAX_SIZE: '512k',
      HEAVY_COST_THRESHOLD: '2000',
      HEAVY_CONCURRENCY_MAX: '1',
      HEAVY_QUEUE_MAX: '0',
      SERVER_BUSY_RETRY_AFTER_SECONDS: '5',
    });
    expect(limits).toEqual({
      costBudget: 5000,
      timeBudgetMs: 2500,
      maxStatements: 10,
      maxResponseBytes: 512 * 1024,
      heavyCostThreshold: 2000,
      heavyConcurrencyMax: 1,
      heavyQueueMax: 0,
      retryAfterSeconds: 5,
    });
    expect(loadConfig({ RESPONSE_MAX_SIZE: '1000' }).limits.maxResponseBytes).toBe(1000);
  });

  it.each([
    [{ REQUEST_COST_BUDGET: '0' }, /REQUEST_COST_BUDGET="0" is invalid/],
    [{ RESPONSE_MAX_SIZE: '4 MB' }, /RESPONSE_MAX_SIZE="4 MB" is invalid: expected a size in bytes, or such as 512k/],
    [{ HEAVY_CONCURRENCY_MAX: '0' }, /HEAVY_CONCURRENCY_MAX="0" is invalid/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
