import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { meanWithInterval } from '../helpers/pairedStatistics.js';

// Data used (data/sources/observed-to-mid-2020.csv):
// - claims: ISIS claimed 88, 93, 101 and 151 attacks in Iraq and Syria in Jan-Apr 2020
//   (iqsy_is_claims, ikhrw.com; grade C); the article says 100 "in the past month".
// - attack datasets: 566 attacks in Iraq in 2020 Q1 (iq_is_attacks_sigact, Knights & Almeida,
//   CTC Sentinel May 2020; grade B), i.e. 189 a month.
// The test runs 400 runs and asks that the 95% CI of the ensemble mean (mean ± 1.96 SE, SE
// from the sample) lie inside the stated band, so it fails if the model drifts out of the band
// and does not fail by chance more than about 5% of the time for a model sitting at its edge.
const RUNS = 400;

function meanOfFirstMonths(series: readonly number[] | undefined, months: number): number {
  return (series ?? []).slice(0, months).reduce((sum, value) => sum + value, 0) / months;
}

function perRunMeans(observable: string, months: number) {
  const result = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: RUNS, seed: 2020, perRun: true });
  const k = result.observables.indexOf(observable);
  const width = result.observables.length;
  return (result.runs ?? []).map((run) => {
    let total = 0;
    for (let m = 0; m < months; m++) total += run.series[m * width + k] as number;
    return total / months;
  });
}

describe('baseline calibration targets', () => {
  it('simulate(baseline): claimed attacks in months 0-2 are within the Jan-Apr 2020 claims band [88, 151], around the article\'s 100', () => {
    const [low, high] = meanWithInterval(perRunMeans('claimedAttacks', 3)).ci;
    expect(low).toBeGreaterThanOrEqual(88);
    expect(high).toBeLessThanOrEqual(151);
    // and it agrees with the summary's own means
    const { summary } = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 50, seed: 1 });
    expect(meanOfFirstMonths(summary.series.claimedAttacks?.mean, 3)).toBeGreaterThan(88);
  });

  it('simulate(baseline): Iraq attacks in months 0-2 are within ±20% of the 2020 Q1 dataset rate (189/month)', () => {
    const [low, high] = meanWithInterval(perRunMeans('attacksIraq', 3)).ci;
    expect(low).toBeGreaterThanOrEqual(189 * 0.8);
    expect(high).toBeLessThanOrEqual(189 * 1.2);
  });

  it('simulate(baseline): fighters start within the 14,000-18,000 estimate of Jan 2020 (less early losses)', () => {
    const [low, high] = meanWithInterval(perRunMeans('fighters', 1)).ci;
    expect(low).toBeGreaterThanOrEqual(13_000);
    expect(high).toBeLessThanOrEqual(18_000);
  });

  it('simulate(baseline): income in month 0 is the article\'s $3M a month within 5%', () => {
    const [low, high] = meanWithInterval(perRunMeans('income', 1)).ci;
    expect(low).toBeGreaterThanOrEqual(3 * 0.95);
    expect(high).toBeLessThanOrEqual(3 * 1.05);
  });
});
