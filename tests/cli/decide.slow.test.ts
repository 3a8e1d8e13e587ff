import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const policyFile = 'scenarios/policies/levers-2020.json';
const small = ['--runs', '4', '--final-runs', '12', '--population', '4', '--bootstrap', '5', '--seed', '3', '--quiet'];
const outputs = ['report.txt', 'policies.csv', 'evppi.csv', 'parallel.svg', 'decision.json'];

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function read(dir: string): Record<string, string> {
  return Object.fromEntries(outputs.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('resurgence decide', () => {
  const dir = mkdtempSync(join(tmpdir(), 'resurgence-decide-'));

  it('resurgence decide writes the table, the chart and CSV, bit-identical for 1 and 2 workers', () => {
    const one = run(['decide', policyFile, ...small, '--generations', '2', '--workers', '1', '--out', join(dir, 'one')]);
    const two = run(['decide', policyFile, ...small, '--generations', '2', '--workers', '2', '--out', join(dir, 'two')]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout.replaceAll(join(dir, 'two'), join(dir, 'one'))).toBe(one.stdout);
    const a = read(join(dir, 'one'));
    expect(read(join(dir, 'two'))).toEqual(a);
    expect(a['report.txt']).toContain('Robust decision: levers-2020');
    expect(a['policies.csv']?.split('\n')[0]).toMatch(/^policy,pareto,named,usTroopsSyria,resumeTraining,squeezeExtortion,supportSdf,cost,territorialComeback@24:mean,/);
    expect(a['parallel.svg']).toMatch(/^<svg[^>]*role="img"/);
    expect(JSON.parse(a['decision.json'] as string).search).toMatchObject({ populationSize: 4, generations: 2, runs: 4, evaluations: 12 });
  });

  it('resurgence decide --resume continues a search with more generations and gives what an uninterrupted search gives', () => {
    const out = join(dir, 'resumed');
    expect(run(['decide', policyFile, ...small, '--generations', '1', '--workers', '1', '--out', out]).code).toBe(0);
    const resumed = run(['decide', policyFile, ...small, '--generations', '2', '--workers', '1', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(read(out)).toEqual(read(join(dir, 'one')));
    const mismatch = run(['decide', policyFile, ...small, '--runs', '5', '--generations', '2', '--out', out, '--resume']);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('belongs to another policy file or other settings');
  });

  it('resurgence decide reports a bad policy file with the file, the JSON path and a did-you-mean', () => {
    const bad = JSON.parse(readFileSync(join(root, policyFile), 'utf8'));
    bad.levers[0].factor = 'usTroopsSyri';
    bad.levers[1].range = [0, 2];
    bad.objectives[0].epsilon = -1;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = run(['decide', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.replace(file, 'bad.json')).toMatchInlineSnapshot(`
      "bad.json: 1 problem
        ✖ Too small: expected number to be >0, received -1 → at objectives[0].epsilon
      "
    `);
    bad.objectives[0].epsilon = 0.04;
    writeFileSync(file, JSON.stringify(bad));
    expect(run(['decide', file]).stderr.replace(file, 'bad.json')).toMatchInlineSnapshot(`
      "bad.json: 2 problems
        ✖ unknown factor "usTroopsSyri" (did you mean "usTroopsSyria"?) → at levers[0].factor
        ✖ [0, 2] leaves trainingSuspended's plausible range [0, 1] (share suspended) → at levers[1].range
      "
    `);
    expect(run(['decide']).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
