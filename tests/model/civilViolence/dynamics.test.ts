import { describe, expect, it } from 'vitest';
import { gradualLegitimacyDrop, suddenLegitimacyDrop } from '../../../src/model/civilViolence/index.js';
import { meanInterval, observableSeries, welchInterval } from './helpers.js';

// Published qualitative behaviour of Epstein's (2002) Model I, tested statistically over seeded
// runs. Every interval is a 95% t interval whose width comes from the sample (n runs), so a
// claim holds only if it is clear at that sample size; seeds are fixed, so results are
// reproducible bit for bit.

const CITIZENS = 1120; // round(0.7 × 40 × 40)
const BURN_IN = 50; // the first ticks: everyone aggrieved enough turns active at once, then most are jailed

/** Outburst episodes: one starts when actives reach `high` and ends when they fall to `low` or below. */
function countEpisodes(actives: readonly number[], high: number, low: number): number {
  let episodes = 0;
  let inEpisode = false;
  for (const a of actives) {
    if (!inEpisode && a >= high) {
      episodes++;
      inEpisode = true;
    } else if (inEpisode && a <= low) inEpisode = false;
  }
  return episodes;
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('civil violence dynamics (Epstein 2002)', () => {
  it('punctuated equilibrium: with Run-1-like parameters, outbursts (≥ 5% of citizens active) recur, separated by quiet periods (≤ 1%)', () => {
    // Epstein's Model I runs: 40×40, citizen density 0.7, cop density 0.04, vision 7, J_max 30,
    // k = 2.3, T = 0.1, legitimacy 0.82 (Fig. 3, "punctuated equilibrium").
    const high = 0.05 * CITIZENS;
    const low = 0.01 * CITIZENS;
    const episodes: number[] = [];
    const quietShare: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < 8; run++) {
      const actives = observableSeries({ legitimacy: 0.82, ticks: 350 }, 2002, run).slice(BURN_IN);
      episodes.push(countEpisodes(actives, high, low));
      quietShare.push(actives.filter((a) => a <= low).length / actives.length);
      peaks.push(Math.max(...actives));
    }
    // Every run shows at least two outbursts with a quiet trough between them…
    for (const count of episodes) expect(count).toBeGreaterThanOrEqual(2);
    // …and, over runs, several per 300 ticks, with quiet at least a fifth of the time, and the
    // largest outburst of a run well above the start threshold (1.5 × 5% of citizens).
    expect(meanInterval(episodes).low).toBeGreaterThan(3);
    expect(meanInterval(quietShare).low).toBeGreaterThan(0.2);
    expect(meanInterval(peaks).low).toBeGreaterThan(1.5 * high);
  });

  it("punctuated equilibrium needs the rounded ratio: with the paper's exact C/A the same runs show no outburst (as NetLogo's and Mesa's authors report)", () => {
    const high = 0.05 * CITIZENS;
    for (let run = 0; run < 4; run++) {
      const actives = observableSeries({ legitimacy: 0.82, ticks: 350, arrestRatio: 'exact' }, 2002, run).slice(BURN_IN);
      expect(countEpisodes(actives, high, 0.01 * CITIZENS)).toBe(0);
    }
  });

  it('more cops, fewer actives: mean actives at cop density 0.074 are below those at 0.04 (Welch 95% interval of the difference above 0)', () => {
    const meanActives = (copDensity: number) =>
      Array.from({ length: 10 }, (_, run) => mean(observableSeries({ copDensity, legitimacy: 0.8, ticks: 300 }, 7243, run).slice(BURN_IN)));
    const fewCops = meanActives(0.04);
    const moreCops = meanActives(0.074);
    const interval = welchInterval(fewCops, moreCops);
    expect(interval.low).toBeGreaterThan(0);
    // The effect is large, not marginal: more than halving the actives.
    expect(mean(moreCops)).toBeLessThan(0.5 * mean(fewCops));
  });

  it('a sudden legitimacy drop (0.9 → 0.7 at once) brings a rebellion more than twice as large as the same drop by 0.01 a tick over 20 ticks', () => {
    // Epstein (2002), Figs. 9–10: a large reduction in small increments brings no outburst,
    // a smaller one in a jump does. Runs are paired: same seed and run index, so the same
    // grid, traits and activation orders until the schedules differ.
    const start = 20;
    const sudden = suddenLegitimacyDrop({ from: 0.9, to: 0.7, atTick: start });
    const gradual = gradualLegitimacyDrop({ from: 0.9, to: 0.7, startTick: start, perTick: 0.01 });
    expect(gradual.length).toBe(start + 20);
    const differences: number[] = [];
    const suddenPeaks: number[] = [];
    const gradualPeaks: number[] = [];
    for (let run = 0; run < 12; run++) {
      const peakOf = (legitimacy: number[]) => Math.max(...observableSeries({ legitimacy, ticks: 120 }, 1789, run).slice(start));
      const s = peakOf(sudden);
      const g = peakOf(gradual);
      suddenPeaks.push(s);
      gradualPeaks.push(g);
      differences.push(s - 2 * g);
    }
    // Paired 95% interval of (sudden peak − 2 × gradual peak) above 0.
    expect(meanInterval(differences).low).toBeGreaterThan(0);
    // The sudden drop is a large rebellion: over a third of all citizens at its peak.
    expect(meanInterval(suddenPeaks).low).toBeGreaterThan(CITIZENS / 3);
  });
});
