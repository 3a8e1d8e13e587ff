import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decomposeVariance } from '../../experiment/varianceDecomposition.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { varianceChart } from '../../report/charts/varianceChart.js';
import { formatVarianceDecomposition } from '../../report/formatVarianceDecomposition.js';
import { loadScenarioFile } from '../files.js';
import { createProgressBar } from '../progressBar.js';
import { uncertaintyFlag } from '../uncertaintyFlag.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

/** `resurgence variance <scenario>`: the variance decomposition as a table, JSON or charts. */
export async function varianceCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'parameter-draws': { type: 'string' },
      'input-draws': { type: 'string' },
      replicates: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      uncertainty: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('variance needs exactly one scenario, e.g. resurgence variance scenarios/baseline-2020.json');
  const valid = loadScenarioFile(positionals[0] as string);
  const parameterDraws = integerFlag('--parameter-draws', values['parameter-draws'], 2);
  const inputDraws = integerFlag('--input-draws', values['input-draws'], 2);
  const replicates = integerFlag('--replicates', values.replicates, 2);
  const seed = seedFlag(values.seed);
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'variance');
  let decomposition;
  try {
    decomposition = decomposeVariance(valid, {
      ...(parameterDraws === undefined ? {} : { parameterDraws }),
      ...(inputDraws === undefined ? {} : { inputDraws }),
      ...(replicates === undefined ? {} : { replicates }),
      ...(seed === undefined ? {} : { seed }),
      uncertainty: uncertaintyFlag(values.uncertainty),
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
  }
  const json = `${JSON.stringify(decomposition, null, 2)}\n`;
  if (values.out !== undefined) {
    writeFileAtomic(join(values.out, 'variance.json'), json);
    for (const observable of Object.keys(decomposition.components)) {
      writeFileAtomic(join(values.out, `variance-${observable}.svg`), varianceChart(decomposition, { observable }));
    }
  }
  io.stdout.write(values.json ? json : `${formatVarianceDecomposition(decomposition)}\n`);
  return 0;
}
