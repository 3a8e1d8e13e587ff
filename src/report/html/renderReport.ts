import type { SeriesScores } from '../../analysis/backtest/backtestScores.js';
import type { EnsembleSummary } from '../../experiment/simulate.js';
import { backtestChart } from '../charts/backtestChart.js';
import { describeObservationModel, describeSkill, formatBacktestNumber as formatNumber } from '../formatBacktest.js';
import { FACTORS } from '../../model/factors.js';
import { DEFAULT_PARAMETERS, PARAMETERS } from '../../model/parameters.js';
import { MECHANISMS } from '../../model/mechanisms.js';
import type { ChartDocument } from '../charts/chartDocument.js';
import { eventChart } from '../charts/eventChart.js';
import { factorGraph } from '../charts/factorGraph.js';
import { fanChart, type ObservedPoint } from '../charts/fanChart.js';
import { tornadoChart, type TornadoItem } from '../charts/tornadoChart.js';
import type { VarianceDecomposition } from '../../experiment/varianceDecomposition.js';
import { bandLabel } from '../bandLabel.js';
import { varianceChart } from '../charts/varianceChart.js';
import { formatVarianceDecomposition } from '../formatVarianceDecomposition.js';
import { describeMonthlyValues } from './describeMonthlyValues.js';
import { escapeHtml } from './escapeHtml.js';
import { MODEL_LIMITS } from './modelLimits.js';

/** Effects to draw as a tornado chart (attribution of a difference, or one-at-a-time sensitivity). */
export interface ReportEffects {
  readonly items: readonly TornadoItem[];
  /** Unit of the effects. */
  readonly unit: string;
  /** Chart title. Default: the section's name. */
  readonly title?: string;
  /** What the effects are and how their intervals were computed (shown under the title). Default none. */
  readonly subtitle?: string;
}

/** Options of {@link renderReport}; every one is optional. */
export interface RenderReportOptions {
  /** A counterfactual summary run with the same seed, overlaid on every chart and shown beside each number. Default none. */
  readonly compare?: EnsembleSummary;
  /** Attribution of the difference between the scenarios, as a tornado chart. Default none. */
  readonly attribution?: ReportEffects;
  /** One-at-a-time sensitivity, as a tornado chart. Default none. */
  readonly sensitivity?: ReportEffects;
  /** The resolved value of every factor per month (what the runs used). Default: `summary.provenance.factors`. */
  readonly factors?: Readonly<Record<string, readonly number[]>>;
  /** Observables that get a fan chart. Default {@link REPORT_OBSERVABLES} (those in the summary). */
  readonly observables?: readonly string[];
  /** Observed values to draw on the fan charts, by observable, with a label each. Default none. */
  readonly observed?: Readonly<Record<string, { readonly label: string; readonly points: readonly ObservedPoint[] }>>;
  /** Document the charts render into (a browser's `document`). Default: a shared linkedom document. */
  readonly document?: ChartDocument;
  /** Where the variance comes from (`decomposeVariance`), as stacked charts of attacks and fighters. Default none. */
  readonly variance?: VarianceDecomposition;
  /** The scenario's back-test (`backtestScores` of its observed series): a chart and a table per series. Default none. */
  readonly backtest?: readonly SeriesScores[];
}

/**
 * The observables a report draws by default: attacks (counted), claims (a different series),
 * fighters, money, the prisoners and camp residents who get out, and the areas where ISIS moves
 * freely; the first outputs the article's argument is about.
 *
 * @example
 * REPORT_OBSERVABLES[0]; // 'attacks'
 */
export const REPORT_OBSERVABLES = ['attacks', 'claimedAttacks', 'fighters', 'income', 'reserves', 'campEscapes', 'areasOperating'] as const;

