/**
 * Source stamps, what the server checks at start instead of building: an output is missing until a build stamps
 * it, current while its sources are as they were, stale once one changes; the start-up error names `npm run build`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  buildState,
  sourceStamp,
  writeStamp,
  type BuildOutput,
} from '../../src/build-output/source-stamp.ts';
import { StartupError } from '../../src/errors.ts';

describe('source stamps: is a build output there and current?', () => {
  let root: string;
  let output: BuildOutput;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'kg-stamp-'));
    mkdirSync(path.join(root, 'page', 'src', 'nested'), { recursive: true });
    writeFileSync(path.join(root, 'page', 'index.html'), '<p>page</p>');
    writeFileSync(path.join(root, 'page', 'src', 'a.ts'), 'export const a = 1;');
    writeFileSync(path.join(root, 'page', 'src', 'nested', 'b.ts'), 'export const b = 2;');
    output = {
      name: 'the page',
      root,
      dir: 'page/dist',
      stampFile: '.stamp',
      sources: ['page/index.html', 'page/src'],
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function build(): void {
    mkdirSync(path.join(root, output.dir), { recursive: true });
    writeStamp(output, sourceStamp(output));
  }

  it('is missing until a build stamps it, then current', () => {
    expect(buildState(output)).toBe('missing');
    build();
    expect(buildState(output)).toBe('current');
  });

  it('is stale when a file below a source folder changes, is added or is renamed', () => {
    build();
    writeFileSync(path.join(root, 'page', 'src', 'nested', 'b.ts'), 'export const b = 3;');
    expect(buildState(output)).toBe('stale');
    build();
    writeFileSync(path.join(root, 'page', 'src', 'c.ts'), '');
    expect(buildState(output)).toBe('stale');
    build();
    rmSync(path.join(root, 'page', 'src', 'c.ts'));
    writeFileSync(path.join(root, 'page', 'src', 'd.ts'), '');
    expect(buildState(output)).toBe('stale');
  });

  it('does not depend on where the checkout is', () => {
    const stamp = sourceStamp(output);
    const moved = `${root}-moved`;
    try {
      rmSync(moved, { recursive: true, force: true });
      mkdirSync(moved);
      for (const file of ['page/index.html', 'page/src/a.ts', 'page/src/nested/b.ts']) {
        mkdirSync(path.dirname(path.join(moved, file)), { recursive: true });
        writeFileSync(path.join(moved, file), readFileSync(path.join(root, file)));
      }
      expect(sourceStamp({ ...output, root: moved })).toBe(stamp);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });

  it('fails start-up with a message naming `npm run build` and the alternative, unless current', () => {
    expect(() => assertBuilt(output, 'Or set X.')).toThrow(StartupError);
    expect(() => assertBuilt(output, 'Or set X.')).toThrow(
      'The page is not built (page/dist holds no build stamp): run `npm run build` (`npm start` runs it first). Or set X.',
    );
    build();
    expect(() => assertBuilt(output)).not.toThrow();
    writeFileSync(path.join(root, 'page', 'index.html'), '<p>changed</p>');
    expect(() => assertBuilt(output)).toThrow(/^The page in page\/dist is out of date .*: run `npm run build`/);
  });

  it('says which sources are missing rather than calling the output stale', () => {
    build();
    rmSync(path.join(root, 'page', 'src'), { recursive: true });
    expect(() => assertBuilt(output)).toThrow(
      /^Cannot tell whether the page is built: its sources page\/src are missing/,
    );
  });
});
