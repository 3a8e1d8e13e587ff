import type { SeriesScores } from '../analysis/backtest/backtestScores.js';

function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }) : '–';
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
    if (series.observation) {
      const [low, high] = series.observation.scale;
      const scale = low === high ? `${formatNumber(low)}` : `${formatNumber(low)}–${formatNumber(high)} (log-uniform per run)`;
      lines.push(`  compared as the source reports: model × ${scale}, each point ± ${formatNumber(100 * series.observation.noiseCv)}% (gamma noise); bands include this reporting uncertainty`);
    }
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
      for (const [name, s] of [['persistence', series.skill.persistence], ['last-year trend', series.skill.trend]] as const) {
        lines.push(
          Number.isNaN(s.score)
            ? `  CRPS skill vs ${name}: not computable (too few earlier observations)`
            : `  CRPS skill vs ${name}: ${s.score.toFixed(2)} over ${s.points.join(', ')} (model ${formatNumber(s.modelCrps)}, naive ${formatNumber(s.naiveCrps)}; > 0: the model beats it)`,
        );
      }
    }
    lines.push('');
  }
  lines.push('CRPS (Gneiting & Raftery 2007) and interval scores are in the series\' units; lower is better.');
  lines.push('Skill = 1 − CRPS(model) / CRPS(naive), on the points a naive forecast updated with every earlier observation can make; the model forecasts all of them from month 0.');
  return `${lines.join('\n')}\n`;
}
