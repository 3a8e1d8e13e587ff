import { backtestScenarios, scoreboardEntry, type ScoreboardEntry } from '../../experiment/backtestScoreboard.js';
import type { RunResult } from '../../experiment/runOnce.js';
import { runEnsemble } from '../../node/runEnsemble.js';
import { backtestPitChart } from '../../report/charts/backtestPitChart.js';
import { formatBacktestScoreboard, formatBacktestScoreboardMarkdown } from '../../report/formatBacktestScoreboard.js';
import { svgToPng } from '../../report/png.js';
import { SHIPPED_SCENARIOS } from '../../scenario/shippedScenarios.js';
import { loadScenarioFile, writeFileAtomic } from '../files.js';
import { parseArgs } from '../parseArgs.js';
import { formatSeconds } from '../progressBar.js';
import { integerFlag, type CommandIo } from '../usage.js';

/**
 * `resurgence backtests [scenarios…] [--runs N] [--workers N] [--json | --markdown] [--svg FILE] [--png FILE] [--quiet]`:
 * every back-test in one table, and with --svg or --png the picture of where each observation
 * falls in its forecast (`backtestPitChart`). Without arguments, the shipped scenarios that carry observed series; otherwise the
 * named shipped scenarios or scenario files (those without observed series are skipped). Each is
 * run with its own seed, on `--workers` threads (default: every core; the numbers do not depend
 * on it), and scored as `run` scores it. A line per finished scenario goes to stderr (the whole
 * takes about a minute on one core), unless --quiet.
 */
export async function backtestsCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      svg: { type: 'string' },
      png: { type: 'string' },
    },
  });
  const runs = integerFlag('--runs', values.runs);
  // Keyed by scenario name; a second file with a name already taken (an edited copy) is scored under its path.
  const scenarios: Record<string, unknown> = positionals.length === 0 ? SHIPPED_SCENARIOS : {};
  for (const file of positionals) {
    const valid = loadScenarioFile(file);
    scenarios[valid.scenario.name in scenarios ? file : valid.scenario.name] = valid;
  }
  const workers = integerFlag('--workers', values.workers);
  const started = performance.now();
  // Each scenario's ensemble on worker threads (runEnsemble), its runs kept in run order, then
  // scored as `backtestScoreboard` scores them: the same numbers for any number of workers.
  const backtests = backtestScenarios(scenarios);
  const entries: ScoreboardEntry[] = [];
  for (const [index, [name, valid]] of backtests.entries()) {
    const kept: RunResult[] = [];
    const { summary } = await runEnsemble(valid, {
      ...(runs === undefined ? {} : { runs }),
      ...(workers === undefined ? {} : { workers }),
      failFast: true,
      onRun: (run) => kept.push(run),
    });
    entries.push(scoreboardEntry(name, valid, summary, kept));
    if (!values.quiet) io.stderr.write(`backtests: ${index + 1}/${backtests.length} scored (${name}), ${formatSeconds((performance.now() - started) / 1000)} elapsed\n`);
  }
  if (values.svg !== undefined || values.png !== undefined) {
    const chart = backtestPitChart(entries);
    if (values.svg !== undefined) writeFileAtomic(values.svg, chart);
    if (values.png !== undefined) writeFileAtomic(values.png, svgToPng(chart));
  }
  if (values.json) io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else if (values.markdown) io.stdout.write(`${formatBacktestScoreboardMarkdown(entries)}\n`);
  else io.stdout.write(formatBacktestScoreboard(entries));
  return 0;
}
