import packageJson from '../../../package.json';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from '../parseArgs.js';
import { calibrate, type CalibrationProgress, type CalibrationResult } from '../../calibration/calibrate.js';
import { CalibrationConfigError } from '../../calibration/calibrationConfig.js';
import { calibrationSbc, type CalibrationSbcResult } from '../../calibration/calibrationSbc.js';
import { formatPath } from '../../scenario/issues.js';
import { SHIPPED_SCENARIOS } from '../../scenario/shippedScenarios.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { loadScenarioFile, resolveShippedFile, shippedNames } from '../files.js';
import { createProgressBar, formatSeconds } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError, type CommandIo } from '../usage.js';
import { formatCalibrationSbcReport } from './formatCalibrationSbc.js';
import { calibrationConfigHash } from '../../calibration/calibrationConfigHash.js';
import { CalibrationCheckpointError, openCalibrationCheckpoint, type CalibrationCheckpoint } from '../../node/calibrationCheckpoint.js';

/**
 * `resurgence calibrate <config.json> [--out FILE] [--seed S] [--setup NAME] [--json] [--quiet]`:
 * runs `calibrate` on a calibration config (or, with `--sbc [--reference N] [--replications N] [--unadjusted]`,
 * `calibrationSbc`: the setup's simulation-based calibration, printed as rank histograms), prints the posterior summary and the
 * posterior-predictive check, and writes the posterior samples file atomically with --out.
 * A progress line is drawn on stderr when it is a TTY. Usage mistakes throw a `UsageError`
 * (exit 2 via main); an unreadable or invalid config prints its issues and returns 1; an
 * invalid scenario throws a `ScenarioError` (exit 1 via main).
 *
 * @example
 * await calibrateCommand(['calibration/mid-2020.json', '--out', 'data/posteriors/mid-2020.json'], { stdout: process.stdout, stderr: process.stderr }); // 0
 */
