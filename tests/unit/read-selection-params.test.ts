import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api-schema.ts';
import { readSelectionParams } from '../../src/export/read-selection-params.ts';

const served = buildSchema(loadTypeDefs());

/** The served schema with NeighborhoodSelection's `depth = 1` and PathSelection's `maxHops = 6` changed. */
const changedDefaults = buildSchema(
  loadTypeDefs()
    .replace(/(input NeighborhoodSelection \{[^}]*depth: Int = )1/, '$12')
    .replace(/(input PathSelection \{[^}]*maxHops: Int = )6/, '$13'),
);

describe('export parameters are coerced through the schema', () => {
  it('takes its defaults from the input types', () => {
    expect(readSelectionParams({ root: 'company:kioxia' }, served)).toMatchObject({ depth: 1, limit: 100 });
    expect(readSelectionParams({ root: 'company:kioxia' }, changedDefaults)).toMatchObject({ depth: 2 });
    expect(readSelectionParams({ from: 'a', to: 'b' }, changedDefaults)).toMatchObject({ maxHops: 3 });
  });

  it('reads HTTP text as the field types: integers, comma-separated enum lists, a nested filter', () => {
    expect(
      readSelectionParams({ root: 'company:kioxia', depth: '2', types: 'OPERATES,BASED_IN' }, served),
    ).toMatchObject({ depth: 2, types: ['OPERATES', 'BASED_IN'] });
    expect(
      readSelectionParams({ selection: 'cross-reference', categories: 'semiconductors', minCategories: '2' }, served),
    ).toMatchObject({ kind: 'crossReference', filter: { categories: ['semiconductors'], minCategories: 2 } });
  });

  it.each([
    [{ root: 'x', types: 'NOT_A_TYPE' }, 'types'],
    [{ root: 'x', asOf: '2022-13' }, 'asOf'],
    [{ from: 'a' }, 'to'],
    [{ selection: 'cross-reference', linkTypes: 'NOPE' }, 'linkTypes'],
  ])('refuses %j naming %s', (params, argument) => {
    expect(() => readSelectionParams(params, served)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) }),
    );
  });
});
