import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { simulate as simulateFromSource } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;

// What an npm user gets: the built bundles (npm test builds before vitest) and the files list.
describe('the built package', () => {
  it('dist/index.js (ESM) and dist/index.cjs (CJS) give the same numbers as the source', async () => {
    const scenario = { name: 'p', question: 'q', start: '2020-05', months: 6 };
    const expected = JSON.stringify(simulateFromSource(scenario, { runs: 3, seed: 4 }).summary);
    const esm = await import(`${root}dist/index.js`);
    const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    expect(JSON.stringify(esm.simulate(scenario, { runs: 3, seed: 4 }).summary)).toBe(expected);
    expect(JSON.stringify(cjs.simulate(scenario, { runs: 3, seed: 4 }).summary)).toBe(expected);
  });

  it('npm pack ships the bundles, types, CLI, scenarios, schema and data, and nothing from tests', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files = pack.files.map((file: { path: string }) => file.path);
    for (const required of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'scenarios/baseline-2020.json', 'schema/scenario.schema.json', 'data/areas-2020.json', 'data/sources/article-2020.txt', 'README.md']) {
      expect(files).toContain(required);
    }
    expect(files.some((path: string) => path.startsWith('tests/') || path.startsWith('src/'))).toBe(false);
  });
});
