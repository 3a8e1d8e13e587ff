import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../parseArgs.js';
import { simulate, type EnsembleSummary } from '../../experiment/simulate.js';
import type { ValidScenario } from '../../scenario/parseScenario.js';
import { backtestScores, type SeriesScores } from '../../analysis/backtest/backtestScores.js';
import { bandLabel } from '../../report/bandLabel.js';
import { backtestChart } from '../../report/charts/backtestChart.js';
import { eventChart } from '../../report/charts/eventChart.js';
import { factorGraph } from '../../report/charts/factorGraph.js';
import { fanChart, type ObservedPoint } from '../../report/charts/fanChart.js';
import { monthDate } from '../../report/charts/monthDate.js';
import { renderReport, REPORT_OBSERVABLES } from '../../report/html/renderReport.js';
import { svgToPng } from '../../report/png.js';
import { loadScenarioFile } from '../files.js';
import { decomposeVariance, type VarianceDecomposition } from '../../experiment/varianceDecomposition.js';
import { uncertaintyFlag } from '../uncertaintyFlag.js';
import { withUncertaintyMode } from '../../scenario/uncertainty.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { createProgressBar, type ProgressStream } from '../progressBar.js';
import { integerFlag, seedFlag, UsageError } from '../usage.js';

/** Where the report command writes: stdout for results, stderr for progress and errors. */
export interface ReportCommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

/** The usage lines of `resurgence report`, for the CLI's --help. */
const OBSERVED_FILE = join('data', 'sources', 'observed-to-mid-2020.csv');

/**
 * The ISIS claims of Jan–Apr 2020 (series `iqsy_is_claims`, ikhrw, grade C) from the data file
 * shipped with the package, found by walking up from this module (src/cli/commands or dist);
 * kept only when they fall in the 12 months before the scenario's start, where they are
 * context for the projection. Empty when the file is missing.
 */
function observedClaims(start: string): ObservedPoint[] {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++, folder = dirname(folder)) {
    let text: string;
    try {
      text = readFileSync(join(folder, OBSERVED_FILE), 'utf8');
    } catch {
      continue;
    }
    const first = monthDate(start).getTime();
    const yearBefore = first - 366 * 24 * 3600 * 1000;
    return text
      .split('\n')
      .map((line) => line.split(','))
      .filter(([series, month]) => series === 'iqsy_is_claims' && /^\d{4}-\d{2}$/.test(month ?? ''))
      .map(([, month, value]) => ({ month: month as string, value: Number(value) }))
      .filter((point) => Number.isFinite(point.value) && monthDate(point.month).getTime() < first && monthDate(point.month).getTime() >= yearBefore);
  }
  return [];
}

/**
 * Runs the scenario; when it carries observed series, keeps its runs and scores them
 * (`backtestScores`, with the run's seed and forecast origin, as `resurgence run` does, so the
 * report shows the same numbers).
 */
