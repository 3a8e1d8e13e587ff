// The package as an npm user gets it: `npm pack`, installed into an empty temporary project (with
// npm's cache; dependencies may be fetched), then used from ESM, from CJS and through `npx`.
// Slow (an npm install), so it runs in `npm run test:all` only.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate as simulateFromSource } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const consumer = mkdtempSync(join(tmpdir(), 'resurgence-consumer-'));
const invalid = JSON.stringify({ name: 'bad', question: 'q', start: '2020-05', months: 3, factors: { usTropsSyria: 0 } });

function node(file: string, source: string): string {
  writeFileSync(join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' }).trim();
}

function npx(args: string[]) {
  const result = spawnSync(process.execPath, [join(consumer, 'node_modules/resurgence/dist/cli.js'), ...args], { cwd: consumer, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'resurgence-pack-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, stdio: 'ignore' });
  const tarball = join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz')) as string);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: consumer, stdio: 'ignore' });
}, 600_000);

describe('the packed package in a consumer project', () => {
  it('a misspelt factor in a typed scenario fails tsc in the consumer project, and the right name compiles', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const compile = (file: string, source: string) => {
      writeFileSync(join(consumer, file), source);
      return spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', file], { cwd: consumer, encoding: 'utf8' });
    };
    const typed = (factor: string) => `import type { Scenario } from 'resurgence';\nexport const s: Scenario = { name: 'x', question: 'q', start: '2020-05', months: 3, factors: { ${factor}: 600 } };\n`;
    const good = compile('good.ts', typed('usTroopsSyria'));
    expect(good.status, good.stdout).toBe(0);
    const typo = compile('typo.ts', typed('usTroopSyria'));
    expect(typo.status).not.toBe(0);
    expect(typo.stdout).toMatch(/usTroopSyria/);
  });

  it('an error from resurgence/node is instanceof the ScenarioError of resurgence, from ESM and from CJS', () => {
    const check = (ScenarioError: string, runEnsemble: string) => `
      ${ScenarioError}
      ${runEnsemble}
      runEnsemble(${invalid}, { runs: 1, workers: 1 }).then(
        () => console.log('no error'),
        (error) => console.log(error instanceof ScenarioError, error.constructor.name),
      );`;
    expect(node('esm.mjs', check("import { ScenarioError } from 'resurgence';", "import { runEnsemble } from 'resurgence/node';"))).toBe('true ScenarioError');
    expect(node('cjs.cjs', check("const { ScenarioError } = require('resurgence');", "const { runEnsemble } = require('resurgence/node');"))).toBe('true ScenarioError');
  });

  it('resurgence/node runs an ensemble on worker threads from ESM and CJS, with the numbers of resurgence’s simulate', () => {
    const scenario = JSON.stringify({ name: 'p', question: 'q', start: '2020-05', months: 4 });
    const esm = node('same.mjs', `
      import { simulate } from 'resurgence';
      import { runEnsemble } from 'resurgence/node';
      const a = simulate(${scenario}, { runs: 4, seed: 3 }).summary;
      const b = (await runEnsemble(${scenario}, { runs: 4, seed: 3, workers: 2 })).summary;
      console.log(JSON.stringify(a.series) === JSON.stringify(b.series));`);
    expect(esm).toBe('true');
    const cjs = node('same.cjs', `
      const { runEnsemble } = require('resurgence/node');
      runEnsemble(${scenario}, { runs: 4, seed: 3, workers: 2 }).then((r) => console.log(r.summary.provenance.runs));`);
    expect(cjs).toBe('4');
  });

  it('resurgence/internals resolves from ESM and CJS, with the root’s values as the same objects and the engine internals besides', () => {
    const esm = node('internals.mjs', `
      import * as root from 'resurgence';
      import * as internals from 'resurgence/internals';
      const same = Object.keys(root).every((name) => internals[name] === root[name]);
      console.log(same, typeof internals.createEnsembleAccumulator, typeof root.createEnsembleAccumulator, Object.keys(internals).length > Object.keys(root).length);`);
    expect(esm).toBe('true function undefined true');
    const cjs = node('internals.cjs', `
      const root = require('resurgence');
      const internals = require('resurgence/internals');
      const same = Object.keys(root).every((name) => internals[name] === root[name]);
      console.log(same, typeof internals.addRunInPlace, internals.ScenarioError === root.ScenarioError);`);
    expect(cjs).toBe('true function true');
  });

  it('the installed CLI finds shipped scenarios and configs by name or by their path in the package, from an empty folder', () => {
    expect(npx(['validate', 'us-stays', 'scenarios/baseline-2020.json'])).toMatchObject({ code: 0 });
    const run = npx(['run', 'scenarios/us-stays.json', '--runs', '2', '--json', '--quiet']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).provenance.runs).toBe(2);
    for (const config of ['mid-2020', 'calibration/mid-2020.json']) {
      const result = npx(['calibrate', config, '--setup', 'no-such-setup']);
      expect(result.stdout + result.stderr, config).not.toContain('no such file');
      expect(result.stdout + result.stderr, config).toContain('no-such-setup');
    }
    expect(npx(['run', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--runs N') });
  });

  it('the install brings neither bullmq nor ioredis (optional peer dependencies) nor mathjs (bundled)', () => {
    const installed = readdirSync(join(consumer, 'node_modules'));
    for (const name of ['bullmq', 'ioredis', 'msgpackr', 'mathjs']) expect(installed).not.toContain(name);
  });
});

// What an npm user gets: the built bundles (npm test builds before vitest) and the files list.
describe('the built package', () => {
  it('dist/index.js and dist/index.cjs export the values of src/index.ts (the list reviewed in tests/exports.test.ts), no more', async () => {
    const source = Object.keys(await import('../src/index.js')).sort();
    const esm = await import(`${root}dist/index.js`);
    const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    expect(Object.keys(esm).sort()).toEqual(source);
    expect(Object.keys(cjs).filter((name) => name !== '__esModule').sort()).toEqual(source);
    expect(source).not.toContain('createEnsembleAccumulator');
  });

  it('each built entry compiles scenario expressions at once (it provides mathjs), and the CLI loads mathjs when a scenario needs it', () => {
    const scenario = JSON.stringify({ name: 'x', question: 'q', start: '2020-05', months: 4, factors: { covidDiversion: { expression: '0.3 * exp(-t / 6)' } } });
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
    const simulate = `.simulate(${scenario}, { runs: 2, seed: 1 }).summary.provenance.runs`;
    expect(run(['--input-type=module', '-e', `import * as m from '${root}dist/index.js'; console.log(m${simulate});`])).toBe('2');
    expect(run(['--input-type=module', '-e', `import * as m from '${root}dist/internals.js'; console.log(m${simulate});`])).toBe('2');
    expect(run(['-e', `console.log(require('${root}dist/index.cjs')${simulate});`])).toBe('2');
    expect(run(['--input-type=module', '-e', `import { runEnsemble } from '${root}dist/node.js'; console.log((await runEnsemble(${scenario}, { runs: 2, workers: 1 })).summary.provenance.runs);`])).toBe('2');
    const file = join(consumer, 'with-expression.json');
    writeFileSync(file, scenario);
    expect(run([`${root}dist/cli.js`, 'validate', file])).toContain('valid');
    expect(JSON.parse(run([`${root}dist/cli.js`, 'run', file, '--runs', '2', '--json', '--quiet', '--workers', '1'])).provenance.runs).toBe(2);
  });

  it('dist/index.js (ESM) and dist/index.cjs (CJS) give the same numbers as the source', async () => {
    const scenario = { name: 'p', question: 'q', start: '2020-05', months: 6 };
    const expected = JSON.stringify(simulateFromSource(scenario, { runs: 3, seed: 4 }).summary);
    const esm = await import(`${root}dist/index.js`);
    const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
    expect(JSON.stringify(esm.simulate(scenario, { runs: 3, seed: 4 }).summary)).toBe(expected);
    expect(JSON.stringify(cjs.simulate(scenario, { runs: 3, seed: 4 }).summary)).toBe(expected);
  });

  it('npm pack ships the bundles, types, CLI, LICENSE, scenarios, schema and data; no tests, sources or source maps', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files = pack.files.map((file: { path: string }) => file.path);
    for (const required of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/node.d.ts', 'dist/node.d.cts', 'dist/internals.js', 'dist/internals.cjs', 'dist/internals.d.ts', 'dist/internals.d.cts', 'dist/worker.js', 'dist/cli.js', 'LICENSE', 'scenarios/baseline-2020.json', 'schema/scenario.schema.json', 'data/areas-2020.json', 'calibration/mid-2020.json', 'README.md']) {
      expect(files).toContain(required);
    }
    // Third-party text whose author, outlet and URL are not recorded (data/README.md) is not redistributed.
    expect(files).not.toContain('data/sources/article-2020.txt');
    expect(files.filter((path: string) => path.startsWith('tests/') || path.startsWith('src/') || path.endsWith('.map') || path.includes('metafile'))).toEqual([]);
  });
});
