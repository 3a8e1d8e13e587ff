import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../parseArgs.js';
import { seriesToCsv } from '../../report/toCsv.js';
import { mergeEnsembleStates, readEnsembleState } from '../../node/ensembleState.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { UsageError, type CommandIo } from '../usage.js';
import { formatRunReport } from './run.js';

/** `resurgence merge <part dirs…> --out DIR`: shards into the exact whole. */
export async function mergeCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('merge needs the part folders written by run --shard, e.g. resurgence merge part-* --out total');
  if (values.out === undefined) throw new UsageError('merge needs --out DIR');
  const states = positionals.map((dir) => {
    const path = join(dir, 'ensemble-state.json');
    if (!existsSync(path)) throw new UsageError(`${dir} has no ensemble-state.json (was it written by resurgence run --shard I/N --out ${dir}?)`);
    return readEnsembleState(path);
  });
  let merged;
  try {
    merged = mergeEnsembleStates(states, positionals);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  writeFileAtomic(join(values.out, 'summary.json'), `${JSON.stringify(merged.summary, null, 2)}\n`);
  writeFileAtomic(join(values.out, 'series.csv'), seriesToCsv(merged.summary));
  const parts = positionals
    .map((dir, i) => ({ dir, firstRun: (states[i] as { firstRun: number }).firstRun }))
    .sort((a, b) => a.firstRun - b.firstRun);
  const wroteRuns = parts.every(({ dir }) => existsSync(join(dir, 'runs.csv')));
  if (wroteRuns) concatenateRunsCsv(parts.map(({ dir }) => join(dir, 'runs.csv')), join(values.out, 'runs.csv'));
  io.stdout.write(values.json ? `${JSON.stringify(merged.summary, null, 2)}\n` : formatRunReport(merged.summary));
  io.stderr.write(`merged ${positionals.length} parts (${merged.summary.provenance.runs} runs) into ${values.out}/summary.json, series.csv${wroteRuns ? ', runs.csv' : ''}\n`);
  return merged.failures.length > 0 ? 3 : 0;
}

/** The parts' runs.csv in run order, one header, written under a temporary name then renamed. */
function concatenateRunsCsv(files: readonly string[], target: string): void {
  const partial = `${target}.partial`;
  const fd = openSync(partial, 'w');
  try {
    files.forEach((file, i) => {
      const text = readFileSync(file, 'utf8');
      writeSync(fd, i === 0 ? text : text.slice(text.indexOf('\n') + 1));
    });
  } finally {
    closeSync(fd);
  }
  renameSync(partial, target);
}
