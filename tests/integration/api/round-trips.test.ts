/**
 * No N+1: a nested query costs a number of database round trips bounded by its depth, whatever the number of
 * results; a root field and the typed fields selected below it are one statement (src/resolvers/plan-selection.ts).
 * Round trips are counted by the query runner itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../src/model/vocabulary.ts';
import type { RelatedFieldSpec } from '../../../src/model/typed-fields.ts';
import { MAX_PLANNED_FIELDS } from '../../../src/resolvers/plan-selection.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

// Four levels below the list: materials -> suppliers -> facilities -> operators, plus subMaterials.
const NESTED = `query($first: Int) {
  entities(kind: Material, first: $first) {
    totalCount
    edges { node { id ... on Material {
      subMaterials { id }
      suppliers { id ... on Company {
        facilities { id ... on Facility { operators { id } } }
      } }
    } } }
  }
}`;

async function roundTrips(first: number): Promise<{ statements: number; materials: number; suppliers: number }> {
  const before = api.db.runner.statementCount;
  const { data, errors } = await api.graphql(NESTED, { first });
  expect(errors).toBeUndefined();
  const edges = data?.entities.edges as any[];
  return {
    statements: api.db.runner.statementCount - before,
    materials: edges.length,
    suppliers: edges.reduce((n, e) => n + e.node.suppliers.length, 0),
  };
}

describe('round trips: bounded by depth, not by results', () => {
  it('costs at most one statement per level for 3 materials and for 60', async () => {
    const few = await roundTrips(3);
    const many = await roundTrips(60);
    expect(few.materials).toBe(3);
    expect(many.materials).toBe(60);
    expect(many.suppliers).toBeGreaterThan(30); // the test really fans out
    // The page with subMaterials, suppliers, facilities and operators, and the count: two, against 60 materials
    // and their suppliers.
    expect(many.statements).toBe(2);
    expect(few.statements).toBe(2);
  });
});

/** The ids a typed relationship field reaches from `id`, asked of Neo4j directly from the field's spec. */
async function reachedIds(field: RelatedFieldSpec, ids: readonly string[]): Promise<Map<string, string[]>> {
  const pattern = field.direction === 'OUT' ? '(n)-[r]->(m:Entity)' : '(n)<-[r]-(m:Entity)';
  const rows = await api.db.runner.read<{ id: string; reached: string[] }>(
    'test.reached',
    `UNWIND $ids AS id MATCH (n:Entity {id: id})
     OPTIONAL MATCH ${pattern} WHERE type(r) IN $types AND ($kinds IS NULL OR m.kind IN $kinds)
     RETURN id, collect(DISTINCT m.id) AS reached`,
    { ids, types: field.types, kinds: field.kinds ?? null },
  );
  return new Map(rows.map((row) => [row.id, [...row.reached].sort()]));
}

const fieldsOf = (kind: string) => VOCABULARY.kinds[kind]?.fields ?? {};
const ids = (entities: Array<{ id: string }>) => entities.map((e) => e.id).sort();