function run(valid: ValidScenario, runs: number | undefined, seed: number | string | undefined, io: ReportCommandIo, quiet: boolean): { summary: EnsembleSummary; backtest?: SeriesScores[] } {
  const bar = createProgressBar(quiet ? { isTTY: false, write: () => true } : io.stderr, valid.scenario.name);
  const observed = valid.observed ?? [];
  const result = simulate(valid, {
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
    ...(observed.length > 0 ? { perRun: true } : {}),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  const { summary } = result;
  if (observed.length === 0 || result.runs === undefined) return { summary };
  const origin = valid.forecastOrigin === undefined ? {} : { origin: valid.forecastOrigin };
  return { summary, backtest: backtestScores(observed, result.runs, { seed: summary.provenance.seed, ...origin }) };
}

/**
 * Writes the HTML report of a summary (and a compared one) to `out`, and with `pngDir` every
 * chart as a PNG there; returns the paths written. Shared by `resurgence report` and
 * `resurgence run --report`.
 */
export function writeReportFiles(
  summary: EnsembleSummary,
  compare: EnsembleSummary | undefined,
  out: string,
  pngDir?: string,
  variance?: VarianceDecomposition,
  backtest?: readonly SeriesScores[],
): string[] {
  const claims = observedClaims(summary.scenario.start);
  const observed = claims.length > 0 ? { claimedAttacks: { label: 'ISIS claims, Jan–Apr 2020 (ikhrw; grade C)', points: claims } } : undefined;
  const html = renderReport(summary, { ...(compare ? { compare } : {}), ...(observed ? { observed } : {}), ...(variance ? { variance } : {}), ...(backtest ? { backtest } : {}) });
  writeFileAtomic(out, html);
  const written = [out];
  if (pngDir !== undefined) {
    const charts: [string, string][] = REPORT_OBSERVABLES.map((id) => [
      `fan-${id}.png`,
      fanChart(summary, {
        observable: id,
        ...(compare ? { compare } : {}),
        ...(id === 'claimedAttacks' && observed ? { observed: observed.claimedAttacks.points, observedLabel: observed.claimedAttacks.label } : {}),
      }),
    ]);
    charts.push(['events.png', eventChart(summary, compare ? { compare } : {})], ['factor-graph.png', factorGraph()]);
    (backtest ?? []).forEach((scores, i) => charts.push([`backtest-${i + 1}-${scores.series}${scores.kind ? `-${scores.kind}` : ''}.png`, backtestChart(scores, { bands: bandLabel([summary.uncertainty]) })]));
    for (const [name, svg] of charts) {
      const path = join(pngDir, name);
      writeFileAtomic(path, svgToPng(svg));
      written.push(path);
    }
  }
  return written;
}

/**
 * `resurgence report <scenario> [--compare <b>] [--runs N] [--seed S] --out report.html [--png dir]`:
 * runs the scenario (and the compared one with the same seed, so that run i of each shares its
 * random streams), writes one self-contained HTML report atomically, and with `--png` each chart
 * as a PNG. Scenarios are files or shipped names, loaded as `resurgence run` loads them.
 * Returns the exit code: 0 success, 1 invalid scenario (message on stderr), 2 usage error.
 *
 * @example
 * await reportCommand(['us-stays', '--compare', 'baseline-2020', '--runs', '200', '--out', 'out/report.html'], process);
 * // 0; stderr: '200 runs × 2 scenarios in 6.1 s; wrote out/report.html'
 */
export async function reportCommand(args: string[], io: ReportCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      compare: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      png: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      uncertainty: { type: 'string' },
      variance: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('report needs exactly one scenario, e.g. resurgence report baseline-2020 --out report.html');
  if (values.out === undefined) throw new UsageError('report needs --out FILE (the HTML report to write)');
  const runs = integerFlag('--runs', values.runs);
  const seed = seedFlag(values.seed);
  const started = performance.now();
  const mode = uncertaintyFlag(values.uncertainty);
  const valid = withUncertaintyMode(loadScenarioFile(positionals[0] as string), mode);
  const other = values.compare === undefined ? undefined : withUncertaintyMode(loadScenarioFile(values.compare), mode);
  const { summary, backtest } = run(valid, runs, seed, io, values.quiet);
  // The compared scenario runs with the first one's seed and run count unless given, so the
  // pairs share random streams (common random numbers) even when the two files differ.
  const compare = other ? run(other, runs ?? summary.provenance.runs, seed ?? summary.provenance.seed, io, values.quiet).summary : undefined;
  let variance: VarianceDecomposition | undefined;
  if (values.variance) {
    const bar = createProgressBar(values.quiet ? { isTTY: false, write: () => true } : io.stderr, 'variance');
    variance = decomposeVariance(valid, { ...(seed === undefined ? {} : { seed }), onProgress: (done, total) => bar.update(done, total) });
    bar.finish();
  }
  const written = writeReportFiles(summary, compare, values.out, values.png, variance, backtest);
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    io.stderr.write(`${summary.provenance.runs} runs${compare ? ' × 2 scenarios' : ''} in ${seconds.toFixed(1)} s; wrote ${values.out}${values.png === undefined ? '' : ` and ${written.length - 1} PNGs in ${values.png}`}\n`);
  }
  io.stdout.write(`${written.join('\n')}\n`);
  return 0;
}
