import { join } from 'node:path';
import { parseArgs } from '../parseArgs.js';
import { attribute } from '../../experiment/attribute.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { formatAttribution } from '../../report/formatAttribution.js';
import { loadScenarioFile } from '../files.js';
import { createProgressBar } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

export const ATTRIBUTE_HELP = `  attribute  Split the change in outcomes from a baseline to a scenario among the factors that
             differ (Shapley values with 95% CIs; exact for ≤ 10 factors, else sampled).
             resurgence attribute <scenario> --baseline <b> [--outcome fighters@24 …] [--runs N]
                 [--method exact|sampled|auto] [--permutations N] [--seed S] [--workers N] [--json] [--out DIR]
             outcomes: observable@month, observable:total, event, event@month`;

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
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'attribute');
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