const STYLE = `
:root { color-scheme: light; --ink: #222; --muted: #555; --rule: #ddd; --accent: #0072B2; --compare: #D55E00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 0.6rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); }
p.question { font-size: 1.15rem; margin: 0.2rem 0 0.8rem; }
p.meta, .note { color: var(--muted); font-size: 0.9rem; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0; margin: 0.8rem 0; list-style: none; font-size: 0.95rem; }
a { color: var(--accent); }
figure { margin: 1.2rem 0; }
figure svg { display: block; max-width: 100%; height: auto; }
/* One chart per row: at 640 px and wider the charts' 10–15 px text stays legible (two columns would shrink it to ~7 px). */
.charts figure { max-width: 760px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.6rem 0 1rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; background: #f6f6f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.changed td, tr.changed th { background: #fff4e5; }
table.inputs { table-layout: fixed; min-width: 720px; }
table.inputs td, table.inputs th { overflow-wrap: anywhere; }
td.value { font-variant-numeric: tabular-nums; }
.unit { font-weight: normal; color: var(--muted); }
p.source { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.85rem; }
blockquote { margin: 0; font-style: italic; }
.tag { display: inline-block; font-size: 0.75rem; padding: 0 6px; border-radius: 3px; background: #fde3cf; color: #6b2e00; }
ul.limits li { margin-bottom: 0.5rem; }
@media print { h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
`;

function percent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

function nameOf(summary: EnsembleSummary): string {
  return summary.scenario.title ?? summary.scenario.name;
}

