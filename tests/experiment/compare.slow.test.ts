import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { simulate } from '../../src/experiment/simulate.js';
import { poolExecutor } from '../../src/node/poolExecutor.js';
import { formatComparison } from '../../src/report/formatComparison.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = (name: string) => ({ ...(SHIPPED_SCENARIOS[name] as object), months: 18 });

describe('compare', () => {
  it('compare of a scenario with itself gives exactly zero differences', async () => {
    const c = await compare(short('baseline-2020'), short('baseline-2020'), { runs: 20, seed: 1 });
    for (const difference of Object.values(c.differences)) {
      expect(difference.mean.every((x) => x === 0)).toBe(true);
      expect(difference.low.every((x) => x === 0)).toBe(true);
    }
    expect(c.events.territorialComeback!.difference).toBe(0);
  });

  it('compare(baseline, us-stays): fewer fighters, a CI that excludes 0, arm means equal to simulate, pairing reduces variance', async () => {
    const runs = 120;
    // Inputs fixed (uncertainty 'none'): the exact-arithmetic checks below were written for that mode; compareUncertainty.test.ts covers drawn inputs.
    const c = await compare(short('baseline-2020'), short('us-stays'), { runs, seed: 3, uncertainty: 'none' });
    const last = 17;
    const fighters = c.differences.fighters!;
    expect(fighters.high[last]).toBeLessThan(0);
    // The arms are ordinary ensembles: the same as simulate with the same seed, bit for bit.
    expect(JSON.stringify(c.a)).toBe(JSON.stringify(simulate(short('baseline-2020'), { runs, seed: 3, uncertainty: 'none' }).summary));
    // The mean difference is the difference of the arm means (exact sums: to rounding).
    expect(fighters.mean[last]).toBeCloseTo(c.b.series.fighters!.mean[last]! - c.a.series.fighters!.mean[last]!, 8);
    // The CI is mean ± 1.96 sd/√n: its half-width is far narrower than independent arms would give.
    const half = (fighters.high[last]! - fighters.low[last]!) / 2;
    const independentHalf = 1.959964 * Math.sqrt((c.a.series.fighters!.sd[last]! ** 2 + c.b.series.fighters!.sd[last]! ** 2) / runs);
    expect(half).toBeLessThan(independentHalf);
    expect(independentHalf ** 2 / half ** 2).toBeCloseTo(fighters.varianceReduction[last]!, 6);
    expect(c.medianVarianceReduction).toBeGreaterThan(1.5);
    expect(formatComparison(c)).toContain('Median over observables and months: ×');
  });

  it('compare gives the same result on worker threads as in this thread', async () => {
    const inThread = await compare(short('baseline-2020'), short('funding-cut'), { runs: 30, seed: 8 });
    const onPool = await compare(short('baseline-2020'), short('funding-cut'), { runs: 30, seed: 8, executor: poolExecutor({ workers: 2, chunkSize: 7 }) });
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(inThread));
  });

  it('compare rejects scenarios on different calendars and too few runs', async () => {
    await expect(compare(short('baseline-2020'), SHIPPED_SCENARIOS['us-stays'], { runs: 5 })).rejects.toThrow(/different calendars/);
    await expect(compare(short('baseline-2020'), short('us-stays'), { runs: 1 })).rejects.toThrow('invalid runs: 1 (expected an integer ≥ 2)');
  });
});
