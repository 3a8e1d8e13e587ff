import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import packageJson from '../../../package.json';
import { parseArgs } from '../parseArgs.js';
import { monthLabels, scenarioHash, type EnsembleSummary } from '../../experiment/simulate.js';
import { OBSERVABLE_IDS } from '../../model/observables.js';
import { openPerRunFile, PER_RUN_FILE_FORMATS, type PerRunFile } from '../../node/perRunFile.js';
import { formatSummaryTable } from '../../report/formatSummaryTable.js';
import { seriesToCsv } from '../../report/toCsv.js';
import { formatBacktest } from '../../report/formatBacktest.js';
import { backtestScores } from '../../analysis/backtest/backtestScores.js';
import type { RunResult } from '../../experiment/runOnce.js';
import { ensembleState } from '../../node/ensembleState.js';
import { runEnsembleOnQueue } from '../../node/queue.js';
import { EnsembleInterrupted, RunFailedError, runEnsemble } from '../../node/runEnsemble.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { loadScenarioFile } from '../files.js';
import { uncertaintyFlag } from '../uncertaintyFlag.js';
import { withUncertaintyMode } from '../../scenario/uncertainty.js';
import { writeReportFiles } from './report.js';
import { createProgressBar } from '../progressBar.js';
import { formatDurationEstimate, trySecondsPerRun } from '../durationEstimate.js';
import { integerFlag, seedFlag, shellQuote, UsageError, type CommandIo } from '../usage.js';
import { prepareOutputDir } from '../outputDir.js';
import { renderUserError } from '../renderError.js';
import { interruptedMessage, onInterrupt, resumeHint } from '../signals.js';

