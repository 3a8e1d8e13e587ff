import { describe, expect, it } from 'vitest';
import { FACTORS } from '../../../src/model/factors.js';
import { escapeHtml } from '../../../src/report/html/escapeHtml.js';
import { renderReport, REPORT_OBSERVABLES } from '../../../src/report/html/renderReport.js';
import { describeMonthlyValues } from '../../../src/report/html/describeMonthlyValues.js';
import { MODEL_LIMITS } from '../../../src/report/html/modelLimits.js';
import { svgToPng } from '../../../src/report/png.js';
import { smallEnsemble } from '../charts/svgTestHelpers.js';
import { backtestScores } from '../../../src/analysis/backtest/backtestScores.js';
import { simulate } from '../../../src/experiment/simulate.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../../src/scenario/shippedScenarios.js';

const baseline = smallEnsemble('baseline-2020');
const usStays = smallEnsemble('us-stays');
const html = renderReport(baseline, {
  compare: usStays,
  attribution: { items: [{ label: 'usTroopsSyria', value: -40, low: -52, high: -30 }], unit: 'attacks/month', title: 'Made-up attribution <test>' },
});

describe('renderReport', () => {
  it('renderReport states both questions and names every factor with its unit, sentence and source, escaped', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(escapeHtml(baseline.scenario.question));
    expect(html).toContain(escapeHtml(usStays.scenario.question));
    for (const factor of FACTORS) {
      expect(html, factor.id).toContain(`<code>${factor.id}</code>`);
      expect(html).toContain(escapeHtml(factor.label));
      expect(html).toContain(escapeHtml(factor.article));
      expect(html).toContain(escapeHtml(factor.source));
    }
  });

  it('renderReport marks the factors the counterfactual changes, and only those', () => {
    const changed = FACTORS.filter((f) => JSON.stringify(baseline.provenance.factors[f.id]) !== JSON.stringify(usStays.provenance.factors[f.id]));
    expect(changed.length).toBeGreaterThan(0);
    expect(html.match(/<tr class="changed">/g)).toHaveLength(changed.length);
    expect(html).toContain(escapeHtml(describeMonthlyValues(usStays.provenance.factors.usTroopsSyria ?? [])));
  });

  it('renderReport embeds one well-formed SVG per chart and nothing external', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    // fan charts + event chart + attribution + factor graph
    expect(svgs).toHaveLength(REPORT_OBSERVABLES.length + 3);
    for (const svg of svgs) expect(() => svgToPng(svg, { width: 32 })).not.toThrow(); // strict XML parse
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('Made-up attribution &lt;test&gt;');
  });

  it('renderReport lists each event with its probability and Wilson CI for both scenarios', () => {
    for (const summary of [baseline, usStays]) {
      for (const [id, event] of Object.entries(summary.events)) {
        const row = new RegExp(`<td>${summary.scenario.name}</td><td><code>${id}</code></td><td>[^<]*</td><td class="num">${(100 * event.probability).toFixed(1)}%</td><td class="num">${(100 * event.ci95[0]).toFixed(1)}% – ${(100 * event.ci95[1]).toFixed(1)}%</td>`);
        expect(html).toMatch(row);
      }
    }
  });

  it('renderReport includes every model limit, the factor graph and how to reproduce the runs', () => {
    for (const limit of MODEL_LIMITS) expect(html).toContain(escapeHtml(limit.title));
    expect(html).toContain("<title>How the article's factors reach the model's outputs</title>");
    expect(html).toContain(`resurgence run baseline-2020 --runs ${baseline.provenance.runs} --seed 1`);
    expect(html).toContain(baseline.provenance.scenarioHash.slice(0, 12));
  });

  it('renderReport is deterministic and works for one scenario alone', () => {
    const alone = renderReport(baseline);
    expect(renderReport(baseline)).toBe(alone);
    expect(alone).not.toContain('class="changed"');
    expect(alone.match(/<svg/g)).toHaveLength(REPORT_OBSERVABLES.length + 2);
    expect(alone).not.toContain('id="backtest"');
  });

  it('renderReport with a back-test adds a section: a chart and a table row per observed point, and the coverage over all series', () => {
    const parsed = parseScenario(SHIPPED_SCENARIOS['episode-growth-iraq-2012']);
    if (!parsed.ok) throw new Error('episode invalid');
    const { summary, runs } = simulate(parsed.value, { runs: 40, seed: 3, perRun: true });
    const backtest = backtestScores(parsed.value.observed ?? [], runs!, { seed: 3 });
    const page = renderReport(summary, { backtest });
    expect(page).toContain('<li><a href="#backtest">Back-test</a></li>');
    const section = page.slice(page.indexOf('<section id="backtest">'), page.indexOf('<section id="events">'));
    expect(section.match(/<svg/g)).toHaveLength(backtest.length);
    const points = backtest.reduce((sum, series) => sum + series.points.length, 0);
    expect(section.match(/<tr><th scope="row">/g)).toHaveLength(points);
    const inside = backtest.reduce((sum, series) => sum + series.coverage.inside90, 0);
    const evaluated = backtest.reduce((sum, series) => sum + series.coverage.evaluated, 0);
    expect(section).toContain(`<strong>${inside} of ${evaluated} observed points lie inside the 90% interval</strong>`);
    expect(section.match(/<strong>outside 90%<\/strong>/g)?.length ?? 0).toBe(evaluated - inside);
    // The observation model of each series, as the source counts relative to the model.
    expect(section).toContain('Compared as the source reports: model × 1–2.5 (log-uniform per run), each point ± 20% (gamma noise).');
    // Each chart says what its bands include: here the era's attack rate, the starting strength and two prison breaks' sizes are drawn.
    const words = section.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words.match(/Bands include run-to-run randomness \+ parameters \(posterior mid-2020\) \+ attackRate ×1–32 \+ 3 inputs drawn/g)).toHaveLength(backtest.length);
  });
});

describe('escapeHtml', () => {
  it('escapeHtml escapes the five special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">'&'</a> é → ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; é → ok');
  });
});

describe('describeMonthlyValues', () => {
  it('describeMonthlyValues writes constants, steps and long changes in few words', () => {
    expect(describeMonthlyValues([5, 5, 5])).toBe('5');
    expect(describeMonthlyValues([600, 600, 0, 0])).toBe('600 → 0 at month 2');
    expect(describeMonthlyValues([0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01])).toBe('0.3 at month 0 … 0.01 at month 6 (range 0.01–0.3)');
    expect(describeMonthlyValues([])).toBe('');
  });
});
