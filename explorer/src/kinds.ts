/**
 * How each entity kind is drawn: a colour and a shape. Actors (states, bodies, companies, places) are circles;
 * instruments and subjects (frameworks, laws, money, materials, ...) are squares.
 */

export type Shape = 'circle' | 'square';

const KIND_STYLE: Readonly<Record<string, { color: string; shape: Shape }>> = {
  Country: { color: '#1f77b4', shape: 'circle' },
  Bloc: { color: '#17becf', shape: 'circle' },
  Location: { color: '#9edae5', shape: 'circle' },
  Organization: { color: '#9467bd', shape: 'circle' },
  Company: { color: '#d62728', shape: 'circle' },
  Facility: { color: '#ff9896', shape: 'circle' },
  Framework: { color: '#2ca02c', shape: 'square' },
  Agreement: { color: '#98df8a', shape: 'square' },
  Meeting: { color: '#bcbd22', shape: 'square' },
  Law: { color: '#8c564b', shape: 'square' },
  Policy: { color: '#c49c94', shape: 'square' },
  Program: { color: '#e377c2', shape: 'square' },
  Budget: { color: '#f7b6d2', shape: 'square' },
  Target: { color: '#7f7f7f', shape: 'square' },
  Indicator: { color: '#c7c7c7', shape: 'square' },
  Material: { color: '#ff7f0e', shape: 'square' },
  Technology: { color: '#aec7e8', shape: 'square' },
  Topic: { color: '#dbdb8d', shape: 'square' },
};

export const KINDS: readonly string[] = Object.keys(KIND_STYLE);

export function kindStyle(kind: string): { color: string; shape: Shape } {
  return KIND_STYLE[kind] ?? { color: '#444444', shape: 'circle' };
}
