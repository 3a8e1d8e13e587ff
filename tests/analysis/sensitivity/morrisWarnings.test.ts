import { describe, expect, it } from 'vitest';
import { morrisWarnings } from '../../../src/analysis/sensitivity/morrisWarnings.js';

const effects = (muStar: number[], sigma: number[], conf: number[]) => ({
  names: muStar.map((_, i) => `x${i + 1}`),
  mu: muStar.map(() => 0),
  muStar,
  sigma,
  muStarConf: conf,
});

describe('morrisWarnings', () => {
  it('morrisWarnings flags every input whose σ exceeds μ*, and no other', () => {
    const warnings = morrisWarnings(effects([10, 2, 1], [1, 3, 0.5], [0.1, 0.1, 0.1]), 20);
    const sigma = warnings.filter((w) => w.code === 'sigma-exceeds-mu-star');
    expect(sigma.map((w) => w.names[0])).toEqual(['x2']);
    expect(sigma[0]?.value).toBe(1.5);
    expect(sigma[0]?.message).toMatch(/^x2: σ 3 > μ\* 2: .*Sobol' \(ST\)/);
    expect(warnings.some((w) => w.code === 'unstable-ranking')).toBe(false);
  });

  it('morrisWarnings says which number of trajectories separates overlapping neighbours (intervals shrink as 1/√r)', () => {
    // x1 and x3 are 1 apart with intervals summing to 2: r' = 20 · (2/1)² = 80.
    const warnings = morrisWarnings(effects([5, 1, 4], [0, 0, 0], [1, 0.1, 1]), 20);
    const unstable = warnings.find((w) => w.code === 'unstable-ranking');
    expect(unstable?.names).toEqual(['x1', 'x3']);
    expect(unstable?.suggestedN).toBe(80);
    expect(unstable?.message).toMatch(/x1 ~ x3.*about 80 trajectories \(now 20\)/);
    // Equal μ* can never be separated.
    expect(morrisWarnings(effects([2, 2], [0, 0], [0.1, 0.1]), 20)[0]?.suggestedN).toBe(Infinity);
  });

  it('morrisWarnings rejects fewer than two trajectories', () => {
    expect(() => morrisWarnings(effects([1], [0], [0]), 1)).toThrow('invalid trajectories: 1');
  });
});
