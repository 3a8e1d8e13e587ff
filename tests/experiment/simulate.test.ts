import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { ScenarioError } from '../../src/scenario/issues.js';

const baseline = SHIPPED_SCENARIOS['baseline-2020'];
const small = { name: 'small', question: 'q', start: '2020-05', months: 12 };

describe('simulate', () => {
  it('simulate gives byte-identical summaries for the same scenario and seed', () => {
    const a = JSON.stringify(simulate(baseline, { runs: 20, seed: 11 }).summary);
    const b = JSON.stringify(simulate(baseline, { runs: 20, seed: 11 }).summary);
    expect(a).toBe(b);
  });

  it('simulate gives different numbers for a different seed', () => {
    const a = simulate(small, { runs: 5, seed: 1 }).summary.series.attacks?.mean;
    const b = simulate(small, { runs: 5, seed: 2 }).summary.series.attacks?.mean;
    expect(a).not.toEqual(b);
  });

  it('simulate: run i is the same whatever the ensemble size or batch it belongs to', () => {
    const twenty = simulate(small, { runs: 20, seed: 5, perRun: true }).runs ?? [];
    const ten = simulate(small, { runs: 10, seed: 5, perRun: true }).runs ?? [];
    const secondBatch = simulate(small, { runs: 10, seed: 5, perRun: true, firstRun: 10 }).runs ?? [];
    expect(twenty).toHaveLength(20);
    for (let i = 0; i < 10; i++) {
      expect(Array.from(ten[i]!.series)).toEqual(Array.from(twenty[i]!.series));
      expect(Array.from(secondBatch[i]!.series)).toEqual(Array.from(twenty[10 + i]!.series));
      expect(secondBatch[i]!.run).toBe(10 + i);
    }
  });

  it('simulate records provenance without wall-clock time', () => {
    const { summary } = simulate(small, { runs: 3, seed: 'abc' });
    expect(summary.provenance.seed).toBe('abc');
    expect(summary.provenance.runs).toBe(3);
    expect(summary.provenance.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.provenance.factors.usTroopsSyria).toHaveLength(12);
    expect(Object.keys(summary.provenance.parameters).length).toBeGreaterThan(10);
    expect(JSON.stringify(summary)).not.toMatch(/20\d\d-\d\d-\d\dT/); // no ISO timestamps
    expect(summary.months.slice(0, 3)).toEqual(['2020-05', '2020-06', '2020-07']);
  });

  it('simulate: the scenario hash ignores $schema but not content', () => {
    const hash = (s: object) => simulate(s, { runs: 1 }).summary.provenance.scenarioHash;
    expect(hash({ ...small, $schema: 'x.json' })).toBe(hash(small));
    expect(hash({ ...small, factors: { covidDiversion: 0 } })).not.toBe(hash(small));
  });

  it('simulate uses the scenario defaults for runs and seed, and options override them', () => {
    const scenario = { ...small, runs: 4, seed: 9 };
    expect(simulate(scenario).summary.provenance).toMatchObject({ runs: 4, seed: 9 });
    expect(simulate(scenario, { runs: 2, seed: 3 }).summary.provenance).toMatchObject({ runs: 2, seed: 3 });
  });

  it('simulate reports progress once per run', () => {
    const calls: [number, number][] = [];
    simulate(small, { runs: 4, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  it('simulate throws a ScenarioError with structured issues for a bad scenario', () => {
    try {
      simulate({ ...small, factors: { covidDiversio: 0.1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).issues[0]).toMatchObject({ code: 'unknown-key', path: ['factors', 'covidDiversio'] });
    }
  });

  it('simulate rejects an impossible number of runs', () => {
    expect(() => simulate(small, { runs: 0 })).toThrow('invalid runs: 0');
    expect(() => simulate(small, { runs: 1.5 })).toThrow('invalid runs: 1.5');
  });

  it('simulate: quantiles are ordered and the mean lies within the 5–95% band or close to it', () => {
    const { summary } = simulate(baseline, { runs: 40, seed: 3 });
    for (const series of Object.values(summary.series)) {
      series.p50.forEach((median, m) => {
        expect(series.p05[m]!).toBeLessThanOrEqual(series.p25[m]!);
        expect(series.p25[m]!).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(series.p75[m]!);
        expect(series.p75[m]!).toBeLessThanOrEqual(series.p95[m]!);
      });
    }
    for (const event of Object.values(summary.events)) {
      expect(event.ci95[0]).toBeLessThanOrEqual(event.probability);
      expect(event.ci95[1]).toBeGreaterThanOrEqual(event.probability);
      expect(event.survival).toHaveLength(36);
    }
  });
});
