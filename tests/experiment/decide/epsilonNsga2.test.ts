import { describe, expect, it } from 'vitest';
import { epsilonNsga2 } from '../../../src/experiment/decide/epsilonNsga2.js';
import { addToEpsilonArchive } from '../../../src/experiment/decide/epsilonArchive.js';
import { crowdingDistance, dominates, nondominatedSort } from '../../../src/experiment/decide/nondominatedSort.js';
import { createRunStream } from '../../../src/rng/createRunStream.js';

/**
 * DTLZ2 (Deb, Thiele, Laumanns & Zitzler 2002, "Scalable multi-objective optimization test
 * problems", CEC 2002) with 3 objectives and k = 10 distance variables, and an added uncertainty:
 * in future j the distance function is shifted by u_j ~ U(0, 0.2), f(x, u) = (1 + g(x) + u)·trig(x).
 * The objective is the mean over the same 16 futures for every point (common random numbers), so
 * the robust front is the sphere octant of radius 1 + ū, with ū the mean of those 16 draws.
 */
const M = 3;
const K = 10;
const random = createRunStream(42, 0, 'test/dtlz2-futures');
const futures = Array.from({ length: 16 }, () => 0.2 * random());
const uBar = futures.reduce((a, b) => a + b, 0) / futures.length;

function dtlz2Mean(x: readonly number[]): number[] {
  let g = 0;
  for (let i = M - 1; i < x.length; i++) g += ((x[i] as number) - 0.5) ** 2;
  const trig = Array.from({ length: M }, (_, m) => {
    let value = 1;
    for (let i = 0; i < M - 1 - m; i++) value *= Math.cos(((x[i] as number) * Math.PI) / 2);
    if (m > 0) value *= Math.sin(((x[M - 1 - m] as number) * Math.PI) / 2);
    return value;
  });
  const values = futures.map((u) => trig.map((t) => (1 + g + u) * t));
  return trig.map((_, m) => values.reduce((sum, v) => sum + (v[m] as number), 0) / futures.length);
}

const options = { bounds: Array.from({ length: M - 1 + K }, () => [0, 1] as [number, number]), epsilons: [0.05, 0.05, 0.05], populationSize: 40, generations: 150, seed: 7 };

describe('epsilonNsga2', () => {
  it('epsilonNsga2 recovers the front of DTLZ2 with an added uncertainty (radius 1 + ū, within 0.02 on average, 0.06 at worst; covering the octant)', async () => {
    const state = await epsilonNsga2(async (xs) => xs.map(dtlz2Mean), options);
    const radii = state.archive.map((member) => Math.hypot(...member.objectives));
    const meanError = radii.reduce((sum, r) => sum + Math.abs(r - (1 + uBar)), 0) / radii.length;
    expect(meanError).toBeLessThan(0.02);
    expect(Math.max(...radii.map((r) => Math.abs(r - (1 + uBar))))).toBeLessThan(0.06);
    // Coverage: inverted generational distance to a grid on the true front below 0.1.
    const reference: number[][] = [];
    for (let a = 0; a <= 10; a++) for (let b = 0; b <= 10; b++) {
      const t = (a / 10) * (Math.PI / 2);
      const p = (b / 10) * (Math.PI / 2);
      reference.push([Math.cos(t) * Math.cos(p), Math.cos(t) * Math.sin(p), Math.sin(t)].map((v) => v * (1 + uBar)));
    }
    const igd = reference.reduce((sum, r) => sum + Math.min(...state.archive.map((m) => Math.hypot(...m.objectives.map((f, k) => f - (r[k] as number))))), 0) / reference.length;
    if (process.env.DECIDE_PRINT) console.log({ meanError, maxError: Math.max(...radii.map((r) => Math.abs(r - (1 + uBar)))), igd, archive: state.archive.length, uBar });
    expect(igd).toBeLessThan(0.1);
    expect(state.archive.length).toBeGreaterThan(20);
    expect(state.evaluations).toBe(40 * 151);
  });

  it('epsilonNsga2 resumed from a mid-search state gives the same archive as an uninterrupted search', async () => {
    const short = { ...options, generations: 12, populationSize: 12 };
    const states: unknown[] = [];
    const full = await epsilonNsga2(async (xs) => xs.map(dtlz2Mean), { ...short, onGeneration: (s) => void states.push(JSON.parse(JSON.stringify(s))) });
    const resumed = await epsilonNsga2(async (xs) => xs.map(dtlz2Mean), { ...short, resumeFrom: states[5] as never });
    expect(resumed).toEqual(full);
    const other = await epsilonNsga2(async (xs) => xs.map(dtlz2Mean), { ...short, seed: 8 });
    expect(other.archive).not.toEqual(full.archive);
  });

  it('epsilonNsga2 rejects bad options', async () => {
    await expect(epsilonNsga2(async (xs) => xs.map(() => [0]), { bounds: [[0, 1]], epsilons: [0.1], populationSize: 5 })).rejects.toThrow('invalid populationSize: 5');
    await expect(epsilonNsga2(async (xs) => xs.map(() => [0]), { bounds: [[0, 1]], epsilons: [0] })).rejects.toThrow('invalid epsilons');
    await expect(epsilonNsga2(async () => [[0]], { bounds: [[0, 1]], epsilons: [0.1] })).rejects.toThrow('evaluate returned 1 results for 20 points');
  });
});

describe('nondominatedSort, crowdingDistance, addToEpsilonArchive', () => {
  it('nondominatedSort puts each point in the front after the last one that dominates it', () => {
    expect(nondominatedSort([[1, 2], [2, 1], [2, 2], [3, 3]])).toEqual([[0, 1], [2], [3]]);
    expect(dominates([1, 1], [1, 1])).toBe(false);
  });
  it('crowdingDistance gives the boundary Infinity and interior points the normalised neighbour gap', () => {
    expect(crowdingDistance([[0, 2], [1, 1], [2, 0]])).toEqual([Infinity, 2, Infinity]);
  });
  it('addToEpsilonArchive keeps one member per box and drops box-dominated members', () => {
    let archive = addToEpsilonArchive([], { variables: [0], objectives: [0.31, 0.9] }, [0.1, 0.1]);
    archive = addToEpsilonArchive(archive, { variables: [1], objectives: [0.35, 0.5] }, [0.1, 0.1]);
    expect(archive.map((m) => m.variables[0])).toEqual([1]);
    archive = addToEpsilonArchive(archive, { variables: [2], objectives: [0.9, 0.05] }, [0.1, 0.1]);
    expect(archive.map((m) => m.variables[0])).toEqual([1, 2]);
    archive = addToEpsilonArchive(archive, { variables: [3], objectives: [0.05, 0.05] }, [0.1, 0.1]);
    expect(archive.map((m) => m.variables[0])).toEqual([3]);
  });
});