export async function calibrateCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      setup: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      sbc: { type: 'boolean', default: false },
      reference: { type: 'string' },
      replications: { type: 'string' },
      unadjusted: { type: 'boolean', default: false },
      checkpoint: { type: 'string' },
    },
  });
  if (values.sbc && values.checkpoint !== undefined) throw new UsageError('--checkpoint goes with a calibration, not with --sbc');
  if (values.checkpoint === '') throw new UsageError('invalid --checkpoint: empty (expected a file path)');
  if (!values.sbc && (values.reference !== undefined || values.replications !== undefined || values.unadjusted)) {
    throw new UsageError('--reference, --replications and --unadjusted go with --sbc');
  }
  const referenceSize = integerFlag('--reference', values.reference);
  // SBC ranks each replication among 99 posterior draws taken from the reference table.
  if (referenceSize !== undefined && referenceSize < 99) throw new UsageError(`invalid --reference: ${referenceSize} (expected at least 99, the posterior draws each SBC replication takes from it)`);
  const replications = integerFlag('--replications', values.replications);
  if (positionals.length !== 1) throw new UsageError('calibrate needs exactly one config file, e.g. resurgence calibrate calibration/mid-2020.json');
  if (values.out === '') throw new UsageError('invalid --out: empty (expected a file path)');
  if (values.setup === '') throw new UsageError('invalid --setup: empty (expected a setup name from the config)');
  const file = resolveShippedFile(positionals[0] as string, 'calibration');
  const seed = seedFlag(values.seed);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shipped = shippedNames('calibration');
    const reason = code === 'ENOENT' ? `no such file (shipped configs: ${shipped.join(', ')})` : code === 'EISDIR' ? 'is a directory, not a file' : `not valid JSON (${(error as Error).message})`;
    io.stderr.write(`${file}: 1 problem\n  ✖ cannot read the calibration config: ${reason} → at (top level)\n`);
    return 1;
  }
  const base = dirname(resolve(file));
  const resolveScenario = (reference: string) => {
    const shipped = SHIPPED_SCENARIOS[reference];
    if (shipped !== undefined && !reference.includes('/') && !reference.endsWith('.json')) return shipped;
    return loadScenarioFile(resolve(base, reference)).scenario;
  };
  const quietStream = { isTTY: false, write: () => true };
  const started = performance.now();
  if (values.sbc) {
    const bar = createProgressBar(values.quiet ? quietStream : io.stderr, 'calibrate --sbc');
    let result: CalibrationSbcResult;
    try {
      result = calibrationSbc(config, {
        ...(seed === undefined ? {} : { seed }),
        ...(values.setup === undefined ? {} : { setup: values.setup }),
        ...(referenceSize === undefined ? {} : { referenceSize }),
        ...(replications === undefined ? {} : { replications }),
        ...(values.unadjusted ? { regressionAdjustment: false } : {}),
        resolveScenario,
        onProgress: (p) => bar.update(p.done, p.total),
      });
    } catch (error) {
      bar.finish();
      if (error instanceof CalibrationConfigError) return reportConfigIssues(file, error, io);
      throw error;
    }
    bar.finish();
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (values.out !== undefined) writeFileAtomic(values.out, json);
    io.stdout.write(values.json ? json : formatCalibrationSbcReport(result));
    if (!values.quiet) {
      io.stderr.write(`${result.referenceSize + result.replications} simulations in ${formatSeconds((performance.now() - started) / 1000)}${values.out === undefined ? '' : `; wrote ${values.out}`}\n`);
    }
    return 0;
  }
  const checkpoint = values.checkpoint === undefined ? undefined : openCheckpoint(values.checkpoint, config, values.setup, seed, io);
  if (checkpoint === null) return 1;
  const progress = createProgressLine(values.quiet ? quietStream : io.stderr);
  let result: CalibrationResult;
  try {
    result = calibrate(config, {
      ...(seed === undefined ? {} : { seed }),
      ...(values.setup === undefined ? {} : { setup: values.setup }),
      resolveScenario,
      onProgress: (p) => progress.update(p),
      ...(checkpoint ? { completedDraws: checkpoint.completed, onDraw: checkpoint.append } : {}),
    });
  } catch (error) {
    checkpoint?.close();
    progress.finish();
    if (error instanceof CalibrationConfigError) return reportConfigIssues(file, error, io);
    throw error;
  }
  checkpoint?.close();
  progress.finish();
  const json = formatPosteriorFile(result.file);
  if (values.out !== undefined) writeFileAtomic(values.out, json);
  io.stdout.write(values.json ? json : formatCalibrationReport(result));
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    io.stderr.write(`${result.posterior.simulations} simulations in ${formatSeconds(seconds)}${values.out === undefined ? '' : `; wrote ${values.out}`}\n`);
  }
  return 0;
}

/**
 * Opens the --checkpoint file for this config, setup and seed (the defaults resolved as
 * `calibrate` resolves them); prints why it cannot be used and returns null when it cannot.
 */
function openCheckpoint(path: string, config: unknown, setupFlag: string | undefined, seedFlagValue: number | string | undefined, io: CommandIo): CalibrationCheckpoint | null {
  const fields = (typeof config === 'object' && config !== null ? config : {}) as { setup?: unknown; seed?: unknown };
  const setup = setupFlag ?? (typeof fields.setup === 'string' ? fields.setup : '');
  const seed = seedFlagValue ?? (typeof fields.seed === 'number' || typeof fields.seed === 'string' ? fields.seed : 1);
  try {
    const checkpoint = openCalibrationCheckpoint(path, { configHash: calibrationConfigHash(config, setup), setup, seed, version: packageJson.version });
    if (checkpoint.completed.length > 0) io.stderr.write(`${path}: resuming after ${checkpoint.completed.length} simulated draws\n`);
    return checkpoint;
  } catch (error) {
    if (!(error instanceof CalibrationCheckpointError)) throw error;
    io.stderr.write(`✖ ${error.message}\n`);
    return null;
  }
}

/** Prints a config's issues (which file, which field, what was expected); returns exit code 1. */
function reportConfigIssues(file: string, error: CalibrationConfigError, io: CommandIo): number {
  io.stderr.write(`${file}: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}\n${error.issues.map((i) => `  ✖ ${i.message} → at ${formatPath(i.path)}`).join('\n')}\n`);
  return 1;
}

