import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The floors of src/, bottom to top (ARCHITECTURE.md). A module may import from its own floor
// and from any floor below it, never from a floor above. Folders on one floor may import each
// other. The package entry src/index.ts sits just below node/ and cli/: it re-exports the
// library, and the CLI and Node-only code are never imported from it.
const FLOORS: readonly (readonly string[])[] = [
  ['math', 'rng'],
  ['model', 'meanfield'],
  ['analysis'],
  ['scenario'],
  ['experiment', 'calibration'],
  ['report'],
  ['(entry)'],
  ['node'],
  ['cli'],
];

/** The floor number of a top-level folder of src/ ('(entry)' for files directly in src/). */
function floorOf(top: string): number {
  const index = FLOORS.findIndex((floor) => floor.includes(top));
  if (index < 0) throw new Error(`src/${top} is on no floor: add it to FLOORS in tests/architecture/layering.test.ts and to ARCHITECTURE.md`);
  return index;
}

/** The top-level folder of a path relative to src/ ('(entry)' for a file directly in src/). */
function topOf(pathInSrc: string): string {
  const parts = pathInSrc.split('/');
  return parts.length === 1 ? '(entry)' : (parts[0] as string);
}

/**
 * The module specifiers a TypeScript source imports or re-exports: static `import … from`,
 * `export … from`, side-effect `import '…'`, dynamic `import('…')`, type-only imports included
 * (a type import is still a dependency on the floor that defines the type).
 */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** An import that runs up a floor: `from` (path in src/) imports `to` (path in src/). */
export interface LayeringViolation {
  readonly from: string;
  readonly to: string;
}

/**
 * The imports of a graph (path in src/ → the paths in src/ it imports) that run from a lower
 * floor to a higher one.
 */
export function layeringViolations(graph: ReadonlyMap<string, readonly string[]>): LayeringViolation[] {
  const violations: LayeringViolation[] = [];
  for (const [from, targets] of graph) {
    const own = floorOf(topOf(from));
    for (const to of targets) if (floorOf(topOf(to)) > own) violations.push({ from, to });
  }
  return violations;
}

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The import graph of src/: each file's relative imports, resolved to paths in src/. Imports of
 * data outside src/ (package.json, data/, scenarios/) and of packages are on no floor: left out.
 */
function importGraphOfSrc(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => posix.normalize(posix.join(posix.dirname(from), specifier)))
      .filter((to) => !to.startsWith('../'));
    graph.set(from, targets);
  }
  return graph;
}

describe('layering of src/', () => {
  it('reads every import form, including multi-line and type-only ones, and skips comments', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      'import {',
      '  c,',
      '  d,',
      "} from '../../c.js';",
      "export { e } from './e.js';",
      "export * from './f/index.js';",
      "import './side.js';",
      "const g = await import('./g.js');",
      "// import { no } from '../commented.js';",
      "/** @example import { no } from '../../doc.js'; */",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      ['./a.js', '../b/b.js', '../../c.js', './e.js', './f/index.js', './side.js', './g.js'].sort(),
    );
  });

  it('flags an import from a higher floor and allows same-floor and downward ones', () => {
    const graph = new Map<string, string[]>([
      ['math/normalQuantile.ts', ['rng/randomSource.js', 'math/logGamma.js']],
      ['scenario/drawRunInputs.ts', ['experiment/designs/problem.js', 'model/parameters.js']],
      ['experiment/compare.ts', ['calibration/prior.js', 'analysis/index.js']],
      ['index.ts', ['report/index.js']],
      ['report/formatSummaryTable.ts', ['index.js']],
    ]);
    expect(layeringViolations(graph)).toEqual([
      { from: 'scenario/drawRunInputs.ts', to: 'experiment/designs/problem.js' },
      { from: 'report/formatSummaryTable.ts', to: 'index.js' },
    ]);
  });

  it('refuses a folder that is on no floor', () => {
    expect(() => layeringViolations(new Map([['newthing/x.ts', []]]))).toThrow(/on no floor/);
  });

  it('no module in src/ imports from a higher floor', () => {
    const graph = importGraphOfSrc();
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('scenario/drawRunInputs.ts')?.length).toBeGreaterThan(0);
    const shown = layeringViolations(graph).map(({ from, to }) => `src/${from} imports src/${to}`);
    expect(shown).toEqual([]);
  });
});
