import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';
import { ishigami, sensitivityWarnings, sobolIndices } from '../../../src/analysis/sensitivity/index.js';
import type { SobolIndices } from '../../../src/analysis/sensitivity/index.js';
import { createRunStream } from '../../../src/rng/index.js';

function result(S1: number[], S1Conf: number[], extra: Partial<SobolIndices> = {}): SobolIndices {
  return {
    names: S1.map((_, i) => `x${i + 1}`),
    n: 1024,
    confidence: 0.95,
    bootstrap: 100,
    S1,
    S1Conf,
    ST: S1.map(() => 0.5),
    STConf: S1.map(() => 0.01),
    variance: 1,
    constant: false,
    ...extra,
  };
}

describe('sensitivityWarnings', () => {
  it('sensitivityWarnings flags a half-width above 10% of the index and names the power of two that fixes it', () => {
    // 0.5 ± 0.1 at N = 1024: tolerance 0.05, so N' = 1024·(0.1/0.05)² = 4096.
    const warnings = sensitivityWarnings(result([0.5, 0.5], [0.1, 0.04]), 1024);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'wide-interval', index: 'S1', names: ['x1'], suggestedN: 4096, tolerance: 0.05 });
    expect(warnings[0]?.message).toMatchInlineSnapshot(`"S1 of x1: 0.5 ± 0.1, wider than ±0.05 (10% of max(|index|, 0.01)); N = 4096 would narrow it to about that (half-widths shrink as 1/√N)"`);
  });

  it('sensitivityWarnings judges small indices against the minimum index, not against 10% of zero', () => {
    expect(sensitivityWarnings(result([0, 0.003], [0.0009, 0.0009]), 1024)).toEqual([]);
    const [warning] = sensitivityWarnings(result([0], [0.002]), 1024);
    expect(warning?.suggestedN).toBe(4096); // (0.002 / 0.001)² = 4
    expect(sensitivityWarnings(result([0], [0.002]), 1024, { minimumIndex: 0.05 })).toEqual([]);
  });

  it('sensitivityWarnings flags an index negative beyond its interval', () => {
    // −0.05 ± 0.02: the error is at least 0.05; tolerance 0.1·0.05 = 0.005, so N' = 1024·100 → 131072.
    const [warning] = sensitivityWarnings(result([-0.05], [0.02]), 1024);
    expect(warning).toMatchObject({ code: 'negative-index', suggestedN: 131072 });
    expect(warning?.message).toMatchInlineSnapshot(`"S1 of x1: -0.05 ± 0.02 is negative beyond its interval, so the estimate is off by at least 0.05; N = 131072 would bring that error to about ±0.005 (errors shrink as 1/√N)"`);
  });

  it('sensitivityWarnings reports a constant output once', () => {
    const warnings = sensitivityWarnings(result([NaN], [NaN], { constant: true }), 1024);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('constant-output');
    expect(warnings[0]?.suggestedN).toBe(Infinity);
  });

  it('sensitivityWarnings: running at the suggested N clears the warning (Ishigami S1 of x1, 1024 → 4096)', () => {
    const problem: SensitivityProblem = { names: ['x1', 'x2', 'x3'], bounds: [[-Math.PI, Math.PI], [-Math.PI, Math.PI], [-Math.PI, Math.PI]] };
    const run = (n: number): SobolIndices =>
      sobolIndices(saltelliDesign(problem, n, { secondOrder: false }).map((x) => ishigami(x)), problem, n, { secondOrder: false, random: createRunStream(2020, n, 'bootstrap') });
    const before = sensitivityWarnings(run(1024), 1024).find((w) => w.index === 'S1' && w.names[0] === 'x1');
    expect(before?.code).toBe('wide-interval');
    const suggested = before?.suggestedN as number;
    expect(suggested).toBeGreaterThan(1024);
    expect(suggested).toBeLessThanOrEqual(16384);
    const after = sensitivityWarnings(run(suggested), suggested).find((w) => w.index === 'S1' && w.names[0] === 'x1');
    expect(after).toBeUndefined();
  });
});