/** The posterior file as JSON: two-space indentation, each row of numbers on one line. */
export function formatPosteriorFile(file: CalibrationResult['file']): string {
  return `${JSON.stringify(file, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

const number = (x: number) =>
  Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);

/** The human-readable report: the ABC run, the posterior per parameter, the predictive check. */
export function formatCalibrationReport(result: CalibrationResult): string {
  const { file, summary, posteriorPredictive: ppc } = result;
  const pct = Math.round(ppc.level * 100);
  const lines = [
    `Calibration ${file.source} (setup ${file.setup}, scenario ${file.scenario}), seed ${JSON.stringify(file.seed)}, config ${file.configHash.slice(0, 12)}`,
    `ABC-${file.method === 'smc' ? 'SMC' : 'rejection'}: ${file.simulations} simulations, ${file.epsilonSchedule.length} generation(s), ε ${file.epsilonSchedule.map((e) => e.toPrecision(3)).join(' → ')}, stopped: ${file.stopReason}; ESS ${file.effectiveSampleSize.toFixed(0)} of ${file.samples.length}`,
    '',
    `${'parameter'.padEnd(18)} ${'prior'.padEnd(28)} ${'median'.padStart(9)}  ${pct}% interval`,
    ...summary.map((s) => {
      const prior = file.priors[s.name] ?? {};
      const text = `${String(prior.kind)} [${String(prior.lower)}, ${String(prior.upper)}]`;
      return `${s.name.padEnd(18)} ${text.padEnd(28)} ${number(s.median).padStart(9)}  [${number(s.interval[0])}, ${number(s.interval[1])}]`;
    }),
    '',
    `Posterior-predictive check (${ppc.draws} draws × ${ppc.runsPerDraw} runs; ${pct}% band of each statistic):`,
    `${'target'.padEnd(32)} ${'series'.padEnd(15)} ${'observed'.padStart(14)} ${'median'.padStart(9)}  band`,
    ...[...ppc.targets, ...ppc.trend].map((c) => {
      const observed = typeof c.observed === 'number' ? number(c.observed) : `[${number(c.observed[0])}, ${number(c.observed[1])}]`;
      const checkOnly = file.targets.find((t) => t.id === c.id)?.weight === 0 ? ' (check only)' : '';
      return `${c.id.padEnd(32)} ${c.series.padEnd(15)} ${observed.padStart(14)} ${number(c.median).padStart(9)}  [${number(c.band[0])}, ${number(c.band[1])}] ${c.covered ? '✔ covered' : '✖ not covered'}${checkOnly}`;
    }),
  ];
  if (ppc.trend.length === 0) lines.push('(trend: this setup has one attack-dataset level; the start-2018 setup checks 2018 → 2019 → 2020 Q1)');
  return `${lines.join('\n')}\n`;
}

/**
 * A one-line progress display on a TTY (redrawn at most every 100 ms). Without a TTY (CI logs,
 * nohup), a plain line each time the simulations reach 256, 512, 1,024, … (about ten lines for
 * a 200,000-draw fit, each with the elapsed time), so a long job is never silent.
 */
function createProgressLine(stream: CommandIo['stderr']): { update(p: CalibrationProgress): void; finish(): void } {
  const started = performance.now();
  let last = -Infinity;
  let drawn = false;
  let nextPlain = 256;
  return {
    update(p) {
      if (!stream.isTTY) {
        if (p.phase === 'abc' && p.simulations >= nextPlain) {
          while (nextPlain <= p.simulations) nextPlain *= 2;
          stream.write(`calibrate: generation ${p.generation}, ${p.simulations.toLocaleString('en-US')} simulations, ${formatSeconds((performance.now() - started) / 1000)} elapsed\n`);
        }
        return;
      }
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      const elapsed = formatSeconds((now - started) / 1000);
      const text =
        p.phase === 'abc'
          ? `calibrate: generation ${p.generation}  ε ${Number.isFinite(p.epsilon) ? p.epsilon.toPrecision(3) : '∞'}  accepted ${p.accepted}/${p.needed}  ${p.simulations} simulations  ${elapsed}`
          : `calibrate: posterior-predictive ${p.done}/${p.total}  ${elapsed}`;
      stream.write(`\r${text}  `);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
