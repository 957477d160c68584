/**
 * Public contract of the synthetic corpus (`npm run generate`): a deterministic graph of exactly `relationships`
 * relationships in the data-file object model (EntityToWrite / RelationshipToWrite, as a validated data file
 * gives them), with our kinds and relationship types and a realistic skew:
 *
 * - 24 countries; companies are BASED_IN and facilities LOCATED_IN them with Zipf weights (exponent 1.3), so
 *   the first country is a hub holding about a third of them;
 * - 12 critical-material categories, each DESIGNATED by a Law; materials are PART_OF a category (Zipf 1.1);
 * - companies (1 per 8 relationships) link to materials by APPROVED_SUPPLY_PLAN_FOR, PRODUCES or DEVELOPS,
 *   dated (YYYY-MM, some with `until`), materials drawn with Zipf 0.8, so a few hub materials have many suppliers;
 * - facilities (1 per 16) OPERATED by a company; SUBSIDIARY_OF links towards hub parents; countries MEMBER_OF
 *   frameworks since a date, some until one.
 *
 * Same options, same graph, record for record: every draw comes from a seeded stream (seeded-random.ts).
 * Citations quote the generated document verbatim (one sentence per section, shared by the facts it states).
 */
import type { EntityKind, RelationshipType } from '../model/vocabulary.ts';
import type { PropertyValue } from '../model/data-file-schema.ts';
import type { DocumentToWrite, EntityToWrite, RelationshipToWrite } from '../store/validate-graph-data.ts';
import { createRandom, zipfCumulative, type Random } from './seeded-random.ts';

export interface SyntheticGraphOptions {
  /** Exactly this many relationships (at least MIN_RELATIONSHIPS). */
  relationships: number;
  seed: number;
  /** Names the scale in the document id (`synthetic-<label>-seed<seed>`); the relationship count by default. */
  label?: string;
}

export interface SyntheticGraph {
  document: DocumentToWrite;
  entities: EntityToWrite[];
  /** The relationships, in a fixed order, generated lazily (a million of them need not be held at once). */
  relationships(): Generator<RelationshipToWrite>;
  /** Ids with the most relationships of their kind, by construction (rank 0 of each Zipf draw). */
  hubs: { country: string; category: string; material: string; company: string };
  counts: { entities: number; relationships: number; companies: number; materials: number; facilities: number };
}

export const MIN_RELATIONSHIPS = 1000;

export const SUPPLY_LINK_TYPES = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'] as const;

