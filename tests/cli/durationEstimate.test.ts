import { describe, expect, it } from 'vitest';
import { formatDurationEstimate, secondsPerRun } from '../../src/cli/durationEstimate.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { validScenario } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

describe('duration estimate (no TTY)', () => {
  it('formatDurationEstimate: runs × seconds per run ÷ workers', () => {
    expect(formatDurationEstimate({ label: 'run', runs: 1000, months: 36, workers: 2, secondsPerRun: 0.25, timedRuns: 2 })).toBe(
      'run: 1,000 runs × 36 months; about 2m 05s on 2 workers (timed from 2 runs)',
    );
    expect(formatDurationEstimate({ label: 'compare', what: '10 paired runs (2 arms)', runs: 10, months: 12, workers: 1, secondsPerRun: 3, timedRuns: 2 })).toBe(
      'compare: 10 paired runs (2 arms) × 12 months; about 30s on 1 worker (timed from 2 runs)',
    );
  });

  it('secondsPerRun divides the time the pilot took (injected clock) by its runs', () => {
    const valid = validScenario({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 3 });
    const times = [1000, 4000];
    expect(secondsPerRun(valid, 2, () => times.shift() as number)).toBe(1.5);
  });

  it('run without a TTY prints the estimate line before the runs and its sparse progress lines; not for ≤ 4 runs; --quiet prints neither', async () => {
    const stderr: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { isTTY: false, write: (text: string) => stderr.push(text) } };
    expect(await runCommand(['baseline-2020', '--runs', '8', '--workers', '1'], io)).toBe(0);
    expect(stderr[0]).toMatch(/^run baseline-2020: 8 runs × 36 months; about \S+ on 1 worker \(timed from 2 runs\)\n$/);
    expect(stderr.filter((line) => /^baseline-2020: \d+\/8 runs \(\d+%\)/.test(line))).toHaveLength(3);
    expect(stderr.at(-1)).toMatch(/^8 runs in [\d.]+ s\n$/);
    const few: string[] = [];
    expect(await runCommand(['baseline-2020', '--runs', '3', '--workers', '1'], { ...io, stderr: { isTTY: false, write: (text: string) => few.push(text) } })).toBe(0);
    expect(few.filter((line) => line.startsWith('run baseline-2020:'))).toEqual([]); // 3 runs: no pilot
    const quiet: string[] = [];
    expect(await runCommand(['baseline-2020', '--runs', '2', '--workers', '1', '--quiet'], { ...io, stderr: { isTTY: false, write: (text: string) => quiet.push(text) } })).toBe(0);
    expect(quiet).toEqual([]);
  });
});
