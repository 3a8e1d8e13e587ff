// Issue 17, item 8: queue faults against a real redis-server on a random loopback port (Debian's
// redis-server; `apt-get install -y redis-server`): Redis restarting empty or with its data mid-run,
// a wrong or missing password, Redis gone for good, Ctrl-C. Each ends in the local run's exact
// result or a one-line QueueError, within a bounded time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE, QueueError, runEnsembleOnQueue, startQueueWorker } from '../../src/node/queue.js';
import { EnsembleInterrupted, runEnsemble } from '../../src/node/runEnsemble.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const scenario = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 };
const RUNS = 48;
const servers: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
let local: Awaited<ReturnType<typeof runEnsemble>>;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number, extra: string[] = []): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra], { stdio: 'ignore' });
  servers.push(redis);
  const auth = extra.includes('--requirepass') ? ['-a', extra[extra.indexOf('--requirepass') + 1] as string, '--no-auth-warning'] : [];
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), ...auth, 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return redis;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

async function stop(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
}

async function worker(url: string, notices: string[] = []) {
  const w = await startQueueWorker({ redis: url, lockDuration: 1500, stalledInterval: 500, onNotice: (line) => notices.push(line) });
  closers.push(() => w.close());
  return w;
}

beforeAll(async () => {
  local = await runEnsemble(scenario, { runs: RUNS, seed: 21, workers: 1 });
});
afterEach(async () => {
  for (const close of closers.splice(0)) await Promise.race([close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
});
afterAll(async () => {
  for (const server of servers) await stop(server);
});

describe.skipIf(!hasRedis && !process.env.CI)('runEnsembleOnQueue under queue faults', () => {
  it('runEnsembleOnQueue notices a Redis that restarts empty, enqueues the lost jobs again and equals the local run', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    let redis = await startRedis(port);
    const workerNotices: string[] = [];
    await worker(url, workerNotices);
    const notices: string[] = [];
    let restarted: Promise<void> | undefined;
    const result = await runEnsembleOnQueue(scenario, {
      redis: url,
      runs: RUNS,
      seed: 21,
      batchSize: 4,
      pollMs: 100,
      onNotice: (line) => notices.push(line),
      onProgress: (done) => {
        if (done >= 8 && !restarted) {
          restarted = (async () => {
            await stop(redis);
            redis = await startRedis(port);
          })();
        }
      },
    });
    await restarted;
    expect(JSON.stringify(result.summary)).toBe(JSON.stringify(local.summary));
    expect(notices.some((line) => /missing from the queue|enqueued it again/.test(line))).toBe(true);
    for (const line of [...notices, ...workerNotices]) expect(line).not.toMatch(/\n|\bat \S+ \(|TypeError|Error:/);
  });

  it('runEnsembleOnQueue rides out a Redis restart with persistence, with a few one-line notices', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), 'redis-aof-'));
    const persistent = ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];
    let redis = await startRedis(port, persistent);
    const workerNotices: string[] = [];
    await worker(url, workerNotices);
    const notices: string[] = [];
    let restarted: Promise<void> | undefined;
    const result = await runEnsembleOnQueue(scenario, {
      redis: url,
      runs: RUNS,
      seed: 21,
      batchSize: 4,
      pollMs: 100,
      onNotice: (line) => notices.push(line),
      onProgress: (done) => {
        if (done >= 8 && !restarted) {
          restarted = (async () => {
            await stop(redis);
            await new Promise((r) => setTimeout(r, 500));
            redis = await startRedis(port, persistent);
          })();
        }
      },
    });
    await restarted;
    expect(JSON.stringify(result.summary)).toBe(JSON.stringify(local.summary));
    expect(notices.length + workerNotices.length).toBeLessThan(20);
    for (const line of [...notices, ...workerNotices]) expect(line).not.toMatch(/\n|\bat \S+ \(|TypeError|Error:/);
  });

  it('runEnsembleOnQueue names a wrong or missing password, never printing it', async () => {
    const port = await freePort();
    await startRedis(port, ['--requirepass', 'right-one']);
    const wrong = runEnsembleOnQueue(scenario, { redis: `redis://:wrong-one@127.0.0.1:${port}`, runs: 2 });
    await expect(wrong).rejects.toThrow(QueueError);
    await expect(wrong).rejects.toThrow(/refused the password/);
    await expect(wrong).rejects.not.toThrow(/wrong-one/);
    await expect(runEnsembleOnQueue(scenario, { redis: `redis://127.0.0.1:${port}`, runs: 2 })).rejects.toThrow(/needs a password/);
    await expect(startQueueWorker({ redis: `redis://:wrong-one@127.0.0.1:${port}` })).rejects.toThrow(/refused the password/);
  });

  it('runEnsembleOnQueue fails with a clear message within its bound when Redis is gone for good', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const redis = await startRedis(port);
    const started = Date.now();
    let stopped: Promise<void> | undefined;
    const run = runEnsembleOnQueue(scenario, {
      redis: url,
      runs: RUNS,
      seed: 21,
      batchSize: 4,
      pollMs: 100,
      unreachableTimeoutMs: 3000,
      onProgress: () => undefined,
    });
    // No worker: the coordinator is waiting on the first job when Redis dies.
    await new Promise((r) => setTimeout(r, 500));
    stopped = stop(redis);
    await expect(run).rejects.toThrow(/lost contact with Redis .* for 3 s/);
    await stopped;
    // Bounded: the 3 s budget plus polling, far from "waits forever" (no timing assertion beyond the test timeout).
    expect(Date.now() - started).toBeGreaterThan(3000);
  }, 60_000);

  it('runEnsembleOnQueue on abort (Ctrl-C) removes the ensemble\'s jobs from the queue', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    await startRedis(port);
    const controller = new AbortController();
    const run = runEnsembleOnQueue(scenario, { redis: url, runs: RUNS, seed: 21, batchSize: 4, pollMs: 100, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 800));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(EnsembleInterrupted);
    const waiting = spawnSync('redis-cli', ['-p', String(port), 'llen', `bull:${DEFAULT_QUEUE}:wait`], { encoding: 'utf8' }).stdout.trim();
    const jobs = spawnSync('redis-cli', ['-p', String(port), '--scan', '--pattern', `bull:${DEFAULT_QUEUE}:*-*`], { encoding: 'utf8' }).stdout.trim();
    expect(waiting).toBe('0');
    expect(jobs).toBe('');
  });

  it('a queue worker refuses a job added by hand whose scenario is invalid or over budget', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    await startRedis(port);
    await worker(url);
    const { Queue } = await import('bullmq');
    const queue = new Queue(DEFAULT_QUEUE, { connection: { host: '127.0.0.1', port } });
    const forged = await queue.add('batch', { scenario: { ...scenario, parameters: { initialFighters: 5e6 } }, seed: 1, firstRun: 0, count: 2 }, { attempts: 1 });
    const huge = await queue.add('batch', { scenario, seed: 1, firstRun: 0, count: 1e9 }, { attempts: 1 });
    for (let i = 0; i < 100 && ((await queue.getJobState(forged.id as string)) !== 'failed' || (await queue.getJobState(huge.id as string)) !== 'failed'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await queue.getJobState(forged.id as string)).toBe('failed');
    expect(await queue.getJobState(huge.id as string)).toBe('failed');
    expect((await queue.getJob(huge.id as string))?.failedReason).toMatch(/count must be/);
    await queue.close();
  });
});