function figure(svg: string, caption?: string): string {
  return `<figure>${svg}${caption ? `<figcaption class="note">${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function eventRows(summary: EnsembleSummary): string {
  return Object.entries(summary.events)
    .map(([id, event]) => {
      const median = event.medianMonth === null ? 'not reached' : `${event.medianMonth} (${summary.months[event.medianMonth] ?? ''})`;
      return `<tr><td>${escapeHtml(summary.scenario.name)}</td><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(event.description)}</td><td class="num">${percent(event.probability)}</td><td class="num">${percent(event.ci95[0])} – ${percent(event.ci95[1])}</td><td class="num">${escapeHtml(median)}</td></tr>`;
    })
    .join('');
}

function inputsTable(factors: Readonly<Record<string, readonly number[]>>, compare: Readonly<Record<string, readonly number[]>> | undefined, names: readonly string[]): string {
  const cols = `<colgroup><col style="width: 18%"><col style="width: ${compare ? 12 : 16}%">${compare ? '<col style="width: 12%">' : ''}<col style="width: 17%"><col></colgroup>`;
  const head = `<tr><th scope="col">factor (unit)</th><th scope="col">${escapeHtml(names[0] ?? '')}</th>${compare ? `<th scope="col">${escapeHtml(names[1] ?? '')}</th>` : ''}<th scope="col">drives</th><th scope="col">the article says; source of the value</th></tr>`;
  const rows = FACTORS.map((factor) => {
    const own = factors[factor.id] ?? [];
    const other = compare?.[factor.id];
    const changed = other !== undefined && (other.length !== own.length || other.some((v, i) => v !== own[i]));
    return `<tr${changed ? ' class="changed"' : ''}><th scope="row">${escapeHtml(factor.label)} <span class="unit">(${escapeHtml(factor.unit)})</span><br><code>${escapeHtml(factor.id)}</code></th><td class="value">${escapeHtml(describeMonthlyValues(own))}</td>${
      compare ? `<td class="value">${escapeHtml(describeMonthlyValues(other ?? []))}${changed ? ' <span class="tag">changed</span>' : ''}</td>` : ''
    }<td>${factor.mechanisms.map((m) => `<code title="${escapeHtml(MECHANISMS[m])}">${escapeHtml(m)}</code>`).join(', ')}</td><td><blockquote>“${escapeHtml(factor.article)}”</blockquote><p class="source">${escapeHtml(factor.source)}</p></td></tr>`;
  }).join('');
  return `<div class="table-wrap"><table class="inputs">${cols}<caption>Every factor the article names, with its value by month as the runs used it (month 0 = the scenario's first month)${compare ? '; rows marked "changed" differ between the scenarios' : ''}.</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function parameterChanges(summaries: readonly EnsembleSummary[]): string {
  const rows = PARAMETERS.flatMap((parameter) => {
    const values = summaries.map((s) => s.provenance.parameters[parameter.id]);
    const base = DEFAULT_PARAMETERS[parameter.id as keyof typeof DEFAULT_PARAMETERS];
    if (values.every((v) => v === base)) return [];
    return [`<tr><th scope="row"><code>${escapeHtml(parameter.id)}</code></th><td class="num">${escapeHtml(String(base))}</td>${values.map((v) => `<td class="num">${escapeHtml(String(v))}</td>`).join('')}<td>${escapeHtml(parameter.description)}</td></tr>`];
  });
  if (rows.length === 0) return '<p class="note">Every model parameter has its default value (docs/reference/parameters.md).</p>';
  return `<div class="table-wrap"><table><caption>Parameters set away from their defaults</caption><thead><tr><th scope="col">parameter</th><th scope="col">default</th>${summaries.map((s) => `<th scope="col">${escapeHtml(s.scenario.name)}</th>`).join('')}<th scope="col">meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function backtestSection(scores: readonly SeriesScores[], withDocument: { document?: ChartDocument }, bandsInclude: string): string {
  const series = scores.map((entry) => {
    const bands = new Map(entry.coverage.points.map((point) => [point.label, point]));
    const rows = entry.points
      .map((point) => {
        const band = bands.get(point.label);
        const verdict = band === undefined ? 'in the fitted data' : band.inside90 ? (band.inside50 ? 'inside 50%' : 'inside 90%') : '<strong>outside 90%</strong>';
        const interval = (pair: readonly [number, number] | undefined) => (pair === undefined ? '–' : `${formatNumber(pair[0])} – ${formatNumber(pair[1])}`);
        return `<tr><th scope="row">${escapeHtml(point.label)}</th><td class="num">${formatNumber(point.observed)}</td><td class="num">${formatNumber(point.median)}</td><td class="num">${interval(band?.band50)}</td><td class="num">${interval(band?.band90)}</td><td class="num">${formatNumber(point.crps)}</td><td>${verdict}</td></tr>`;
      })
      .join('');
    const words = entry.observation === undefined ? '' : describeObservationModel(entry.observation);
    const observation = words === '' ? '' : `<p class="source">${escapeHtml(words.charAt(0).toUpperCase() + words.slice(1))}.</p>`;
    return `${figure(backtestChart(entry, { ...withDocument, bands: bandsInclude }))}
<div class="table-wrap"><table><caption>${escapeHtml(entry.series)}${entry.kind ? ` (${escapeHtml(entry.kind)})` : ''}: each observed value against the forecast of it, in the source's units. ${escapeHtml(describeSkill('persistence', entry.skill.persistence))}. ${escapeHtml(describeSkill('last-year trend', entry.skill.trend))}.</caption>
<thead><tr><th scope="col">period</th><th scope="col">observed</th><th scope="col">forecast median</th><th scope="col">50% interval</th><th scope="col">90% interval</th><th scope="col">CRPS</th><th scope="col">observed is</th></tr></thead><tbody>${rows}</tbody></table></div>${observation}`;
  });
  const inside = scores.reduce((sum, entry) => sum + entry.coverage.inside90, 0);
  const evaluated = scores.reduce((sum, entry) => sum + entry.coverage.evaluated, 0);
  return `<section id="backtest"><h2>Back-test</h2>
<p class="note">The scenario carries observed series: each point is compared with the runs' totals over its months, passed through the series' observation model (how the source counts relative to the model), so the intervals include that reporting uncertainty as well as the bands' own. <strong>${inside} of ${evaluated} observed points lie inside the 90% interval</strong> (a calibrated forecast covers about 90% in the long run). CRPS (Gneiting &amp; Raftery 2007) is in the series' units, lower is better; skill = 1 − CRPS(model) / CRPS(naive forecast) on the points the naive forecast can make.</p>
${series.join('')}
</section>`;
}

/**
 * One self-contained HTML page reporting an ensemble (and optionally a counterfactual run with
 * the same seed): the question, how it was run, fan charts of the main observables, the
 * back-test when given (a chart and a table per observed series), the events
 * with their Wilson 95% intervals, attribution and sensitivity when given, every input with its
 * unit, the article's sentence and the source of its value, the factor graph, and the model's
 * limits. All CSS and SVG are inline and nothing is fetched (no script, no external URL), so
 * the file can be mailed or archived as is. All text is escaped. Deterministic: the same
 * summaries give the same bytes (no date is printed; the provenance says how to reproduce it).
 *
 * @example
 * const base = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 500, seed: 1 }).summary;
 * const us = simulate(SHIPPED_SCENARIOS['us-stays'], { runs: 500, seed: 1 }).summary;
 * renderReport(base, { compare: us }); // '<!DOCTYPE html><html lang="en">…</html>'
 */
export function renderReport(summary: EnsembleSummary, options: RenderReportOptions = {}): string {
  const { compare } = options;
  const summaries = compare ? [summary, compare] : [summary];
  const document = options.document;
  const withDocument = document ? { document } : {};
  const observables = (options.observables ?? REPORT_OBSERVABLES).filter((id) => summary.series[id] !== undefined);
  const title = compare ? `${nameOf(summary)} vs ${nameOf(compare)}` : nameOf(summary);
  const p = summary.provenance;

  const questions = summaries
    .map((s) => `<p class="question"><strong>${escapeHtml(s.scenario.name)}:</strong> ${escapeHtml(s.scenario.question)}</p>`)
    .join('');
  const reproduce = summaries
    .map((s) => `<code>resurgence run ${escapeHtml(s.scenario.name)} --runs ${s.provenance.runs} --seed ${escapeHtml(String(s.provenance.seed))}</code>`)
    .join(' and ');
  const failures = summaries.reduce((n, s) => n + s.failures.length, 0);
  const meta = `<p class="meta">${p.runs} runs per scenario, seed ${escapeHtml(JSON.stringify(p.seed))}${
    compare ? ' (the same seed for both: run <em>i</em> of each shares its random streams)' : ''
  }; ${summary.scenario.months} months from ${escapeHtml(summary.scenario.start)}; ${escapeHtml(p.package)} ${escapeHtml(p.version)}, model <code>${escapeHtml(p.model)}</code>, scenario hash${
    compare ? 'es' : ''
  } ${summaries.map((s) => `<code>${escapeHtml(s.provenance.scenarioHash.slice(0, 12))}</code>`).join(', ')}; quantiles: ${escapeHtml(summary.quantiles)}${
    failures > 0 ? `; <strong>${failures} failed run(s) left out</strong>` : ''
  }. Reproduce with ${reproduce}.</p>`;

  const fans = observables
    .map((id) => {
      const observed = options.observed?.[id];
      return figure(
        fanChart(summary, {
          observable: id,
          ...(compare ? { compare } : {}),
          ...(observed ? { observed: observed.points, observedLabel: observed.label } : {}),
          ...withDocument,
        }),
      );
    })
    .join('');

  const effects = (['attribution', 'sensitivity'] as const)
    .map((key) => {
      const given = options[key];
      if (!given) return '';
      const heading = key === 'attribution' ? 'Attribution' : 'Sensitivity';
      return `<section id="${key}"><h2>${heading}</h2>${figure(
        tornadoChart(given.items, { title: given.title ?? heading, unit: given.unit, ...(given.subtitle ? { subtitle: given.subtitle } : {}), ...withDocument }),
      )}</section>`;
    })
    .join('');

  const variance = options.variance
    ? `<section id="variance"><h2>Where the uncertainty comes from</h2>
<p class="note">How much of each band's variance comes from the parameters (posterior rows), the judged inputs, their interaction and the model's own randomness, month by month (law of total variance on nested runs).</p>
${(['attacks', 'fighters'] as const).map((id) => figure(varianceChart(options.variance as VarianceDecomposition, { observable: id, ...withDocument }))).join('')}
<pre>${escapeHtml(formatVarianceDecomposition(options.variance, { observables: ['attacks', 'fighters', 'reserves'] }))}</pre></section>`
    : '';

  const sections = [
    ['outputs', 'Outputs'],
    ...(options.backtest && options.backtest.length > 0 ? [['backtest', 'Back-test']] : []),
    ['events', 'Events'],
    ...(options.variance ? [['variance', 'Variance by source']] : []),
    ...(options.attribution ? [['attribution', 'Attribution']] : []),
    ...(options.sensitivity ? [['sensitivity', 'Sensitivity']] : []),
    ['inputs', 'Inputs'],
    ['graph', 'Causal graph'],
    ['limits', 'Limits'],
  ] as const;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${p.package} ${p.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
${questions}
${meta}
<nav aria-label="sections"><ul>${sections.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>
</header>
<section id="outputs"><h2>Outputs</h2>
<p class="note">Each chart shows the median over the runs with its 50% and 90% bands. <strong>The bands include ${escapeHtml(bandLabel(summaries.map((s) => s.uncertainty), summaries.map((s) => s.scenario.name)))}.</strong> ${summaries.every((s) => s.uncertainty?.parameters.drawn && s.uncertainty.factors.drawn) ? 'They are forecast uncertainty as far as the model and its documented input ranges go; the model\'s own structure is not varied.' : 'A band with parameters or inputs FIXED is not forecast uncertainty: compare scenarios run with the same seed rather than reading absolute levels.'} <code>attacks</code> are attack-dataset counts; <code>claimedAttacks</code> are ISIS's own claims, a different series.</p>
<div class="charts">${fans}</div>
</section>
${options.backtest && options.backtest.length > 0 ? backtestSection(options.backtest, withDocument, bandLabel([summary.uncertainty])) : ''}
<section id="events"><h2>Events</h2>
<div class="table-wrap"><table><caption>Probability that each event happens within the horizon, with its Wilson 95% interval, and the Kaplan–Meier median month of first occurrence</caption>
<thead><tr><th scope="col">scenario</th><th scope="col">event</th><th scope="col">meaning</th><th scope="col">probability</th><th scope="col">95% CI</th><th scope="col">median month</th></tr></thead>
<tbody>${summaries.map(eventRows).join('')}</tbody></table></div>
${figure(eventChart(summary, { ...(compare ? { compare } : {}), ...withDocument }))}
</section>
${variance}
${effects}
<section id="inputs"><h2>Inputs</h2>
${inputsTable(options.factors ?? p.factors, compare?.provenance.factors, summaries.map((s) => s.scenario.name))}
${parameterChanges(summaries)}
</section>
<section id="graph"><h2>Causal graph</h2>
${figure(factorGraph(withDocument), 'Drawn from the model\'s own registry: each factor\'s mechanisms (src/model/factors.ts) and the observables each mechanism changes directly (src/report/charts/mechanismOutputs.ts).')}
</section>
<section id="limits"><h2>Assumptions and limits</h2>
<ul class="limits">${MODEL_LIMITS.map((limit) => `<li><strong>${escapeHtml(limit.title)}</strong> ${escapeHtml(limit.text)}</li>`).join('')}</ul>
<p class="note">Public, aggregate figures only (counts, force levels, money); nothing here is operational.</p>
</section>
</main>
</body>
</html>
`;
}