describe('a chain of typed fields: one statement', () => {
  const CHAIN = `query($id: ID!) { entity(id: $id) { ... on Company {
    materials { id suppliers { id country { id } } } } } }`;

  it('reads company -> materials -> suppliers -> countries in one statement, with what Neo4j holds', async () => {
    const [company] = await api.db.runner.read<{ id: string }>(
      'test.company',
      `MATCH (c:Company)-[r]->(:Material)<-[r2]-(:Company)
       WHERE type(r) IN $types AND type(r2) IN $types RETURN c.id AS id ORDER BY id LIMIT 1`,
      { types: (fieldsOf('Company')['materials'] as RelatedFieldSpec).types },
    );
    expect(company).toBeDefined();
    const before = api.db.runner.statementCount;
    const { data, errors } = await api.graphql(CHAIN, { id: company?.id });
    expect(errors).toBeUndefined();
    // The entity and the three levels below it.
    expect(api.db.runner.statementCount - before).toBe(1);

    const materials = data?.entity.materials as Array<{ id: string; suppliers: any[] }>;
    const suppliers = materials.flatMap((m) => m.suppliers) as Array<{ id: string; country: { id: string } | null }>;
    expect(suppliers.length).toBeGreaterThan(0);
    const expectedMaterials = await reachedIds(fieldsOf('Company')['materials'] as RelatedFieldSpec, [company!.id]);
    expect(ids(materials)).toEqual(expectedMaterials.get(company!.id));
    const expectedSuppliers = await reachedIds(
      fieldsOf('Material')['suppliers'] as RelatedFieldSpec,
      materials.map((m) => m.id),
    );
    for (const material of materials) expect(ids(material.suppliers)).toEqual(expectedSuppliers.get(material.id));
    const expectedCountries = await reachedIds(
      fieldsOf('Company')['country'] as RelatedFieldSpec,
      suppliers.map((s) => s.id),
    );
    for (const supplier of suppliers) {
      expect(supplier.country ? [supplier.country.id] : []).toEqual(expectedCountries.get(supplier.id));
    }
  });

  it('reads the fields beyond MAX_PLANNED_FIELDS through the loader, and answers the same', async () => {
    // Under materials: `MAX_PLANNED_FIELDS` aliases of suppliers, one field too many for one statement.
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `s${i}: suppliers(first: ${i + 1}) { id }`).join(' ');
    const query = (n: number) =>
      `query($id: ID!) { entity(id: $id) { ... on Company { materials { id ${aliases(n)} } } } }`;
    const [company] = await api.db.runner.read<{ id: string }>(
      'test.company',
      `MATCH (c:Company)-[r]->(:Material)<-[r2]-(:Company) WHERE type(r) IN $types AND type(r2) IN $types
       WITH c, count(*) AS links ORDER BY links DESC, c.id RETURN c.id AS id LIMIT 1`,
      { types: (fieldsOf('Company')['materials'] as RelatedFieldSpec).types },
    );
    const ask = async (n: number) => {
      const before = api.db.runner.statementCount;
      const { data, errors } = await api.graphql(query(n), { id: company?.id });
      expect(errors).toBeUndefined();
      return { data, statements: api.db.runner.statementCount - before };
    };
    const fits = await ask(MAX_PLANNED_FIELDS - 1);
    const split = await ask(MAX_PLANNED_FIELDS);
    expect(fits.statements).toBe(1);
    // The entity with materials and all aliases but the last (breadth first), then the last for every material.
    expect(split.statements).toBe(2);
    const common = (data: any) =>
      data.entity.materials.map((m: any) =>
        Array.from({ length: MAX_PLANNED_FIELDS - 1 }, (_, i) => [m.id, ...ids(m[`s${i}`])]),
      );
    const last = `s${MAX_PLANNED_FIELDS - 1}`;
    // The alias read through the loader pages like the planned ones: it holds the planned smaller pages.
    for (const m of split.data?.entity.materials ?? []) {
      expect(ids(m[last])).toEqual(expect.arrayContaining(ids(m[`s${MAX_PLANNED_FIELDS - 2}`])));
    }
    expect(common(split.data)).toEqual(common(fits.data));
    // The page sizes were applied (the test really pages).
    expect(fits.data?.entity.materials.some((m: any) => m.s0.length === 1 && m.s1.length === 2)).toBe(true);
  });

  it('gives each level the fields it selects, whether the level reads every property or only the core', async () => {
    // materials select a description (every property read), suppliers only id and name (the core).
    const query = `query($id: ID!) { entity(id: $id) { ... on Company {
      materials { id name description kind suppliers { id name kind __typename } } } } }`;
    const [company] = await api.db.runner.read<{ id: string }>(
      'test.company',
      `MATCH (c:Company)-[r]->(:Material)<-[r2]-(:Company) WHERE type(r) IN $types AND type(r2) IN $types
       RETURN c.id AS id ORDER BY id LIMIT 1`,
      { types: (fieldsOf('Company')['materials'] as RelatedFieldSpec).types },
    );
    const { data, errors } = await api.graphql(query, { id: company?.id });
    expect(errors).toBeUndefined();
    const materials = data?.entity.materials as any[];
    const suppliers = materials.flatMap((m) => m.suppliers);
    expect(suppliers.length).toBeGreaterThan(0);
    // The same entities asked one by one, through the entity loader (every property).
    const byId = new Map<string, any>();
    for (const id of new Set([...materials, ...suppliers].map((e) => e.id))) {
      const direct = await api.graphql('query($id: ID!) { entity(id: $id) { id name description } }', { id });
      expect(direct.errors).toBeUndefined();
      byId.set(id, direct.data?.entity);
    }
    for (const m of materials) {
      expect(m).toMatchObject({ name: byId.get(m.id).name, description: byId.get(m.id).description, kind: 'Material' });
    }
    for (const s of suppliers) {
      expect(s).toEqual({ id: s.id, name: byId.get(s.id).name, kind: 'Company', __typename: 'Company' });
    }
  });

  it('reads the typed fields of the kind the entity is, among those selected for several kinds', async () => {
    const query = `query($id: ID!) { entity(id: $id) { id
      ... on Company { materials { id } } ... on Material { suppliers { id } subMaterials { id } } } }`;
    const [material] = await api.db.runner.read<{ id: string }>(
      'test.material',
      `MATCH (m:Material)<-[r]-(:Company) WHERE type(r) IN $types RETURN m.id AS id ORDER BY id LIMIT 1`,
      { types: (fieldsOf('Material')['suppliers'] as RelatedFieldSpec).types },
    );
    const before = api.db.runner.statementCount;
    const { data, errors } = await api.graphql(query, { id: material?.id });
    expect(errors).toBeUndefined();
    expect(api.db.runner.statementCount - before).toBe(1);
    const expected = await reachedIds(fieldsOf('Material')['suppliers'] as RelatedFieldSpec, [material!.id]);
    expect(data?.entity.id).toBe(material?.id);
    expect(ids(data?.entity.suppliers)).toEqual(expected.get(material!.id));
    expect(data?.entity.materials).toBeUndefined();

    const unknown = await api.graphql(query, { id: 'material:no-such-material' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.entity).toBeNull();
  });
});

