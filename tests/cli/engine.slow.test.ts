import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'resurgence-engine-'));
// The baseline on a 12-month horizon: the same engine, a third of the work.
const scenarioFile = join(dir, 'short.json');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  writeFileSync(scenarioFile, JSON.stringify({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 }));
});

describe('resurgence run on the engine', () => {
  it('resurgence run --shard I/N then resurgence merge gives the single-machine summary.json and runs.csv, byte for byte', () => {
    const single = run(['run', scenarioFile, '--runs', '24', '--seed', '4', '--out', join(dir, 'single'), '--per-run', '--quiet', '--workers', '2']);
    expect(single.code).toBe(0);
    for (const i of [0, 1, 2]) {
      expect(run(['run', scenarioFile, '--runs', '24', '--seed', '4', '--shard', `${i}/3`, '--out', join(dir, `part-${i}`), '--per-run', '--quiet', '--workers', '1']).code).toBe(0);
    }
    const merged = run(['merge', join(dir, 'part-2'), join(dir, 'part-0'), join(dir, 'part-1'), '--out', join(dir, 'total')]);
    expect(merged.code, merged.stderr).toBe(0);
    for (const file of ['summary.json', 'runs.csv', 'series.csv']) {
      expect(readFileSync(join(dir, 'total', file), 'utf8'), file).toBe(readFileSync(join(dir, 'single', file), 'utf8'));
    }
    const gap = run(['merge', join(dir, 'part-0'), join(dir, 'part-2'), '--out', join(dir, 'bad')]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain('runs 8–15 are missing');
    expect(run(['run', scenarioFile, '--shard', '3/3', '--out', join(dir, 'x')]).stderr).toContain('invalid --shard: 3/3');
  });

  it('resurgence run killed with SIGKILL mid-ensemble finishes with --resume to the uninterrupted result', async () => {
    const args = [scenarioFile, '--runs', '400', '--seed', '8', '--per-run', '--quiet', '--workers', '2', '--checkpoint-every', '20'];
    expect(run(['run', ...args, '--out', join(dir, 'whole')]).code).toBe(0);
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [cli, 'run', ...args, '--out', out], { cwd: root, stdio: 'ignore' });
    const checkpoint = join(out, '.checkpoint.json');
    // Wait (bounded) until a checkpoint with some runs exists, then kill -9: no chance to clean up.
    for (let i = 0; i < 600 && !existsSync(checkpoint); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(checkpoint)).toBe(true);
    const nextRun = JSON.parse(readFileSync(checkpoint, 'utf8')).nextRun as number;
    expect(nextRun).toBeGreaterThan(0);
    expect(nextRun).toBeLessThan(400);
    const resumed = run(['run', ...args, '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'summary.json'), 'utf8'));
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole', 'runs.csv'), 'utf8'));
  });

  it('resurgence run on Ctrl-C (SIGINT) writes a checkpoint, exits 130 and prints the command that finishes it', async () => {
    const out = join(dir, 'interrupted');
    const child = spawn(process.execPath, [cli, 'run', scenarioFile, '--runs', '2000', '--out', out, '--workers', '1', '--checkpoint-every', '10'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    for (let i = 0; i < 600 && !existsSync(join(out, '.checkpoint.json')); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted before run \d+; checkpoint written/);
    expect(stderr).toContain('--resume');
  });

  it('resurgence run lists each failed run with a command that reproduces it and exits 3; --fail-fast exits 1', () => {
    const result = run(['run', scenarioFile, '--runs', '10', '--inject-failure', '6', '--quiet']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('✖ run 6 failed: injected failure in run 6');
    expect(result.stderr).toContain(`reproduce it with: resurgence run ${scenarioFile} --seed 2020 --first-run 6 --runs 1 --workers 1 --fail-fast`);
    const fast = run(['run', scenarioFile, '--runs', '10', '--inject-failure', '6', '--fail-fast', '--quiet']);
    expect(fast.code).toBe(1);
    expect(fast.stderr).toContain('run 6 failed');
  });
});
