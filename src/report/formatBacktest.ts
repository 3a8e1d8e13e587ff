import type { SeriesScores } from '../analysis/backtest/backtestScores.js';
import type { BacktestObservationModel } from '../analysis/backtest/observationModel.js';
import type { NaiveSkill } from '../analysis/backtest/crpsSkill.js';

/**
 * A back-test number as every back-test output shows it: whole from 100 up, else two decimals,
 * '–' when not finite. Pure.
 *
 * @example
 * formatBacktestNumber(1511.4); // '1,511'
 */
export function formatBacktestNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }) : '–';
}

const formatNumber = formatBacktestNumber;

/**
 * How a series is compared, in words shared by the text and HTML back-tests. Pure.
 *
 * @example
 * describeObservationModel({ scale: [1, 2.5], noiseCv: 0.2 });
 * // 'compared as the source reports: model × 1–2.5 (log-uniform per run), each point ± 20% (gamma noise)'
 */
export function describeObservationModel(model: BacktestObservationModel): string {
  const [low, high] = model.scale;
  const scale = low === high ? `${formatNumber(low)}` : `${formatNumber(low)}–${formatNumber(high)} (log-uniform per run)`;
  return `compared as the source reports: model × ${scale}, each point ± ${formatNumber(100 * model.noiseCv)}% (gamma noise)`;
}

/**
 * A skill score against a naive forecast, in words shared by the text and HTML back-tests. Pure.
 *
 * @example
 * describeSkill('persistence', { score: 0.7, points: ['2019'], modelCrps: 63, naiveCrps: 210 });
 * // 'CRPS skill vs persistence: 0.70 over 2019 (model 63, naive 210; > 0: the model beats it)'
 */
export function describeSkill(name: string, skill: NaiveSkill): string {
  return Number.isNaN(skill.score)
    ? `CRPS skill vs ${name}: not computable (too few earlier observations)`
    : `CRPS skill vs ${name}: ${skill.score.toFixed(2)} over ${skill.points.join(', ')} (model ${formatNumber(skill.modelCrps)}, naive ${formatNumber(skill.naiveCrps)}; > 0: the model beats it)`;
}

/**
 * A plain-text back-test report: per observed series, each point's observed value against the
 * ensemble's median with its CRPS and 90% interval score, then the coverage of the 50% and 90%
 * bands (well calibrated: about 50% and 90% of the points inside them).
 */
export function formatBacktest(scores: readonly SeriesScores[]): string {
  const lines = ['Back-test against the observed series the scenario carries', ''];
  for (const series of scores) {
    lines.push(`${series.series}${series.kind ? ` (${series.kind})` : ''}${series.source ? `: ${series.source}` : ''}`);
    if (series.observation) lines.push(`  ${describeObservationModel(series.observation)}; bands include this reporting uncertainty`);
    const width = Math.max(6, ...series.points.map((p) => p.label.length));
    lines.push(`  ${'period'.padEnd(width)}  ${'observed'.padStart(9)}  ${'median'.padStart(9)}  ${'CRPS'.padStart(9)}  ${'IS 90%'.padStart(9)}`);
    for (const point of series.points) {
      lines.push(
        `  ${point.label.padEnd(width)}  ${formatNumber(point.observed).padStart(9)}  ${formatNumber(point.median).padStart(9)}  ${formatNumber(point.crps).padStart(9)}  ${formatNumber(point.intervalScore90).padStart(9)}${point.inSample ? '  in sample: not scored' : ''}`,
      );
    }
    const c = series.coverage;
    lines.push(
      `  coverage: ${c.inside50} of ${c.evaluated} inside the 50% band (${formatNumber(100 * c.share50)}%), ${c.inside90} of ${c.evaluated} inside the 90% band (${formatNumber(100 * c.share90)}%); mean CRPS ${formatNumber(series.meanCrps)}`,
    );
    for (const skipped of c.skipped) lines.push(`  not scored: ${skipped.label} (${skipped.reason})`);
    if (series.skill) {
      lines.push(`  ${describeSkill('persistence', series.skill.persistence)}`, `  ${describeSkill('last-year trend', series.skill.trend)}`);
    }
    lines.push('');
  }
  lines.push('CRPS (Gneiting & Raftery 2007) and interval scores are in the series\' units; lower is better.');
  lines.push('Skill = 1 − CRPS(model) / CRPS(naive), on the points a naive forecast updated with every earlier observation can make; the model forecasts all of them from month 0.');
  return `${lines.join('\n')}\n`;
}
