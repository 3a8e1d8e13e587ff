// Issue 17, item 6: SIGTERM and SIGINT stop `resurgence run` inside a batch (one batch holding
// every run, in this thread or on worker threads), write the checkpoint and print a resume command
// that works as printed; without --out the message does not offer one that would fail.
// Needs dist/ (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'resurgence-signals-'));
const scenarioFile = join(dir, 'short.json');
// Enough runs that a fast machine cannot finish before the signal arrives (800 could, once the
// CLI started lazily): the interrupted run must still be mid-ensemble.
const RUNS = '3000';

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  writeFileSync(scenarioFile, JSON.stringify({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 }));
});

async function interrupt(args: string[], signal: NodeJS.Signals, ready: () => boolean): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 1200 && !ready() && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill(signal);
  return { code: await exited, stderr };
}

/** Runs the printed "finish it with: resurgence …" command with this build. */
function runPrinted(stderr: string) {
  const line = /finish it with: resurgence (.+)$/m.exec(stderr)?.[1];
  if (!line) throw new Error(`no resume command in: ${stderr}`);
  const args = line.split(' ');
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: '' });
}

describe('resurgence run under SIGTERM and SIGINT', () => {
  for (const [label, workers] of [['in this thread', '1'], ['on two worker threads', '2']] as const) {
    it(`resurgence run stops on SIGTERM inside one batch ${label}, and the printed resume command gives the uninterrupted result`, async () => {
      const out = join(dir, `term-${workers}`);
      const args = ['run', scenarioFile, '--runs', RUNS, '--seed', '5', '--batch-size', workers === '1' ? RUNS : '400', '--workers', workers, '--per-run', '--quiet', '--checkpoint-every', '20'];
      const stopped = await interrupt([...args, '--out', out], 'SIGTERM', () => existsSync(join(out, '.checkpoint.json')));
      expect(stopped.code, stopped.stderr).toBe(130);
      expect(stopped.stderr).toMatch(/interrupted before run \d+; checkpoint written/);
      const resumed = runPrinted(stopped.stderr);
      expect(resumed.status, resumed.stderr).toBe(0);
      const whole = join(dir, `whole-${workers}`);
      const reference = spawnSync(process.execPath, [cli, ...args, '--out', whole], { cwd: root, encoding: 'utf8', input: '' });
      expect(reference.status, reference.stderr).toBe(0);
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(readFileSync(join(whole, 'summary.json'), 'utf8'));
      expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(whole, 'runs.csv'), 'utf8'));
    });
  }

  it('resurgence run without --out on SIGINT exits 130 and suggests --out, not a resume command that would fail', async () => {
    let started = false;
    setTimeout(() => (started = true), 4_000); // after start-up (module loading), long before 20,000 runs end
    const stopped = await interrupt(['run', scenarioFile, '--runs', '20000', '--workers', '1', '--batch-size', '20000', '--quiet'], 'SIGINT', () => started);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toContain('finish it with');
    expect(stopped.stderr).toContain('run with --out DIR');
  });
});
