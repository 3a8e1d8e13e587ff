import { join } from 'node:path';
import { parseArgs } from '../parseArgs.js';
import { availableParallelism } from 'node:os';
import { attribute, attributionPlan, type AttributionPlan } from '../../experiment/attribute.js';
import { simulate } from '../../experiment/simulate.js';
import type { ValidScenario } from '../../scenario/parseScenario.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { formatAttribution } from '../../report/formatAttribution.js';
import { loadScenarioFile } from '../files.js';
import { createProgressBar, formatSeconds } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

/** `resurgence attribute <scenario> --baseline <b>`. */
export async function attributeCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      baseline: { type: 'string' },
      outcome: { type: 'string', multiple: true },
      runs: { type: 'string' },
      method: { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || values.baseline === undefined) {
    throw new UsageError('attribute needs a scenario and --baseline, e.g. resurgence attribute worst-case --baseline baseline-2020');
  }
  const method = values.method ?? 'auto';
  if (method !== 'exact' && method !== 'sampled' && method !== 'auto') throw new UsageError(`invalid --method: ${method} (expected exact, sampled or auto)`);
  const scenario = loadScenarioFile(positionals[0] as string);
  const baseline = loadScenarioFile(values.baseline);
  const runs = integerFlag('--runs', values.runs, 2);
  const permutations = integerFlag('--permutations', values.permutations);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  if (!values.quiet) {
    try {
      io.stderr.write(`${formatAttributionPlan(attributionPlan(scenario, baseline, { method, ...(runs === undefined ? {} : { runs }), ...(permutations === undefined ? {} : { permutations }), ...(seed === undefined ? {} : { seed }) }), scenario, workers ?? availableParallelism())}\n`);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
  }
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'attribute', undefined, { linesWithoutTty: true });
  let attribution;
  try {
    attribution = await attribute(scenario, baseline, {
      method,
      ...(values.outcome === undefined ? {} : { outcomes: values.outcome }),
      ...(runs === undefined ? {} : { runs }),
      ...(permutations === undefined ? {} : { permutations }),
      ...(seed === undefined ? {} : { seed }),
      executor: poolExecutor(workers === undefined ? {} : { workers }),
      onProgress: (done, total) => bar.update(done, total),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    bar.finish();
  }
  const json = `${JSON.stringify(attribution, null, 2)}\n`;
  if (values.out !== undefined) writeFileAtomic(join(values.out, 'attribution.json'), json);
  io.stdout.write(values.json ? json : formatAttribution(attribution));
  return 0;
}

/**
 * One line on the work an attribution will do and how long it should take: the model runs per
 * second measured on a few runs of the scenario in this thread, times the runs to do, over the
 * workers. An estimate (first runs are slower, workers share the machine), printed before starting.
 *
 * @example
 * formatAttributionPlan(attributionPlan(worst, baseline), worst, 2);
 * // 'attribute: 12 factors differ → sampled Shapley values: 705 coalitions × 200 runs = 141,000 model runs; about 39 min on 2 workers (…)'
 */
export function formatAttributionPlan(plan: AttributionPlan, scenario: ValidScenario, workers: number): string {
  const timedRuns = 3;
  const started = performance.now();
  simulate(scenario, { runs: timedRuns, seed: 'attribute-timing' });
  const secondsPerRun = (performance.now() - started) / 1000 / timedRuns;
  const estimate = (plan.simulations * secondsPerRun) / Math.max(1, workers);
  const method = plan.method === 'exact' ? `exact Shapley values (all 2^${plan.players.length} coalitions)` : 'sampled Shapley values (permutations)';
  return `attribute: ${plan.players.length} factors differ → ${method}: ${plan.coalitions.toLocaleString('en-US')} coalitions × ${plan.runs.toLocaleString('en-US')} runs = ${plan.simulations.toLocaleString('en-US')} model runs; about ${formatSeconds(estimate)} on ${workers} worker${workers === 1 ? '' : 's'} (timed from ${timedRuns} runs; --runs or --permutations for less)`;
}
