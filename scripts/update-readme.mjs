// npm run docs: rewrites the generated parts of the documentation from the built library (dist/):
// the factor and parameter tables from the registries (docs/reference/factors.md and
// docs/reference/parameters.md), the baseline table as `npm start` prints it (README.md), and the
// shipped scenarios at their last month (docs/reference/scenarios.md) and every shipped back-test's
// scores (docs/how-to/back-test.md). Each part sits between
// <!-- name:start --> and <!-- name:end --> markers. tests/readme.test.ts fails when the tables and
// the registries disagree; rerun this after changing the model.
import { readFileSync, writeFileSync } from 'node:fs';
import { FACTORS, PARAMETERS, SHIPPED_SCENARIOS, backtestScoreboard, describeSetting, formatBacktestScoreboardMarkdown, formatSummaryTable, simulate } from '../dist/index.js';

const cell = (text) => String(text).replaceAll('|', '/');

const factorTable = [
  '| factor | what it is (unit) | baseline (month 0 = 2020-05) | plausible range | drives | source |',
  '|---|---|---|---|---|---|',
  ...FACTORS.map(
    (f) =>
      `| \`${f.id}\` | ${cell(f.label)}: ${cell(f.description)} (${cell(f.unit)}) | ${describeSetting(f.baseline)} | ${f.range[0]}–${f.range[1]} | ${f.mechanisms.join(', ')} | ${cell(f.source)} |`,
  ),
].join('\n');

const parameterTable = [
  '| parameter | value | range | calibrated? | source or target |',
  '|---|---|---|---|---|',
  ...PARAMETERS.map(
    (p) => `| \`${p.id}\` | ${p.value} | ${p.range[0]}–${p.range[1]} | ${p.calibration ? 'yes' : 'no'} | ${cell(p.description)} ${cell(p.source)} |`,
  ),
].join('\n');

// The baseline exactly as `npm start` prints it (its scenario's 1,000 runs and seed 2020).
const baseline = simulate(SHIPPED_SCENARIOS['baseline-2020']).summary;
const baselineTable = ['```', formatSummaryTable(baseline), '```'].join('\n');

// Every shipped scenario at its last month, 300 runs, seed 2020.
const last = baseline.months.length - 1;
const fmt = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const band = (series) => `${fmt(series.p50[last])} [${fmt(series.p05[last])}–${fmt(series.p95[last])}]`;
// Only the scenarios on the baseline's calendar (the back-test starts in 2018 and has its own section).
const sameCalendar = ([, scenario]) => scenario.start === baseline.scenario.start && scenario.months === baseline.scenario.months;
const scenarioRows = Object.entries(SHIPPED_SCENARIOS).filter(sameCalendar).map(([name, scenario]) => {
  const { series, events } = simulate(scenario, { runs: 300, seed: 2020 }).summary;
  const comeback = events.territorialComeback;
  return `| \`${name}\` | ${band(series.attacks)} | ${fmt(series.claimedAttacks.p50[last])} | ${band(series.fighters)} | ${fmt(series.reserves.p50[last])} | ${fmt(series.areasOperating.mean[last], 1)} | ${fmt(events.attacksDouble.probability, 2)} | ${fmt(comeback.probability, 2)} (${fmt(comeback.ci95[0], 2)}–${fmt(comeback.ci95[1], 2)}) |`;
});
const scenarioTable = [
  `| scenario | attacks/month, median [90% band] | claimed/month | fighters, median [90% band] | reserves $M | areas operating (mean) | P(attacks double) | P(territorial comeback) (95% CI) |`,
  '|---|---|---|---|---|---|---|---|',
  ...scenarioRows,
].join('\n');

// Every shipped back-test at its own runs and seed (what `resurgence backtests --markdown` prints).
const backtestTable = formatBacktestScoreboardMarkdown(backtestScoreboard());

function replaceBetween(text, file, name, content) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text)) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.replace(pattern, (_, start, end) => `${start}${content}\n${end}`);
}

// Which generated part goes into which page.
const targets = {
  'README.md': { baseline: baselineTable },
  'docs/reference/factors.md': { factors: factorTable },
  'docs/reference/parameters.md': { parameters: parameterTable },
  'docs/reference/scenarios.md': { scenarios: scenarioTable },
  'docs/how-to/back-test.md': { backtests: backtestTable },
};
for (const [file, parts] of Object.entries(targets)) {
  const path = new URL(`../${file}`, import.meta.url);
  const before = readFileSync(path, 'utf8');
  let after = before;
  for (const [name, content] of Object.entries(parts)) after = replaceBetween(after, file, name, content);
  writeFileSync(path, after);
  console.log(after === before ? `${file}: generated parts already up to date` : `${file}: generated parts updated`);
}
