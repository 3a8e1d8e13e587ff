import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { EnsembleInterrupted, RunFailedError, runEnsemble } from '../../src/node/runEnsemble.js';
import { ensembleState, mergeEnsembleStates } from '../../src/node/ensembleState.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

// A short horizon keeps these tests fast; the engine does not care about the horizon.
const scenario = { ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 12 };
const json = (value: unknown) => JSON.stringify(value);

describe('runEnsemble', () => {
  it('runEnsemble gives bit-identical summaries for 1, 2 and 4 workers and any batch size, equal to simulate', async () => {
    const reference = json(simulate(scenario, { runs: 40, seed: 11 }).summary);
    for (const [workers, batchSize, inThread] of [[1, 40, true], [1, 3, false], [2, 1, false], [2, 7, false], [4, 5, false], [4, 40, false]] as const) {
      const { summary } = await runEnsemble(scenario, { runs: 40, seed: 11, workers, batchSize, inThread });
      expect(json(summary), `${workers} workers, batches of ${batchSize}`).toBe(reference);
    }
  });

  it('runEnsemble streams runs.csv in run order, identical for any number of workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    await runEnsemble(scenario, { runs: 12, seed: 3, workers: 1, runsCsvPath: join(dir, 'one.csv') });
    await runEnsemble(scenario, { runs: 12, seed: 3, workers: 2, batchSize: 1, runsCsvPath: join(dir, 'two.csv') });
    const one = readFileSync(join(dir, 'one.csv'), 'utf8');
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(one);
    expect(one.trimEnd().split('\n')).toHaveLength(1 + 12 * 12);
    expect(existsSync(join(dir, 'one.csv.partial'))).toBe(false);
  });

  it('runEnsemble records a failing run, leaves it out of the statistics and goes on; failFast stops at the first in run order', async () => {
    const result = await runEnsemble(scenario, { runs: 20, seed: 5, workers: 2, batchSize: 3, injectFailures: [4, 17] });
    expect(result.failures.map((f) => f.run)).toEqual([4, 17]);
    expect(result.summary.failures).toHaveLength(2);
    expect(result.accumulator.count).toBe(18);
    // The statistics equal those of the 18 runs that did not fail.
    const kept = simulate(scenario, { runs: 20, seed: 5, perRun: true }).runs!.filter((r) => r.run !== 4 && r.run !== 17);
    const means = kept.reduce((total, r) => total + r.series[0]!, 0) / kept.length;
    expect(result.summary.series.attacksIraq!.mean[0]).toBeCloseTo(means, 9);
    await expect(runEnsemble(scenario, { runs: 20, seed: 5, workers: 2, batchSize: 2, injectFailures: [17, 9], failFast: true })).rejects.toThrow(
      RunFailedError,
    );
    await expect(runEnsemble(scenario, { runs: 20, seed: 5, workers: 2, injectFailures: [17, 9], failFast: true })).rejects.toThrow(/run 9 failed/);
  });

  it('runEnsemble resumes an interrupted ensemble from its checkpoint to the same summary and runs.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    const whole = await runEnsemble(scenario, { runs: 30, seed: 9, workers: 1, runsCsvPath: join(dir, 'whole.csv') });
    const controller = new AbortController();
    const options = {
      runs: 30,
      seed: 9,
      workers: 1,
      batchSize: 4,
      checkpointPath: join(dir, 'checkpoint.json'),
      checkpointEvery: 4,
      runsCsvPath: join(dir, 'resumed.csv'),
    };
    const interrupted = runEnsemble(scenario, {
      ...options,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 13) controller.abort();
      },
    });
    await expect(interrupted).rejects.toThrow(EnsembleInterrupted);
    expect(existsSync(options.checkpointPath)).toBe(true);
    const resumed = await runEnsemble(scenario, { ...options, resume: true });
    expect(resumed.computedRuns).toBeLessThan(30);
    expect(json(resumed.summary)).toBe(json(whole.summary));
    expect(readFileSync(options.runsCsvPath, 'utf8')).toBe(readFileSync(join(dir, 'whole.csv'), 'utf8'));
    expect(existsSync(options.checkpointPath)).toBe(false);
    await expect(runEnsemble(scenario, { runs: 3, resume: true })).rejects.toThrow(/resume needs a checkpointPath/);
  });

  it('mergeEnsembleStates of shards equals the single run, in any order, and names a gap or an overlap', async () => {
    const whole = await runEnsemble(scenario, { runs: 25, seed: 2, workers: 1 });
    const bounds = [0, 7, 8, 19, 25];
    const parts = await Promise.all(
      bounds.slice(1).map(async (end, i) => {
        const firstRun = bounds[i]!;
        const part = await runEnsemble(scenario, { runs: end - firstRun, firstRun, seed: 2, workers: 1 });
        return ensembleState(scenario, { seed: 2, totalRuns: 25, firstRun, runs: end - firstRun }, part.accumulator, part.failures);
      }),
    );
    const merged = mergeEnsembleStates([parts[2]!, parts[0]!, parts[3]!, parts[1]!]);
    expect(json(merged.summary)).toBe(json(whole.summary));
    expect(() => mergeEnsembleStates([parts[0]!, parts[2]!, parts[3]!])).toThrow('runs 7–7 are missing (no part covers them)');
    expect(() => mergeEnsembleStates([parts[0]!, parts[0]!, parts[1]!, parts[2]!, parts[3]!], ['a', 'b'])).toThrow(/b overlaps another part at run 0/);
  });
});
