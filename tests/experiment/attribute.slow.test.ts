import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/experiment/attribute.js';
import { parseOutcome } from '../../src/experiment/outcome.js';
import { simulate } from '../../src/experiment/simulate.js';
import { poolExecutor } from '../../src/node/poolExecutor.js';
import { formatAttribution } from '../../src/report/formatAttribution.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const short = (name: string, months = 12) => ({ ...(SHIPPED_SCENARIOS[name] as object), months });

describe('attribute', () => {
  it('attribute(us-stays, baseline): exact over 2^3 coalitions, values add up to the change, which equals the difference of the two ensembles', async () => {
    const runs = 16;
    const a = await attribute(short('us-stays'), short('baseline-2020'), { outcomes: ['fighters@12', 'attacks:total'], runs, seed: 4 });
    expect(a.method).toBe('exact');
    expect([...a.players].sort()).toEqual(['usBasesIraq', 'usTroopsIraq', 'usTroopsSyria']);
    expect(a.coalitions).toBe(8);
    for (const outcome of a.outcomes) {
      const sum = outcome.factors.reduce((total, f) => total + f.value, 0);
      expect(Math.abs(sum - outcome.total.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(outcome.total.value)));
      expect(outcome.scenario - outcome.baseline).toBeCloseTo(outcome.total.value, 6);
    }
    // v(∅) and v(N) are the baseline and the scenario themselves: the same runs as simulate.
    const fighters = a.outcomes[0]!;
    expect(fighters.baseline).toBeCloseTo(simulate(short('baseline-2020'), { runs, seed: 4 }).summary.series.fighters!.mean[11]!, 8);
    expect(fighters.scenario).toBeCloseTo(simulate(short('us-stays'), { runs, seed: 4 }).summary.series.fighters!.mean[11]!, 8);
    expect(fighters.total.upper).toBeLessThan(0);
    expect(formatAttribution(a)).toContain('Exact Shapley values over all 8 coalitions');
  });

  it('attribute gives the same result on worker threads, and sampled permutations also add up exactly', async () => {
    const options = { outcomes: ['fighters@12'], runs: 8, seed: 2 };
    const inThread = await attribute(short('us-stays'), short('baseline-2020'), options);
    const onPool = await attribute(short('us-stays'), short('baseline-2020'), { ...options, executor: poolExecutor({ workers: 2, chunkSize: 3 }) });
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(inThread));
    const sampled = await attribute(short('us-stays'), short('baseline-2020'), { ...options, method: 'sampled', permutations: 4 });
    expect(sampled.method).toBe('sampled');
    const outcome = sampled.outcomes[0]!;
    expect(outcome.factors.reduce((total, f) => total + f.value, 0)).toBeCloseTo(outcome.total.value, 8);
    expect(outcome.total.value).toBeCloseTo(inThread.outcomes[0]!.total.value, 8);
  });

  it('attribute refuses impossible requests with messages that say what to do', async () => {
    await expect(attribute(short('baseline-2020'), short('baseline-2020'), { runs: 2 })).rejects.toThrow(/nothing to attribute/);
    await expect(attribute(short('worst-case'), short('baseline-2020'), { runs: 2, method: 'exact' })).rejects.toThrow(/limit is k ≤ 10: use method 'sampled'/);
    await expect(attribute(short('us-stays'), short('baseline-2020'), { runs: 2, outcomes: ['figthers@3'] })).rejects.toThrow(/did you mean "fighters"/);
    await expect(attribute(short('us-stays'), short('baseline-2020', 24), { runs: 2 })).rejects.toThrow(/different calendars/);
  });

  it('parseOutcome reads observable@month, observable:total, event and event@month, and rejects the rest', () => {
    expect(parseOutcome('fighters@24', 36)).toMatchObject({ kind: 'observable', observable: 'fighters', month: 23 });
    expect(parseOutcome('attacks:total', 36)).toMatchObject({ kind: 'total', observable: 'attacks' });
    expect(parseOutcome('territorialComeback', 36)).toMatchObject({ kind: 'event', month: 35 });
    expect(parseOutcome('territorialComeback@12', 36)).toMatchObject({ kind: 'event', month: 11 });
    expect(() => parseOutcome('fighters@40', 36)).toThrow('month 40 is outside the horizon (1–36)');
    expect(() => parseOutcome('fighters', 36)).toThrow(/say which month/);
    expect(() => parseOutcome('territorialComeback:total', 36)).toThrow(/an event has no total/);
  });
});
