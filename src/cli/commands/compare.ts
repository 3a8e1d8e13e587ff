import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compare } from '../../experiment/compare.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { formatComparison } from '../../report/formatComparison.js';
import { loadScenarioFile } from '../files.js';
import { uncertaintyFlag, UNCERTAINTY_HELP } from '../uncertaintyFlag.js';
import { withUncertaintyMode } from '../../scenario/uncertainty.js';
import { createProgressBar } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

export const COMPARE_HELP = `  compare    Two scenarios as an intervention, with common random numbers: per observable the
             paired difference b − a with a 95% CI, per event the change in probability, and
             the variance reduction against independent arms.
             resurgence compare <a> <b> [--runs N] [--seed S] [--workers N] [--json] [--out DIR] [--quiet]
             ${UNCERTAINTY_HELP}`;

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
      uncertainty: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new UsageError('compare needs two scenarios, e.g. resurgence compare baseline-2020 us-stays');
  const mode = uncertaintyFlag(values.uncertainty);
  const [a, b] = positionals.map((file) => withUncertaintyMode(loadScenarioFile(file), mode));
  const runs = integerFlag('--runs', values.runs, 2);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'compare');
  const comparison = await compare(a, b, {
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
    executor: poolExecutor(workers === undefined ? {} : { workers }),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  const json = `${JSON.stringify(comparison, null, 2)}\n`;
  if (values.out !== undefined) writeFileAtomic(join(values.out, 'comparison.json'), json);
  io.stdout.write(values.json ? json : formatComparison(comparison));
  return 0;
}
