import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/node/runEnsemble.js';
import { runEnsembleOnQueue } from '../../src/node/queue.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

// A real redis-server on a loopback port (Debian's redis-server; .ci/run installs it). Skipped
// only on a developer machine without it, never in CI.
const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const scenario = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 };
const children: ChildProcess[] = [];
let url = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startWorker(): ChildProcess {
  // Short locks so that a killed worker's batch is handed on within a second or two.
  const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--lock-ms', '1500', '--stalled-ms', '500'], { cwd: root, stdio: 'ignore' });
  children.push(child);
  return child;
}

beforeAll(async () => {
  if (!hasRedis) return;
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  children.push(redis);
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe.skipIf(!hasRedis && !process.env.CI)('runEnsembleOnQueue', () => {
  it('runEnsembleOnQueue with three queue workers, one killed mid-ensemble, loses no run, counts none twice and equals the local run', async () => {
    const local = await runEnsemble(scenario, { runs: 60, seed: 13, workers: 1 });
    const workers = [startWorker(), startWorker(), startWorker()];
    let killed = false;
    const queued = await runEnsembleOnQueue(scenario, {
      redis: url,
      runs: 60,
      seed: 13,
      batchSize: 3,
      onProgress: (done) => {
        // Kill a worker (no clean-up: SIGKILL) once the ensemble is under way; the batch it holds is
        // taken over by another worker when its lock expires.
        if (!killed && done >= 9) {
          killed = true;
          workers[0]!.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(queued.accumulator.count).toBe(60);
    expect(JSON.stringify(queued.summary)).toBe(JSON.stringify(local.summary));
  });

  it('runEnsembleOnQueue reports an unreachable Redis clearly', async () => {
    await expect(runEnsembleOnQueue(scenario, { redis: 'redis://127.0.0.1:1', runs: 2 })).rejects.toThrow(/Redis at redis:\/\/127.0.0.1:1 refused the connection/);
  });
});
