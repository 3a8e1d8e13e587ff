import { backtestScoreboard } from '../../experiment/backtestScoreboard.js';
import { backtestPitChart } from '../../report/charts/backtestPitChart.js';
import { formatBacktestScoreboard, formatBacktestScoreboardMarkdown } from '../../report/formatBacktestScoreboard.js';
import { svgToPng } from '../../report/png.js';
import { SHIPPED_SCENARIOS } from '../../scenario/shippedScenarios.js';
import { loadScenarioFile, writeFileAtomic } from '../files.js';
import { parseArgs } from '../parseArgs.js';
import { formatSeconds } from '../progressBar.js';
import { integerFlag, type CommandIo } from '../usage.js';

/**
 * `resurgence backtests [scenarios…] [--runs N] [--json | --markdown] [--svg FILE] [--png FILE] [--quiet]`:
 * every back-test in one table, and with --svg or --png the picture of where each observation
 * falls in its forecast (`backtestPitChart`). Without arguments, the shipped scenarios that carry observed series; otherwise the
 * named shipped scenarios or scenario files (those without observed series are skipped). Each is
 * run with its own seed and scored as `run` scores it. A line per finished scenario goes to
 * stderr (the whole takes about a minute), unless --quiet.
 */
export async function backtestsCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
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
  const started = performance.now();
  const entries = backtestScoreboard(scenarios, {
    ...(runs === undefined ? {} : { runs }),
    onScenario: (done, total, name) => {
      if (!values.quiet) io.stderr.write(`backtests: ${done}/${total} scored (${name}), ${formatSeconds((performance.now() - started) / 1000)} elapsed\n`);
    },
  });
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