describe('rows that carry entities: their typed fields in the root statement', () => {
  const single = (entity: { id: string } | null) => (entity ? [entity.id] : []);
  const field = (kind: string, name: string) => fieldsOf(kind)[name] as RelatedFieldSpec;

  it('reads a cross-reference page, its programmes and the typed fields of its entities in one statement', async () => {
    const query = `{ crossReference(first: 30) { edges { node {
      company { id country { id } materials { id } }
      material { id suppliers { id } }
      category { id designatedBy { id } } program { id administeredBy { id } } } } } }`;
    const before = api.db.runner.statementCount;
    const { data, errors } = await api.graphql(query);
    expect(errors).toBeUndefined();
    expect(api.db.runner.statementCount - before).toBe(1);

    const rows = (data?.crossReference.edges as any[]).map((e) => e.node);
    expect(rows.length).toBe(30);
    const companies = rows.map((row) => row.company);
    const materials = rows.map((row) => row.material);
    const categories = rows.map((row) => row.category).filter(Boolean);
    expect(categories.length).toBeGreaterThan(0);
    const countries = await reachedIds(field('Company', 'country'), ids(companies));
    const reached = await reachedIds(field('Company', 'materials'), ids(companies));
    for (const company of companies) {
      expect(single(company.country)).toEqual(countries.get(company.id));
      expect(ids(company.materials)).toEqual(reached.get(company.id));
    }
    const suppliers = await reachedIds(field('Material', 'suppliers'), ids(materials));
    for (const material of materials) expect(ids(material.suppliers)).toEqual(suppliers.get(material.id));
    const designators = await reachedIds(field('Material', 'designatedBy'), ids(categories));
    for (const category of categories) {
      expect(category.designatedBy.length).toBeGreaterThan(0); // a category is what a Law designates
      expect(ids(category.designatedBy)).toEqual(designators.get(category.id));
    }
    const programs = rows.map((row) => row.program).filter(Boolean);
    expect(programs.length).toBeGreaterThan(0);
    const administrators = await reachedIds(field('Program', 'administeredBy'), ids(programs));
    for (const program of programs) expect(ids(program.administeredBy)).toEqual(administrators.get(program.id));
  });

  it('reads a neighborhood and the typed fields of its nodes and centre in one statement', async () => {
    const [company] = await api.db.runner.read<{ id: string }>(
      'test.company',
      `MATCH (c:Company)-[r]->(:Material)<-[r2]-(:Company) WHERE type(r) IN $types AND type(r2) IN $types
       RETURN c.id AS id ORDER BY id LIMIT 1`,
      { types: field('Company', 'materials').types },
    );
    const query = `query($id: ID!) { neighborhood(id: $id, depth: 2) {
      center { id ... on Company { materials { id } } }
      nodes { id kind ... on Material { suppliers { id } } ... on Company { country { id } } } } }`;
    const before = api.db.runner.statementCount;
    const { data, errors } = await api.graphql(query, { id: company?.id });
    expect(errors).toBeUndefined();
    expect(api.db.runner.statementCount - before).toBe(1);

    const nodes = data?.neighborhood.nodes as any[];
    const materials = nodes.filter((n) => n.kind === 'Material');
    const companies = nodes.filter((n) => n.kind === 'Company');
    expect(materials.length).toBeGreaterThan(0);
    expect(companies.length).toBeGreaterThan(1);
    const centre = await reachedIds(field('Company', 'materials'), [company!.id]);
    expect(ids(data?.neighborhood.center.materials)).toEqual(centre.get(company!.id));
    const suppliers = await reachedIds(field('Material', 'suppliers'), ids(materials));
    for (const material of materials) expect(ids(material.suppliers)).toEqual(suppliers.get(material.id));
    const countries = await reachedIds(field('Company', 'country'), ids(companies));
    for (const node of companies) expect(single(node.country)).toEqual(countries.get(node.id));
    // A node of another kind reads none of them.
    for (const node of nodes.filter((n) => n.kind !== 'Material' && n.kind !== 'Company')) {
      expect(node.suppliers).toBeUndefined();
      expect(node.country).toBeUndefined();
    }
  });
});
