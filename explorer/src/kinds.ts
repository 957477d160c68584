/**
 * How each entity kind is drawn. Kinds of one family share a hue (from the Okabe–Ito palette, which stays apart
 * under the common colour-vision deficiencies) and differ in shade and in shape within it: the family's main kind
 * darkest, the next lighter and of the other shape, so two kinds of a family never look alike (Company and
 * Facility, Law and Policy, Program and Budget, Target and Indicator, Framework and Agreement). Checked under
 * simulated protanopia, deuteranopia and tritanopia: two kinds of one shape in different families stay at least
 * 10 CIELAB units apart (tests/e2e/explorer-instrument.test.ts).
 */

type Shape = 'circle' | 'square';

interface KindStyle {
  color: string;
  shape: Shape;
  family: string;
}

/** Families in legend order, each with its kinds darkest first. */
const FAMILIES: ReadonlyArray<{ family: string; kinds: ReadonlyArray<[string, string, Shape]> }> = [
  {
    family: 'states and public bodies',
    kinds: [
      ['Country', '#0b4f8a', 'circle'],
      ['Organization', '#2f7fc1', 'square'],
      ['Bloc', '#6aaee0', 'circle'],
      ['Location', '#b5d8f2', 'square'],
    ],
  },
  {
    family: 'industry',
    kinds: [
      ['Company', '#b3400b', 'circle'],
      ['Facility', '#f2a882', 'square'],
    ],
  },
  {
    family: 'frameworks',
    kinds: [
      ['Framework', '#00664a', 'square'],
      ['Agreement', '#3fb98c', 'circle'],
      ['Meeting', '#a8e2cb', 'circle'],
    ],
  },
  {
    family: 'rules',
    kinds: [
      ['Law', '#7a6a00', 'square'],
      ['Policy', '#ebd94a', 'circle'],
    ],
  },
  {
    family: 'money',
    kinds: [
      ['Program', '#9c2f6b', 'square'],
      ['Budget', '#eaa5c9', 'circle'],
    ],
  },
  {
    family: 'measures',
    kinds: [
      ['Target', '#4d4d4d', 'circle'],
      ['Indicator', '#b8b8b8', 'square'],
    ],
  },
  {
    family: 'subjects',
    kinds: [
      ['Material', '#d98c00', 'square'],
      ['Technology', '#f08a4b', 'circle'],
      ['Topic', '#f9e3ad', 'square'],
    ],
  },
];

const KIND_STYLE: ReadonlyMap<string, KindStyle> = new Map(
  FAMILIES.flatMap(({ family, kinds }) => kinds.map(([kind, color, shape]) => [kind, { color, shape, family }])),
);

export const KINDS: readonly string[] = [...KIND_STYLE.keys()];

export function kindStyle(kind: string): KindStyle {
  return KIND_STYLE.get(kind) ?? { color: '#444444', shape: 'circle', family: 'other' };
}