const COUNTRIES = [
  'Japan', 'United States', 'China', 'South Korea', 'Germany', 'Taiwan', 'Netherlands', 'France', 'India',
  'Australia', 'Canada', 'Vietnam', 'Indonesia', 'Chile', 'Brazil', 'Mexico', 'Malaysia', 'Thailand',
  'Philippines', 'Singapore', 'United Kingdom', 'Italy', 'Poland', 'Sweden',
]; // prettier-ignore
const CATEGORIES = [
  'Semiconductors', 'EV batteries', 'Permanent magnets', 'Critical minerals', 'Machine tools', 'Industrial robots',
  'Aircraft parts', 'Cloud programs', 'Natural gas', 'Antibacterial drugs', 'Fertilizers', 'Ship parts',
]; // prettier-ignore
const FRAMEWORKS = [
  'Indo-Pacific Economic Framework', 'Minerals Security Partnership', 'Chip 4 Alliance', 'Quad',
  'Supply Chain Resilience Initiative', 'G7 Critical Minerals Action Plan',
]; // prettier-ignore
const LAWS = [
  'Economic Security Promotion Act',
  'Critical Materials Supply Act',
  'Strategic Industries Act',
  'Resource Security Act',
];
const MATERIAL_NOUNS = [
  'wafer', 'photoresist', 'cathode', 'anode', 'separator', 'electrolyte', 'magnet', 'substrate', 'alloy', 'powder',
  'gas', 'film', 'catalyst', 'precursor', 'ingot', 'module', 'sensor', 'controller', 'bearing', 'resin',
]; // prettier-ignore
const COMPANY_NOUNS = [
  'Materials',
  'Electronics',
  'Chemical',
  'Metals',
  'Semiconductor',
  'Energy',
  'Devices',
  'Industries',
  'Precision',
  'Mining',
];
const COMPANY_SUFFIXES = ['Co., Ltd.', 'Corporation', 'Holdings', 'Inc.', 'Group', 'AG', 'S.A.', 'K.K.'];
const FACILITY_WORDS = ['plant', 'fab', 'works', 'refinery', 'pilot line', 'research centre'];
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** A pronounceable name unique to `index` (base-70 syllables, at least three), e.g. "Kabemo". */
function codeName(index: number): string {
  const syllables: string[] = [];
  let rest = index;
  do {
    const syllable = rest % 70;
    syllables.push(`${CONSONANTS[Math.floor(syllable / 5)] ?? 'k'}${VOWELS[syllable % 5] ?? 'a'}`);
    rest = Math.floor(rest / 70);
  } while (rest > 0 || syllables.length < 3);
  const word = syllables.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pad(index: number): string {
  return String(index).padStart(7, '0');
}

const SECTIONS = {
  countries: ['Countries', 'The registry lists each economy that hosts companies or facilities.'],
  frameworks: ['Frameworks', 'Economies join cooperation frameworks on the dates the registry records.'],
  laws: ['Laws', 'Laws designate the categories of critical materials.'],
  materials: ['Materials', 'Each material item belongs to one designated category.'],
  companies: ['Companies', 'Each company is based in one economy and links to the materials it supplies.'],
  facilities: ['Facilities', 'Facilities are operated by companies and located in economies.'],
  links: [
    'Supply links',
    'A company holds an approved supply plan for, produces or develops a material from the date given.',
  ],
  groups: ['Corporate groups', 'Some companies are subsidiaries of larger groups.'],
} as const satisfies Record<string, readonly [string, string]>;
type Section = keyof typeof SECTIONS;

function documentText(title: string): string {
  return [
    `# ${title}`,
    '',
    'A synthetic corpus for benchmarks: every name, link and date in it is generated.',
    ...Object.values(SECTIONS).flatMap(([heading, sentence]) => ['', `## ${heading}`, '', sentence]),
    '',
  ].join('\n');
}

function cite(section: Section): Array<{ section: string; quote: string }> {
  const [heading, sentence] = SECTIONS[section];
  return [{ section: heading, quote: sentence }];
}

function yearMonth(random: Random, fromYear: number, toYear: number): string {
  return `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}`;
}

export function generateSyntheticGraph(options: SyntheticGraphOptions): SyntheticGraph {
  const { relationships: total, seed } = options;
  if (!Number.isInteger(total) || total < MIN_RELATIONSHIPS) {
    throw new RangeError(`relationships must be an integer of at least ${MIN_RELATIONSHIPS}, got ${total}`);
  }
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const label = options.label ?? String(total);
  const documentId = `synthetic-${slug(label)}-seed${seed}`;
  const title = `Synthetic supply-chain registry (${label} relationships, seed ${seed})`;
  const document: DocumentToWrite = {
    id: documentId,
    title,
    author: 'policy-knowledge-graph generator',
    date: '2026',
    license: 'CC0-1.0',
    text: documentText(title),
  };

  const companyCount = Math.round(total / 8);
  const facilityCount = Math.round(total / 16);
  const materialCount = Math.max(24, Math.round(total / 40));
  const subsidiaryCount = Math.round(total / 50);

  const entities: EntityToWrite[] = [];
  const entity = (
    kind: EntityKind,
    id: string,
    name: string,
    section: Section,
    extra: Partial<Pick<EntityToWrite, 'aliases' | 'description' | 'properties'>> = {},
  ): string => {
    entities.push({ id, kind, name, aliases: [], properties: {}, sources: cite(section), documentId, ...extra });
    return id;
  };

  const countries = COUNTRIES.map((name) =>
    entity('Country', `country:g-${slug(name)}`, name, 'countries', {
      description: `An economy of the synthetic registry: ${name}.`,
    }),
  );
  const frameworks = FRAMEWORKS.map((name) => entity('Framework', `framework:g-${slug(name)}`, name, 'frameworks'));
  const laws = LAWS.map((name) => entity('Law', `law:g-${slug(name)}`, name, 'laws'));
  const categories = CATEGORIES.map((name) =>
    entity('Material', `material:g-category-${slug(name)}`, name, 'laws', {
      description: `A category of critical materials: ${name}.`,
    }),
  );
  const naming = createRandom(seed, 'names');
  const materials = Array.from({ length: materialCount }, (_, i) => {
    const name = `${codeName(i)} ${naming.pick(MATERIAL_NOUNS)}`;
    return entity('Material', `material:g-${pad(i)}`, name, 'materials');
  });
  const companyNames: string[] = [];
  const companies = Array.from({ length: companyCount }, (_, i) => {
    const code = codeName(i);
    const name = `${code} ${naming.pick(COMPANY_NOUNS)} ${naming.pick(COMPANY_SUFFIXES)}`;
    companyNames.push(name);
    return entity('Company', `company:g-${pad(i)}`, name, 'companies', {
      aliases: i % 3 === 0 ? [code.toUpperCase()] : [],
      description: `A synthetic ${naming.pick(MATERIAL_NOUNS)} supplier.`,
    });
  });
  const facilities = Array.from({ length: facilityCount }, (_, i) => {
    const name = `${codeName(i + 7)} ${naming.pick(FACILITY_WORDS)} ${i}`;
    return entity('Facility', `facility:g-${pad(i)}`, name, 'facilities');
  });

  const countryWeights = zipfCumulative(countries.length, 1.3);
  const categoryWeights = zipfCumulative(categories.length, 1.1);
  const materialWeights = zipfCumulative(materials.length, 0.8);
  const parentWeights = zipfCumulative(companies.length, 1.0);

  // The supply links take whatever the other relationships leave, spread over the companies (at least one each).
  const fixed =
    categories.length + // DESIGNATES
    laws.length + // ENACTED
    materials.length + // PART_OF
    companies.length + // BASED_IN
    2 * facilities.length + // OPERATES, LOCATED_IN
    subsidiaryCount; // SUBSIDIARY_OF
  const memberships = plannedMemberships(seed, countries.length, frameworks.length);
  const supplyTotal = total - fixed - memberships.length;
  if (supplyTotal < companies.length) throw new RangeError(`relationships ${total} is too few for the skeleton`);
  const linkCounts = plannedLinkCounts(seed, companies.length, supplyTotal, Math.min(materials.length, 200));

  function* relationships(): Generator<RelationshipToWrite> {
    const rel = (
      type: RelationshipType,
      from: string,
      to: string,
      section: Section,
      properties: Record<string, PropertyValue> = {},
    ): RelationshipToWrite => ({ type, from, to, key: '', properties, sources: cite(section), documentId });

    for (const [c, f, since, until] of memberships) {
      yield rel('MEMBER_OF', countries[c] as string, frameworks[f] as string, 'frameworks', {
        since,
        ...(until === undefined ? {} : { until }),
      });
    }
    for (let i = 0; i < laws.length; i += 1) {
      yield rel('ENACTED', countries[i % 2] as string, laws[i] as string, 'laws', { date: `${2020 + i}` });
    }
    for (let i = 0; i < categories.length; i += 1) {
      yield rel('DESIGNATES', laws[i % laws.length] as string, categories[i] as string, 'laws');
    }
    const structure = createRandom(seed, 'structure');
    for (const material of materials) {
      yield rel('PART_OF', material, categories[structure.weighted(categoryWeights)] as string, 'materials');
    }
    for (const company of companies) {
      yield rel('BASED_IN', company, countries[structure.weighted(countryWeights)] as string, 'companies');
    }
    for (const facility of facilities) {
      yield rel('OPERATES', structure.pick(companies), facility, 'facilities');
      yield rel('LOCATED_IN', facility, countries[structure.weighted(countryWeights)] as string, 'facilities');
    }
    for (let i = 0; i < subsidiaryCount; i += 1) {
      // Children from the tail, parents drawn towards the head: each child once, never its own parent.
      const child = companies.length - 1 - i;
      let parent = structure.weighted(parentWeights);
      if (parent === child) parent = (parent + 1) % companies.length;
      yield rel('SUBSIDIARY_OF', companies[child] as string, companies[parent] as string, 'groups');
    }
    const links = createRandom(seed, 'links');
    for (let c = 0; c < companies.length; c += 1) {
      const chosen = new Set<number>();
      const count = linkCounts[c] ?? 1;
      while (chosen.size < count) chosen.add(links.weighted(materialWeights));
      for (const m of chosen) {
        const roll = links.unit();
        const type = roll < 0.5 ? SUPPLY_LINK_TYPES[0] : roll < 0.8 ? SUPPLY_LINK_TYPES[1] : SUPPLY_LINK_TYPES[2];
        const date = yearMonth(links, 2015, 2025);
        const properties: Record<string, PropertyValue> = { date };
        if (links.unit() < 0.1) properties['until'] = `${Number(date.slice(0, 4)) + links.int(1, 3)}`;
        yield rel(type, companies[c] as string, materials[m] as string, 'links', properties);
      }
    }
  }

  return {
    document,
    entities,
    relationships,
    hubs: {
      country: countries[0] as string,
      category: categories[0] as string,
      material: materials[0] as string,
      company: companies[0] as string,
    },
    counts: {
      entities: entities.length,
      relationships: total,
      companies: companies.length,
      materials: materials.length,
      facilities: facilities.length,
    },
  };
}

/** Which country joins which framework, since when and (for some) until when. */
function plannedMemberships(
  seed: number,
  countryCount: number,
  frameworkCount: number,
): Array<[number, number, string, string | undefined]> {
  const random = createRandom(seed, 'memberships');
  const result: Array<[number, number, string, string | undefined]> = [];
  for (let c = 0; c < countryCount; c += 1) {
    for (let f = 0; f < frameworkCount; f += 1) {
      if (random.unit() >= 0.5) continue;
      const since = yearMonth(random, 2010, 2024);
      const until = random.unit() < 0.15 ? `${Number(since.slice(0, 4)) + random.int(1, 4)}` : undefined;
      result.push([c, f, since, until]);
    }
  }
  return result;
}

/**
 * How many supply links each company has: heavy-tailed (exponential around the mean, capped), summing to
 * exactly `total` (differences are spread one by one from the first company on).
 */
function plannedLinkCounts(seed: number, companies: number, total: number, cap: number): Int32Array {
  const random = createRandom(seed, 'link-counts');
  const mean = total / companies;
  const counts = new Int32Array(companies);
  let sum = 0;
  for (let c = 0; c < companies; c += 1) {
    const drawn = 1 + Math.floor(-Math.log(1 - random.unit()) * (mean - 1));
    counts[c] = Math.min(cap, Math.max(1, drawn));
    sum += counts[c] ?? 0;
  }
  for (let c = 0; sum !== total; c = (c + 1) % companies) {
    const current = counts[c] ?? 1;
    if (sum < total && current < cap) {
      counts[c] = current + 1;
      sum += 1;
    } else if (sum > total && current > 1) {
      counts[c] = current - 1;
      sum -= 1;
    }
  }
  return counts;
}
