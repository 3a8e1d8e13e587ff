import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../parseArgs.js';
import { prim } from '../../analysis/discovery/prim.js';
import { primBoxStatistics } from '../../analysis/discovery/primBoxStatistics.js';
import { selectPrimBox } from '../../analysis/discovery/selectPrimBox.js';
import type { PrimStep } from '../../analysis/discovery/primTypes.js';
import { explore, experimentsToCsv, parseExperimentsCsv } from '../../experiment/explore.js';
import { sensitivity } from '../../experiment/sensitivity.js';
import { poolExecutor } from '../../node/poolExecutor.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { formatDiscovery } from '../../report/formatDiscovery.js';
import { formatSensitivity } from '../../report/formatSensitivity.js';
import { loadScenarioFile } from '../files.js';
import { createProgressBar } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';

function quietBar(quiet: boolean, io: CommandIo, label: string) {
  return createProgressBar(quiet ? { isTTY: false, write: () => true } : io.stderr, label);
}

function asUsage<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((error: unknown) => {
    throw error instanceof RangeError ? new UsageError(error.message) : error;
  });
}

/** `resurgence sensitivity <scenario>`. */
export async function sensitivityCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      method: { type: 'string' },
      n: { type: 'string' },
      outcome: { type: 'string' },
      factors: { type: 'string' },
      replicates: { type: 'string' },
      'by-month': { type: 'string' },
      'second-order': { type: 'boolean', default: false },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('sensitivity needs one scenario, e.g. resurgence sensitivity baseline-2020 --outcome territorialComeback@24');
  const method = values.method ?? 'sobol';
  if (method !== 'sobol' && method !== 'morris') throw new UsageError(`invalid --method: ${method} (expected sobol or morris)`);
  const valid = loadScenarioFile(positionals[0] as string);
  const n = integerFlag('--n', values.n, 2);
  const replicates = integerFlag('--replicates', values.replicates);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  const bar = quietBar(values.quiet, io, 'sensitivity');
  const result = await asUsage(() =>
    sensitivity(valid, {
      method,
      ...(n === undefined ? {} : { n }),
      ...(values.outcome === undefined ? {} : { outcome: values.outcome }),
      ...(values.factors === undefined ? {} : { factors: values.factors.split(',').map((f) => f.trim()) }),
      ...(replicates === undefined ? {} : { replicates }),
      ...(values['by-month'] === undefined ? {} : { byMonth: values['by-month'] }),
      secondOrder: values['second-order'],
      ...(seed === undefined ? {} : { seed }),
      executor: poolExecutor(workers === undefined ? {} : { workers }),
      onProgress: (done, total) => bar.update(done, total),
    }),
  ).finally(() => bar.finish());
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out !== undefined) writeFileAtomic(join(values.out, 'sensitivity.json'), json);
  io.stdout.write(values.json ? json : formatSensitivity(result));
  return 0;
}

/** `resurgence explore <scenario> --out experiments.csv`. */
export async function exploreCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      n: { type: 'string' },
      design: { type: 'string' },
      factors: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || values.out === undefined) throw new UsageError('explore needs a scenario and --out, e.g. resurgence explore baseline-2020 --out experiments.csv');
  const design = values.design ?? 'lhs';
  if (design !== 'lhs' && design !== 'sobol') throw new UsageError(`invalid --design: ${design} (expected lhs or sobol)`);
  const valid = loadScenarioFile(positionals[0] as string);
  const n = integerFlag('--n', values.n, 2);
  const seed = seedFlag(values.seed);
  const workers = integerFlag('--workers', values.workers);
  const bar = quietBar(values.quiet, io, 'explore');
  const table = await asUsage(() =>
    explore(valid, {
      design,
      ...(n === undefined ? {} : { n }),
      ...(values.factors === undefined ? {} : { factors: values.factors.split(',').map((f) => f.trim()) }),
      ...(seed === undefined ? {} : { seed }),
      executor: poolExecutor(workers === undefined ? {} : { workers }),
      onProgress: (done, total) => bar.update(done, total),
    }),
  ).finally(() => bar.finish());
  writeFileAtomic(values.out, experimentsToCsv(table));
  const counts = Object.entries(table.events).map(([id, hits]) => `${id} in ${hits.reduce((a, b) => a + b, 0)}`);
  io.stdout.write(`wrote ${values.out}: ${table.rows.length} runs × ${table.factors.length} factors; ${counts.join(', ')} runs\n`);
  return 0;
}

/** `resurgence discover <experiments.csv> --event <name>`. */
export async function discoverCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      'peel-alpha': { type: 'string' },
      'paste-alpha': { type: 'string' },
      'mass-min': { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || values.event === undefined) {
    throw new UsageError('discover needs an experiments file and --event, e.g. resurgence discover experiments.csv --event territorialComeback');
  }
  const file = positionals[0] as string;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (write one with resurgence explore)' : (error as Error).message}`);
  }
  const number = (flag: string, text?: string) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new UsageError(`invalid ${flag}: ${text} (expected a number)`);
    return value;
  };
  let table;
  try {
    table = parseExperimentsCsv(text, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const eventColumn = `event:${values.event}`;
  const y = table.columns[eventColumn];
  if (!y) {
    const events = table.names.filter((name) => name.startsWith('event:')).map((name) => name.slice(6));
    throw new UsageError(`${file} has no column ${eventColumn} (events in it: ${events.join(', ') || 'none'})`);
  }
  const cases = y.reduce((sum, value) => sum + (value ? 1 : 0), 0);
  if (cases === 0 || cases === y.length) {
    io.stdout.write(`${values.event} happened in ${cases === 0 ? 'none' : 'all'} of the ${y.length} runs of ${file}: there is nothing to tell apart. Explore more runs or wider factor ranges.\n`);
    return 0;
  }
  const inputs = table.names.filter((name) => !name.startsWith('event:') && !isOutcomeColumn(name, table.names));
  const options = {
    ...(values['peel-alpha'] === undefined ? {} : { peelAlpha: number('--peel-alpha', values['peel-alpha']) as number }),
    ...(values['paste-alpha'] === undefined ? {} : { pasteAlpha: number('--paste-alpha', values['paste-alpha']) as number }),
    ...(values['mass-min'] === undefined ? {} : { massMin: number('--mass-min', values['mass-min']) as number }),
    ...(values.threshold === undefined ? {} : { threshold: number('--threshold', values.threshold) as number }),
  };
  let result;
  try {
    result = prim({ names: inputs, x: rowsOf(table.columns, inputs, y.length), y }, options);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const chosen = result.selected ?? selectPrimBox(result.trajectory, { select: 'max-density', minCoverage: 0.5 });
  const box = chosen === null ? null : primBoxStatistics(result.data, (result.trajectory[chosen] as PrimStep).limits);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ event: values.event, options: result.options, trajectory: result.trajectory, chosen, box }, null, 2)}\n`);
  } else {
    io.stdout.write(formatDiscovery(values.event, result.trajectory, chosen, box));
  }
  return 0;
}

/** Outcome columns written by `explore` (observables at the horizon) are not inputs. */
function isOutcomeColumn(name: string, names: readonly string[]): boolean {
  const firstEvent = names.findIndex((n) => n.startsWith('event:'));
  return firstEvent >= 0 && names.indexOf(name) > firstEvent;
}

function rowsOf(columns: Record<string, Float64Array>, names: readonly string[], count: number): Float64Array[] {
  return Array.from({ length: count }, (_, r) => Float64Array.from(names, (name) => (columns[name] as Float64Array)[r] as number));
}
