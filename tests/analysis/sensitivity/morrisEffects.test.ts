import { describe, expect, it } from 'vitest';
import { morrisDesign } from '../../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';
import { morrisEffects } from '../../../src/analysis/sensitivity/index.js';
import { createRunStream } from '../../../src/rng/index.js';

// Five inputs, two of them (x4, x5) inactive; x1 linear, x2 quadratic, x3 interacting with x1.
const problem: SensitivityProblem = { names: ['x1', 'x2', 'x3', 'x4', 'x5'], bounds: [[0, 2], [0, 1], [0, 1], [-5, 5], [0, 100]] };
const f = (x: number[]): number => 10 * (x[0] as number) + 8 * (x[1] as number) ** 2 + 3 * (x[0] as number) * (x[2] as number);

describe('morrisEffects', () => {
  it('morrisEffects gives μ* = 0 to inactive inputs and ranks the active ones', () => {
    const design = morrisDesign(problem, 50, {}, createRunStream(2020, 0, 'morris'));
    const effects = morrisEffects(design, design.samples.map(f), problem, { random: createRunStream(2020, 0, 'bootstrap') });
    expect(effects.muStar[3]).toBe(0);
    expect(effects.muStar[4]).toBe(0);
    expect(effects.sigma[3]).toBe(0);
    // Elementary effects in unit terms (Δ = 2/3): x1's is (10 + 3·x3)·2 ∈ [20, 26]; x2's is
    // 8(2x2 + Δ) = 16/3 or 32/3 with x2 ∈ {0, 1/3} equally likely (mean 8, sd of a 50-mean 0.38);
    // x3's is 3·x1 with x1 uniform on {0, 2/3, 4/3, 2} (mean 3, sd of a 50-mean 0.32). So
    // μ*(x1) ≈ 23 > μ*(x2) ≈ 8 > μ*(x3) ≈ 3 > 0, each gap more than 10 sd.
    const [m1, m2, m3] = effects.muStar as [number, number, number];
    expect(m1).toBeGreaterThan(m2);
    expect(m2).toBeGreaterThan(m3);
    expect(m3).toBeGreaterThan(0);
    // A purely linear effect is the same on every step: σ = 0 only where the effect is linear and
    // additive (x1 is not: it interacts with x3).
    expect(effects.sigma[0]).toBeGreaterThan(0);
  });

  it('morrisEffects of a linear function is its slope times the range, on every step', () => {
    const linear: SensitivityProblem = { names: ['a', 'b'], bounds: [[0, 10], [5, 6]] };
    const design = morrisDesign(linear, 20, { levels: 6 }, createRunStream(1, 0, 'morris'));
    const effects = morrisEffects(design, design.samples.map(([a, b]) => 2 * (a as number) - 3 * (b as number)), linear);
    expect(effects.mu[0]).toBeCloseTo(20, 10); // slope 2 × range 10 (effects in unit-cube terms, as SALib)
    expect(effects.mu[1]).toBeCloseTo(-3, 10);
    expect(effects.muStar[1]).toBeCloseTo(3, 10);
    expect(effects.sigma[0]).toBeCloseTo(0, 10);
    expect(effects.muStarConf[0]).toBeCloseTo(0, 10);
  });

  it('morrisEffects bootstrap half-width of μ* is z·sd(|EE|)/√r within bootstrap error', () => {
    // The bootstrap sd of a mean of r values is sd·√((r − 1)/r)/√r; with 1000 resamples its
    // relative error is about 1/√2000 ≈ 2.2%, so 10% is a 4.5-sd tolerance.
    const design = morrisDesign(problem, 100, {}, createRunStream(3, 0, 'morris'));
    const effects = morrisEffects(design, design.samples.map(f), problem, { random: createRunStream(3, 0, 'bootstrap') });
    const r = 100;
    const abs = (effects.elementaryEffects[1] as number[]).map(Math.abs);
    const mean = abs.reduce((s, x) => s + x, 0) / r;
    const sd = Math.sqrt(abs.reduce((s, x) => s + (x - mean) ** 2, 0) / (r - 1));
    const expected = 1.959963984540054 * sd * Math.sqrt((r - 1) / r) / Math.sqrt(r);
    expect(Math.abs((effects.muStarConf[1] as number) / expected - 1)).toBeLessThan(0.1);
  });

  it('morrisEffects is reproducible and rejects outputs or designs that do not fit', () => {
    const design = morrisDesign(problem, 4, {}, createRunStream(1, 0, 'morris'));
    const Y = design.samples.map(f);
    expect(morrisEffects(design, Y, problem)).toEqual(morrisEffects(design, Y, problem));
    expect(() => morrisEffects(design, Y.slice(1), problem)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid Y: 23 outputs (expected 24, one per design row)]`);
    const tampered = { ...design, unit: design.unit.map((row, i) => (i === 1 ? row.map((x) => 1 - x) : row)) };
    expect(() => morrisEffects(tampered, Y, problem)).toThrow(/invalid design: rows 0 and 1 differ in more than one input/);
    expect(() => morrisEffects(design, Y, { names: ['a'], bounds: [[0, 1]] })).toThrow(/invalid design/);
  });
});
