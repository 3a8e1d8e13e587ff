import type { CalibrationSbcResult } from '../../calibration/calibrationSbc.js';
import { rankHistogramShape, type RankHistogramShape } from '../../calibration/rankHistogramShape.js';

// What each departure means for the posterior a user is shown.
const SHAPE_WORDS: Record<RankHistogramShape['shape'], string> = {
  overdispersed: '∩ overdispersed: wider than the data warrant (conservative)',
  overconfident: '∪ overconfident: narrower than the data warrant',
  biasedLow: 'slope: the truth lies above the posterior too often (biased low)',
  biasedHigh: 'slope: the truth lies below the posterior too often (biased high)',
};

const BAR_WIDTH = 24;

/**
 * The report of `resurgence calibrate <config> --sbc`: the design, then one rank histogram per
 * calibrated quantity (a bar per bin, scaled to the fullest bin, with the expected count marked
 * `|`) and its χ² test, with the shape of each rejected histogram named (`rankHistogramShape`),
 * and a tally of the shapes Holm rejects. Flat bars mean a calibrated posterior; ∩ overdispersed,
 * ∪ overconfident, a slope biased.
 *
 * @example
 * formatCalibrationSbcReport(calibrationSbc(config, { setup: 'start-2020' }));
 * // "Simulation-based calibration of setup start-2020 …\nattackRate  χ² 9.1 (9 df), p 0.43 ✔ uniform\n  ranks 0–9   ██████…"
 */
export function formatCalibrationSbcReport(result: CalibrationSbcResult): string {
  const expected = result.replications / result.bins;
  const width = (result.posteriorDraws + 1) / result.bins;
  const lines = [
    `Simulation-based calibration of setup ${result.setup}, seed ${JSON.stringify(result.seed)}: ${result.replications} replications, ` +
      `each ranked among ${result.posteriorDraws} posterior draws (the nearest of ${result.referenceSize} reference simulations${result.regressionAdjustment ? ', regression-adjusted' : ''}).`,
    `Uniform ranks mean a calibrated posterior: ∩ = overdispersed, ∪ = overconfident, a slope = biased. χ² test per quantity at level ${result.level}; expected ${expected.toFixed(1)} per bin (|).`,
  ];
  for (const test of result.tests) {
    const verdict = test.uniform ? '✔ uniform' : `✖ not uniform (${shapeWords(test.histogram)})`;
    lines.push('', `${test.name}  χ² ${test.statistic.toFixed(1)} (${test.degreesOfFreedom} df), p ${test.pValue < 0.001 ? test.pValue.toExponential(1) : test.pValue.toFixed(3)} ${verdict}`);
    const most = Math.max(expected, ...test.histogram);
    const mark = Math.round((expected / most) * BAR_WIDTH);
    test.histogram.forEach((count, b) => {
      const filled = Math.round((count / most) * BAR_WIDTH);
      const bar = Array.from({ length: BAR_WIDTH + 1 }, (_, i) => (i === mark ? '|' : i < filled ? '█' : ' ')).join('');
      const range = `${b * width}–${(b + 1) * width - 1}`;
      lines.push(`  ranks ${range.padEnd(7)} ${bar} ${count}`);
    });
  }
  const failed = result.tests.filter((test) => !test.uniform).map((test) => test.name);
  lines.push('', failed.length === 0 ? `All ${result.tests.length} rank histograms are uniform at level ${result.level}.` : `Not uniform at level ${result.level}: ${failed.join(', ')}.`);
  if (result.tests.length > 1) {
    // One test per quantity at the same level flags some calibrated posteriors by chance alone.
    const rejected = result.familyWiseRejected;
    lines.push(
      `Over all ${result.tests.length} together (Holm 1979, family-wise level ${result.level}): ` +
        (rejected.length === 0 ? 'no rank histogram departs from uniform.' : `not uniform: ${rejected.join(', ')}.`),
    );
    if (rejected.length > 0) {
      const byShape = new Map<string, number>();
      for (const test of result.tests) {
        if (!rejected.includes(test.name)) continue;
        const shape = shapeWords(test.histogram);
        byShape.set(shape, (byShape.get(shape) ?? 0) + 1);
      }
      lines.push(`Of those: ${[...byShape].map(([shape, count]) => `${count} ${shape}`).join('; ')}.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function shapeWords(histogram: readonly number[]): string {
  return histogram.length % 2 === 0 ? SHAPE_WORDS[rankHistogramShape(histogram).shape] : 'shape not read: an odd number of bins';
}