/** `resurgence run <scenario>`: an ensemble on every core, with checkpoints, shards and failures. */
export async function runCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      'per-run': { type: 'boolean', default: false },
      'per-run-file': { type: 'string' },
      workers: { type: 'string' },
      'batch-size': { type: 'string' },
      shard: { type: 'string' },
      'first-run': { type: 'string' },
      resume: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'checkpoint-every': { type: 'string' },
      'fail-fast': { type: 'boolean', default: false },
      'inject-failure': { type: 'string', multiple: true },
      redis: { type: 'string' },
      report: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      uncertainty: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('run needs exactly one scenario file, e.g. resurgence run scenarios/baseline-2020.json');
  const out = values.out;
  if (values['per-run'] && out === undefined) throw new UsageError('--per-run needs --out DIR (runs.csv is written there)');
  if (values.resume && out === undefined) throw new UsageError('--resume needs --out DIR (the checkpoint is DIR/.checkpoint.json)');
  if (values.shard !== undefined && out === undefined) throw new UsageError('--shard needs --out DIR (the part is written there for resurgence merge)');
  if (values.shard !== undefined && values['first-run'] !== undefined) throw new UsageError('--shard and --first-run cannot be combined');
  const perRunPath = values['per-run-file'];
  if (perRunPath !== undefined) {
    if (!(extname(perRunPath).toLowerCase() in PER_RUN_FILE_FORMATS)) {
      throw new UsageError(`--per-run-file ${perRunPath}: name it .arrow or .feather (Apache Arrow IPC file) or .csv`);
    }
    if (values.resume || values.redis !== undefined) {
      throw new UsageError('--per-run-file cannot be combined with --resume or --redis (it is written from the runs computed in this process; --out DIR --per-run resumes)');
    }
  }
  const file = positionals[0] as string;
  const valid = withUncertaintyMode(loadScenarioFile(file), uncertaintyFlag(values.uncertainty));
  if (out !== undefined) prepareOutputDir(out, { force: values.force, resume: values.resume });
  const totalRuns = integerFlag('--runs', values.runs) ?? valid.scenario.runs ?? 1000;
  const seed = seedFlag(values.seed) ?? valid.scenario.seed ?? 1;
  let firstRun = integerFlag('--first-run', values['first-run'], 0) ?? 0;
  let runs = totalRuns;
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
    if (!(count >= 1 && index < count)) throw new UsageError(`invalid --shard: ${values.shard} (expected I/N with 0 ≤ I < N, e.g. 0/4)`);
    firstRun = Math.floor((index * totalRuns) / count);
    runs = Math.floor(((index + 1) * totalRuns) / count) - firstRun;
    if (runs === 0) throw new UsageError(`--shard ${values.shard} has no runs (${totalRuns} runs in ${count} shards)`);
  }
  const injectFailures = (values['inject-failure'] ?? []).map((text) => integerFlag('--inject-failure', text, 0) as number);
  const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, valid.scenario.name, undefined, { linesWithoutTty: true });
  // A scenario that carries observed series is back-tested: its runs are kept for the scores.
  const observed = valid.observed ?? [];
  const kept: RunResult[] = [];
  if (observed.length > 0 && (values.resume || values.redis !== undefined)) {
    throw new UsageError('a scenario with observed series is scored from its runs: run it without --resume or --redis');
  }
  const interrupt = onInterrupt();
  const started = performance.now();
  let result;
  let perRunFile: PerRunFile | undefined;
  try {
    if (perRunPath !== undefined) {
      perRunFile = await openPerRunFile(perRunPath, {
        observables: OBSERVABLE_IDS,
        months: monthLabels(valid.scenario.start, valid.scenario.months),
        metadata: {
          'resurgence.version': packageJson.version,
          'resurgence.scenario': valid.scenario.name,
          'resurgence.scenarioHash': scenarioHash(valid),
          'resurgence.seed': JSON.stringify(seed),
          'resurgence.firstRun': String(firstRun),
          'resurgence.runs': String(runs),
        },
      });
    }
    const onRun = observed.length > 0 || perRunFile
      ? (run: RunResult) => {
          if (observed.length > 0) kept.push(run);
          perRunFile?.add(run);
        }
      : undefined;
    const workers = integerFlag('--workers', values.workers);
    const batchSize = integerFlag('--batch-size', values['batch-size']);
    const checkpointEvery = integerFlag('--checkpoint-every', values['checkpoint-every']);
    if (values.redis !== undefined && (values.resume || values['per-run'])) {
      throw new UsageError('--redis cannot be combined with --resume or --per-run (the queue keeps finished batches itself)');
    }
    // Without a TTY (CI logs) there is no bar: say up front how long it should take.
    // Not for a handful of runs (reproducing one run, say), where the pilot is as long as the work.
    const timedRuns = 2;
    const perRun = !values.quiet && !io.stderr.isTTY && values.redis === undefined && runs > 2 * timedRuns ? trySecondsPerRun(valid, timedRuns) : undefined;
    if (perRun !== undefined) {
      io.stderr.write(`${formatDurationEstimate({ label: `run ${valid.scenario.name}`, runs, months: valid.scenario.months, workers: workers ?? availableParallelism(), secondsPerRun: perRun, timedRuns })}\n`);
    }
    result = values.redis !== undefined
      ? await runEnsembleOnQueue(valid, {
          redis: values.redis,
          runs,
          seed,
          firstRun,
          ...(batchSize === undefined ? {} : { batchSize }),
          failFast: values['fail-fast'],
          injectFailures,
          signal: interrupt.signal,
          onNotice: (line) => io.stderr.write(`\n${line}\n`),
          onProgress: (done, total) => bar.update(done, total),
        })
      : await runEnsemble(valid, {
      runs,
      seed,
      firstRun,
      ...(workers === undefined ? {} : { workers }),
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(checkpointEvery === undefined ? {} : { checkpointEvery }),
      ...(out === undefined ? {} : { checkpointPath: join(out, '.checkpoint.json') }),
      ...(values['per-run'] && out !== undefined ? { runsCsvPath: join(out, 'runs.csv') } : {}),
      resume: values.resume,
      ...(onRun ? { onRun } : {}),
      failFast: values['fail-fast'],
      injectFailures,
      signal: interrupt.signal,
      onProgress: (done, total) => bar.update(done, total),
    });
    await perRunFile?.close();
  } catch (error) {
    perRunFile?.abort();
    bar.finish();
    if (error instanceof EnsembleInterrupted) {
      io.stderr.write(interruptedMessage(error, ['run', ...args]));
      return 130;
    }
    const checkpointExists = out !== undefined && existsSync(join(out, '.checkpoint.json'));
    const rendered = renderUserError(error, { ...(checkpointExists ? { resumeHint: resumeHint(['run', ...args], true) as string } : {}) });
    if (rendered) {
      io.stderr.write(rendered.text);
      return rendered.exitCode;
    }
    if (error instanceof RunFailedError) {
      io.stderr.write(`✖ ${error.message}\n  reproduce it with: ${reproduceCommand(file, seed, error.failure.run)}\n`);
      return 1;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
  bar.finish();
  const { summary } = result;
  if (out !== undefined) {
    writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileAtomic(join(out, 'series.csv'), seriesToCsv(summary));
    if (values.shard !== undefined) {
      const state = ensembleState(valid, { seed, totalRuns, firstRun, runs }, result.accumulator, result.failures);
      writeFileAtomic(join(out, 'ensemble-state.json'), JSON.stringify(state));
    }
  }
  const backtest = observed.length > 0 ? backtestScores(observed, kept, { seed, ...(valid.forecastOrigin === undefined ? {} : { origin: valid.forecastOrigin }) }) : undefined;
  if (backtest && out !== undefined) writeFileAtomic(join(out, 'backtest.json'), `${JSON.stringify(backtest, null, 2)}\n`);
  io.stdout.write(
    values.json
      ? `${JSON.stringify(backtest ? { ...summary, backtest } : summary, null, 2)}\n`
      : formatRunReport(summary) + (backtest ? `\n${formatBacktest(backtest)}` : ''),
  );
  if (values.report !== undefined) {
    writeReportFiles(summary, undefined, values.report, undefined, undefined, backtest);
    io.stderr.write(`wrote the report: ${values.report}\n`);
  }
  for (const failure of result.failures) {
    io.stderr.write(`✖ run ${failure.run} failed: ${failure.message}\n  reproduce it with: ${reproduceCommand(file, seed, failure.run)}\n`);
  }
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    const written = (out === undefined ? '' : `; wrote ${out}/summary.json, series.csv${values['per-run'] ? ', runs.csv' : ''}${values.shard ? ', ensemble-state.json' : ''}`)
      + (perRunPath === undefined ? '' : `; wrote ${perRunPath}`);
    const resumed = result.computedRuns < runs ? ` (${runs - result.computedRuns} from the checkpoint)` : '';
    io.stderr.write(`${runs} runs in ${seconds.toFixed(1)} s${resumed}${written}\n`);
  }
  // Exit 3: the ensemble completed, but some runs failed and are left out of the statistics.
  return result.failures.length > 0 ? 3 : 0;
}

function reproduceCommand(file: string, seed: number | string, run: number): string {
  return ['resurgence', 'run', file, '--seed', String(seed), '--first-run', String(run), '--runs', '1', '--workers', '1', '--fail-fast'].map(shellQuote).join(' ');
}

/** The human-readable report of `resurgence run`: header, table, a note on the attack series. */
export function formatRunReport(summary: EnsembleSummary): string {
  const p = summary.provenance;
  return [
    `${summary.scenario.title ?? summary.scenario.name}`,
    `Question: ${summary.scenario.question}`,
    `${p.runs} runs, seed ${JSON.stringify(p.seed)}, ${summary.scenario.months} months from ${summary.scenario.start}; resurgence ${p.version}, scenario ${p.scenarioHash.slice(0, 12)}`,
    '',
    formatSummaryTable(summary),
    '',
    'attacks* are attack-dataset counts (as Knights, CTC Sentinel); claimedAttacks are ISIS claims, a different series.',
    '',
  ].join('\n');
}
