import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from '../parseArgs.js';
import { compare } from '../../experiment/compare.js';
import { monthLabels } from '../../experiment/simulate.js';
import type { ValidScenario } from '../../scenario/parseScenario.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { formatComparison } from '../../report/formatComparison.js';
import { loadScenarioFile } from '../files.js';
import { uncertaintyFlag } from '../uncertaintyFlag.js';
import { withUncertaintyMode } from '../../scenario/uncertainty.js';
import { createProgressBar } from '../progressBar.js';
import { formatDurationEstimate, trySecondsPerRun } from '../durationEstimate.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

/** `resurgence compare <a> <b>`. */
export async function compareCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      months: { type: 'string' },
      uncertainty: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new UsageError('compare needs two scenarios, e.g. resurgence compare baseline-2020 us-stays');
  const mode = uncertaintyFlag(values.uncertainty);
  const [a, b] = positionals.map((file) => withUncertaintyMode(loadScenarioFile(file), mode)) as [ValidScenario, ValidScenario];
  // Checked before the runs, so a typo costs nothing.
  const months = values.months === undefined ? undefined : monthIndices(values.months, monthLabels(a.scenario.start, a.scenario.months));
  const runs = integerFlag('--runs', values.runs, 2);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  const pairs = runs ?? a.scenario.runs ?? 1000;
  if (!values.quiet && !io.stderr.isTTY && pairs > 4) {
    // Without a TTY (CI logs) there is no bar: say up front how long it should take.
    const [perRunA, perRunB] = [trySecondsPerRun(a, 1), trySecondsPerRun(b, 1)];
    if (perRunA !== undefined && perRunB !== undefined) {
      io.stderr.write(`${formatDurationEstimate({ label: 'compare', what: `${pairs.toLocaleString('en-US')} paired runs (2 arms)`, runs: pairs, months: a.scenario.months, workers: workers ?? availableParallelism(), secondsPerRun: perRunA + perRunB, timedRuns: 2 })}\n`);
    }
  }
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'compare', undefined, { linesWithoutTty: true });
  const comparison = await compare(a, b, {
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
    executor: poolExecutor(workers === undefined ? {} : { workers }),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  const json = `${JSON.stringify(comparison, null, 2)}\n`;
  if (values.out !== undefined) writeFileAtomic(join(values.out, 'comparison.json'), json);
  io.stdout.write(values.json ? json : formatComparison(comparison, months === undefined ? {} : { months }));
  return 0;
}

/**
 * Parses `--months`: a comma-separated list of 1-based month numbers (`12` is the 12th month of
 * the scenario) or calendar months (`2022-04`), into 0-based indices of `labels` (the scenario's
 * months, YYYY-MM). Throws a UsageError naming the bad item and the valid range.
 *
 * @example
 * monthIndices('1,2020-07', ['2020-05', '2020-06', '2020-07']); // [0, 2]
 */
export function monthIndices(text: string, labels: readonly string[]): number[] {
  return text.split(',').map((item) => {
    const trimmed = item.trim();
    const index = /^\d+$/.test(trimmed) ? Number(trimmed) - 1 : labels.indexOf(trimmed);
    if (!(index >= 0 && index < labels.length)) {
      throw new UsageError(`invalid --months: ${trimmed} (expected 1…${labels.length} or a month from ${labels[0]} to ${labels.at(-1)})`);
    }
    return index;
  });
}
