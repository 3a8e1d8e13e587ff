// Issue 17, items 6–7: a signal stops a run inside a batch; resume verifies every file it relies
// on and refuses, with a one-line ResumeError, rather than produce a partial result.
import { appendFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnsembleInterrupted, ResumeError, runEnsemble, type RunEnsembleOptions } from '../../src/node/runEnsemble.js';
import { writeFileAtomic } from '../../src/node/writeFileAtomic.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const scenario = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 };
const RUNS = 40;

function paths(dir: string) {
  return { checkpointPath: join(dir, '.checkpoint.json'), runsCsvPath: join(dir, 'runs.csv') };
}

const options = (dir: string, extra: Partial<RunEnsembleOptions> = {}): RunEnsembleOptions => ({
  runs: RUNS,
  seed: 3,
  workers: 1,
  checkpointEvery: 5,
  ...paths(dir),
  ...extra,
});

/** Runs until `stopAt` runs are done, then aborts; returns the folder with the checkpoint. */
async function interrupted(stopAt = 17, extra: Partial<RunEnsembleOptions> = {}): Promise<{ dir: string; error: EnsembleInterrupted }> {
  const dir = mkdtempSync(join(tmpdir(), 'resume-'));
  const controller = new AbortController();
  const run = runEnsemble(scenario, {
    ...options(dir, extra),
    signal: controller.signal,
    onProgress: (done) => {
      if (done === stopAt) controller.abort();
    },
  });
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EnsembleInterrupted)) throw new Error(`expected an interruption, got ${String(error)}`);
  return { dir, error };
}

async function resumeError(dir: string, extra: Partial<RunEnsembleOptions> = {}): Promise<ResumeError> {
  const error = await runEnsemble(scenario, { ...options(dir), resume: true, ...extra }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResumeError);
  expect((error as Error).message).not.toContain('\n');
  return error as ResumeError;
}

describe('runEnsemble interrupted and resumed', () => {
  it('runEnsemble stops inside a batch (one batch of all runs) right after the abort, and resumes to the uninterrupted result', async () => {
    const whole = mkdtempSync(join(tmpdir(), 'resume-whole-'));
    const reference = await runEnsemble(scenario, options(whole, { batchSize: RUNS }));
    const { dir, error } = await interrupted(7, { batchSize: RUNS });
    expect(error.nextRun).toBeLessThanOrEqual(8);
    expect(existsSync(paths(dir).checkpointPath)).toBe(true);
    const resumed = await runEnsemble(scenario, { ...options(dir, { batchSize: RUNS }), resume: true });
    expect(resumed.computedRuns).toBe(RUNS - error.nextRun);
    expect(JSON.stringify(resumed.summary.series)).toBe(JSON.stringify(reference.summary.series));
    expect(readFileSync(paths(dir).runsCsvPath, 'utf8')).toBe(readFileSync(paths(whole).runsCsvPath, 'utf8'));
  });

  it('runEnsemble --resume refuses when runs.csv.partial is missing (no truncated runs.csv)', async () => {
    const { dir } = await interrupted();
    rmSync(`${paths(dir).runsCsvPath}.partial`);
    expect((await resumeError(dir)).message).toMatch(/runs\.csv\.partial.*is missing/);
    expect(existsSync(paths(dir).runsCsvPath)).toBe(false);
  });

  it('runEnsemble --resume refuses a runs.csv.partial changed since the checkpoint', async () => {
    const { dir } = await interrupted();
    const partial = `${paths(dir).runsCsvPath}.partial`;
    const text = readFileSync(partial, 'utf8');
    writeFileSync(partial, text.replace(/,(\d)/, ',9$1'));
    expect((await resumeError(dir)).message).toMatch(/changed since the checkpoint/);
  });

  it('runEnsemble --resume refuses a runs.csv.partial shorter than the checkpoint recorded', async () => {
    const { dir } = await interrupted();
    const partial = `${paths(dir).runsCsvPath}.partial`;
    writeFileSync(partial, readFileSync(partial, 'utf8').slice(0, 100));
    expect((await resumeError(dir)).message).toMatch(/shorter than the checkpoint/);
  });

  it('runEnsemble accepts extra bytes after the checkpoint (written before the interruption) and cuts them', async () => {
    const { dir } = await interrupted();
    appendFileSync(`${paths(dir).runsCsvPath}.partial`, 'half a row,1,2');
    const resumed = await runEnsemble(scenario, { ...options(dir), resume: true });
    expect(readFileSync(paths(dir).runsCsvPath, 'utf8')).not.toContain('half a row');
    expect(resumed.summary.provenance.runs).toBe(RUNS);
  });

  it('runEnsemble never writes through a symbolic link at runs.csv.partial', async () => {
    const { dir } = await interrupted();
    const partial = `${paths(dir).runsCsvPath}.partial`;
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    renameSync(partial, join(dir, 'moved'));
    symlinkSync(victim, partial);
    expect((await resumeError(dir)).message).toMatch(/symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    // A fresh run refuses it too.
    const fresh = await runEnsemble(scenario, options(dir)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fresh).toBeInstanceOf(ResumeError);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('runEnsemble --resume refuses a truncated checkpoint, an empty object and an edited one', async () => {
    const { dir } = await interrupted();
    const checkpoint = paths(dir).checkpointPath;
    const text = readFileSync(checkpoint, 'utf8');
    writeFileSync(checkpoint, text.slice(0, text.length / 2));
    expect((await resumeError(dir)).message).toMatch(/truncated or damaged/);
    writeFileSync(checkpoint, '{}');
    expect((await resumeError(dir)).message).toMatch(/not a resurgence checkpoint/);
    writeFileSync(checkpoint, text.replace(/"nextRun":(\d+)/, '"nextRun":1'));
    expect((await resumeError(dir)).message).toMatch(/checksum does not match/);
  });

  it('runEnsemble --resume with another --runs or --seed names the flag to keep', async () => {
    const { dir } = await interrupted();
    expect((await resumeError(dir, { runs: RUNS + 10 })).message).toMatch(/--runs/);
    expect((await resumeError(dir, { seed: 99 })).message).toMatch(/--seed/);
  });

  it('runEnsemble --resume --per-run refuses a checkpoint written without per-run rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resume-nocsv-'));
    const controller = new AbortController();
    await runEnsemble(scenario, {
      runs: RUNS,
      seed: 3,
      workers: 1,
      checkpointEvery: 5,
      checkpointPath: paths(dir).checkpointPath,
      signal: controller.signal,
      onProgress: (done) => done === 12 && controller.abort(),
    }).catch(() => undefined);
    expect((await resumeError(dir)).message).toMatch(/without per-run rows/);
  });
});

describe('writeFileAtomic', () => {
  it('writeFileAtomic replaces a symbolic link at the path instead of writing into its target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'summary.json'));
    writeFileAtomic(join(dir, 'summary.json'), '{"ok":true}');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'summary.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{"ok":true}');
  });
});
