/**
 * gateHeavyFields (src/limits/heavy-field-gate.ts) with the fields schema.graphql marks `@heavy`: the expensive
 * fields, the disruption report's lists among them, take a place in the server-wide gate; with every place taken
 * and no queue, another is refused with SERVER_BUSY.
 */
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api-schema.ts';
import { gateHeavyFields, HeavyFieldGate } from '../../src/limits/heavy-field-gate.ts';
import { heavyFields } from '../../src/limits/schema-directives.ts';

const HEAVY = heavyFields(buildSchema(loadTypeDefs()));

/** A resolver that holds its place until `release` is called. */
function holding() {
  let release = () => {};
  const held = new Promise<string>((resolve) => (release = () => resolve('done')));
  return { resolve: () => held, release: () => release() };
}

describe('the heavy-field gate', () => {
  it.each([
    ['Query', 'neighborhood'],
    ['DisruptionReport', 'affected'],
    ['DisruptionReport', 'removedLinks'],
  ])('gates %s.%s: a second request finds the one place taken and is told SERVER_BUSY', async (type, field) => {
    const gate = new HeavyFieldGate({ heavyConcurrency: 1, heavyQueue: 0, retryAfterSeconds: 7 });
    const first = holding();
    const gated = gateHeavyFields({ [type]: { [field]: first.resolve } }, gate, HEAVY) as Record<
      string,
      Record<string, (...args: unknown[]) => Promise<unknown>>
    >;
    const resolve = gated[type]![field]!;
    const running = resolve({}, {}, {}, {});
    await Promise.resolve();
    expect(gate.load.running).toBe(1);
    await expect(resolve({}, {}, {}, {})).rejects.toMatchObject({
      extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 7 },
    });
    first.release();
    await expect(running).resolves.toBe('done');
  });

  it('reads the heavy fields off the schema: the analytics and subgraph fields, and no lookup', () => {
    expect(HEAVY['Query']).toEqual(expect.arrayContaining(['neighborhood', 'supplyRisk', 'disruption', 'centrality']));
    expect(HEAVY['Query']).not.toContain('entity');
    expect(HEAVY['DisruptionReport']?.sort()).toEqual(
      ['affected', 'itemsWithOneSupplier', 'itemsWithoutSupplier', 'removedLinks'].sort(),
    );
  });

  it('leaves the other fields alone', async () => {
    const gate = new HeavyFieldGate({ heavyConcurrency: 1, heavyQueue: 0, retryAfterSeconds: 7 });
    const cheap = () => 'cheap';
    const gated = gateHeavyFields({ DisruptionReport: { affectedCount: cheap } }, gate, HEAVY);
    expect(gated.DisruptionReport.affectedCount).toBe(cheap);
  });
});
