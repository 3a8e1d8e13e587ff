// package.json and the build config as an npm user meets them (checks without a build; the
// packed tarball itself is tested in package.slow.test.ts, and `npm run lint:package` runs
// publint and arethetypeswrong in `npm run test:all`).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

describe('package.json', () => {
  it('package.json declares MIT with a LICENSE file, keywords, and side effects in its entries only', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(`${root}LICENSE`, 'utf8')).toMatch(/^MIT License/);
    expect(pkg.files).toContain('LICENSE');
    expect(pkg.keywords.length).toBeGreaterThanOrEqual(5);
    // Only the entries have a side effect: they hand mathjs to the expression compiler at load
    // (src/scenario/expression.ts), which a bundler must not drop; every other module is pure.
    expect(pkg.sideEffects).toEqual(['./dist/index.js', './dist/index.cjs', './dist/internals.js', './dist/internals.cjs', './dist/node.js', './dist/node.cjs', './dist/worker.js', './src/index.ts', './src/internals.ts']);
  });

  it('package.json exports resurgence, resurgence/node and resurgence/internals for import and require, types first', () => {
    for (const entry of ['.', './node', './internals']) {
      const name = entry === '.' ? 'index' : entry.slice(2);
      expect(pkg.exports[entry]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    expect(pkg.typesVersions['*'].node).toEqual(['./dist/node.d.cts']);
    expect(pkg.typesVersions['*'].internals).toEqual(['./dist/internals.d.cts']);
    const tsup = readFileSync(`${root}tsup.config.ts`, 'utf8');
    expect(tsup.match(/internals: 'src\/internals\.ts'/g)?.length, 'internals in the ESM and CJS entries and both dts lists').toBe(4);
  });

  it('package.json makes bullmq and ioredis optional peers (nothing installs them for every user) and bundles mathjs', () => {
    for (const name of ['bullmq', 'ioredis']) {
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(pkg.dependencies[name]).toBeUndefined();
    }
    expect(pkg.optionalDependencies).toBeUndefined();
    expect(pkg.dependencies.mathjs).toBeUndefined();
    const tsup = readFileSync(`${root}tsup.config.ts`, 'utf8');
    expect(tsup).toMatch(/noExternal: \['mathjs'/);
    expect(tsup).toMatch(/sourcemap: false/);
    expect(tsup).toMatch(/splitting: true/);
  });

  it('npm start builds without type declarations, quietly', () => {
    expect(pkg.scripts.prestart).toBe('RESURGENCE_QUICK_BUILD=1 tsup --silent');
    expect(readFileSync(`${root}tsup.config.ts`, 'utf8')).toContain("process.env.RESURGENCE_QUICK_BUILD !== '1'");
    expect(existsSync(`${root}src/cli/main.ts`) && readFileSync(`${root}src/cli/main.ts`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
