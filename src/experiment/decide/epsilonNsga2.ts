import { createRunStream } from '../../rng/createRunStream.js';
import type { RandomSource } from '../../rng/randomSource.js';
import { latinHypercube } from '../designs/latinHypercube.js';
import { addToEpsilonArchive, type ArchiveMember } from './epsilonArchive.js';
import { crowdingDistance, nondominatedSort } from './nondominatedSort.js';
import { polynomialMutation, sbxCrossover, type VariationOptions } from './variation.js';

/** Where a search stands after a generation: enough to resume it with the same result. */
export interface SearchState {
  /** Generations completed (0: the initial population has been evaluated). */
  readonly generation: number;
  /** The current population, with its objectives (minimised). */
  readonly population: readonly ArchiveMember[];
  /** The ε-non-dominated members of everything evaluated so far. */
  readonly archive: readonly ArchiveMember[];
  /** Points evaluated so far. */
  readonly evaluations: number;
}

/** Options of {@link epsilonNsga2}. `bounds` and `epsilons` are required. */
export interface EpsilonNsga2Options {
  /** [low, high] of each decision variable. */
  readonly bounds: readonly (readonly [number, number])[];
  /** ε of each objective: the resolution at which two policies count as different. */
  readonly epsilons: readonly number[];
  /** Whole-number variables (rounded after variation). Default none. */
  readonly integer?: readonly boolean[];
  /** Population size (even, ≥ 4). Default 20. */
  readonly populationSize?: number;
  /** Generations after the initial population. Default 10. */
  readonly generations?: number;
  /** Seed of the search's own draws (initial design, selection, variation). Default 1. */
  readonly seed?: number | string;
  /** Points placed in the initial population first (e.g. the status quo), the rest a Latin hypercube. */
  readonly initial?: readonly (readonly number[])[];
  readonly variation?: VariationOptions;
  /** Continue from this state (as passed to `onGeneration`); the result equals an uninterrupted search's. */
  readonly resumeFrom?: SearchState;
  /** Called after every generation (and after the initial population) with the state. */
  readonly onGeneration?: (state: SearchState) => void | Promise<void>;
}

function better(rank: readonly number[], crowd: readonly number[], i: number, j: number): number {
  if (rank[i] !== rank[j]) return (rank[i] as number) < (rank[j] as number) ? i : j;
  if (crowd[i] !== crowd[j]) return (crowd[i] as number) > (crowd[j] as number) ? i : j;
  return Math.min(i, j);
}

/** Ranks and crowding of a population (by front), and the survivors of NSGA-II's selection. */
function rankAndCrowd(objectives: readonly (readonly number[])[], keep: number): { rank: number[]; crowd: number[]; survivors: number[] } {
  const fronts = nondominatedSort(objectives);
  const rank = new Array<number>(objectives.length).fill(0);
  const crowd = new Array<number>(objectives.length).fill(0);
  const survivors: number[] = [];
  fronts.forEach((front, r) => {
    const distance = crowdingDistance(front.map((i) => objectives[i] as number[]));
    front.forEach((i, k) => {
      rank[i] = r;
      crowd[i] = distance[k] as number;
    });
    if (survivors.length >= keep) return;
    if (survivors.length + front.length <= keep) {
      survivors.push(...front);
      return;
    }
    const byCrowding = front.map((i, k) => ({ i, d: distance[k] as number })).sort((a, b) => b.d - a.d || a.i - b.i);
    survivors.push(...byCrowding.slice(0, keep - survivors.length).map((entry) => entry.i));
  });
  return { rank, crowd, survivors };
}

function roundIntegers(x: number[], integer: readonly boolean[] | undefined): number[] {
  return integer ? x.map((v, i) => (integer[i] ? Math.round(v) : v)) : x;
}

function offspring(population: readonly ArchiveMember[], options: EpsilonNsga2Options, size: number, random: RandomSource): number[][] {
  const { rank, crowd } = rankAndCrowd(
    population.map((member) => member.objectives),
    population.length,
  );
  const pick = (): readonly number[] => {
    const i = Math.floor(random() * population.length);
    const j = Math.floor(random() * population.length);
    return (population[better(rank, crowd, i, j)] as ArchiveMember).variables;
  };
  const children: number[][] = [];
  while (children.length < size) {
    const [a, b] = sbxCrossover(pick(), pick(), options.bounds, random, options.variation);
    children.push(roundIntegers(polynomialMutation(a, options.bounds, random, options.variation), options.integer));
    if (children.length < size) children.push(roundIntegers(polynomialMutation(b, options.bounds, random, options.variation), options.integer));
  }
  return children;
}

/**
 * A many-objective evolutionary search: NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEC
 * 6(2):182–197; (μ + λ) survival by non-dominated rank and crowding, binary tournaments, SBX
 * crossover and polynomial mutation) with the ε-dominance archive of ε-NSGA-II (Kollat & Reed
 * 2006, Advances in Water Resources 29(6):792–807; Laumanns et al. 2002). Not included: ε-NSGA-II's
 * adaptive population sizing and time-continuation restarts. `evaluate` receives a generation's
 * points at once (so it can run them in parallel) and returns their objectives, all minimised.
 *
 * Deterministic: the search's draws come from `createRunStream(seed, generation, 'decide/search')`,
 * so the result depends only on (evaluate, options), and a search resumed from any generation's
 * state gives the same result as one that ran through.
 *
 * Cost: (1 + generations) · populationSize evaluations, plus O(objectives · populationSize²) per generation.
 *
 * @example
 * const state = await epsilonNsga2(async (xs) => xs.map(([x]) => [x * x, (x - 2) ** 2]), { bounds: [[-5, 5]], epsilons: [0.05, 0.05] });
 * state.archive.map((m) => m.variables[0]); // values in [0, 2], spread along the front
 */
export async function epsilonNsga2(evaluate: (points: number[][]) => Promise<number[][]>, options: EpsilonNsga2Options): Promise<SearchState> {
  const size = options.populationSize ?? 20;
  const generations = options.generations ?? 10;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(size) || size < 4 || size % 2 !== 0) throw new RangeError(`invalid populationSize: ${size} (expected an even integer ≥ 4)`);
  if (!Number.isInteger(generations) || generations < 0) throw new RangeError(`invalid generations: ${generations} (expected an integer ≥ 0)`);
  if (options.bounds.length === 0) throw new RangeError('invalid bounds: no decision variables');
  for (const [low, high] of options.bounds) if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high)) throw new RangeError(`invalid bounds: [${low}, ${high}]`);
  if (options.epsilons.some((e) => !(e > 0))) throw new RangeError(`invalid epsilons: ${options.epsilons.join(', ')} (expected every ε > 0)`);
  const check = (objectives: number[][], count: number): number[][] => {
    if (objectives.length !== count) throw new RangeError(`evaluate returned ${objectives.length} results for ${count} points`);
    for (const f of objectives) {
      if (f.length !== options.epsilons.length || f.some((v) => Number.isNaN(v))) {
        throw new RangeError(`evaluate returned [${f.join(', ')}] (expected ${options.epsilons.length} numbers, one per ε)`);
      }
    }
    return objectives;
  };
  let state: SearchState | undefined = options.resumeFrom;
  if (!state) {
    const given = (options.initial ?? []).slice(0, size).map((x) => roundIntegers([...x], options.integer));
    const names = options.bounds.map((_, i) => `x${i}`);
    const open = options.bounds.map(([low, high]) => [low, high === low ? low + 1 : high] as [number, number]);
    const design = latinHypercube({ names, bounds: open }, Math.max(1, size - given.length), createRunStream(seed, 0, 'decide/initial'))
      .slice(0, size - given.length)
      .map((x) => roundIntegers(x.map((v, i) => Math.min(v, (options.bounds[i] as [number, number])[1])), options.integer));
    const points = [...given, ...design];
    const objectives = check(await evaluate(points), points.length);
    const population = points.map((variables, i) => ({ variables, objectives: objectives[i] as number[] }));
    let archive: ArchiveMember[] = [];
    for (const member of population) archive = addToEpsilonArchive(archive, member, options.epsilons);
    state = { generation: 0, population, archive, evaluations: points.length };
    await options.onGeneration?.(state);
  }
  while (state.generation < generations) {
    const generation: number = state.generation + 1;
    const random = createRunStream(seed, generation, 'decide/search');
    const children = offspring(state.population, options, size, random);
    const objectives = check(await evaluate(children), children.length);
    const members = children.map((variables, i) => ({ variables, objectives: objectives[i] as number[] }));
    let archive: ArchiveMember[] = [...state.archive];
    for (const member of members) archive = addToEpsilonArchive(archive, member, options.epsilons);
    const union: ArchiveMember[] = [...state.population, ...members];
    const { survivors } = rankAndCrowd(
      union.map((member) => member.objectives),
      size,
    );
    state = { generation, population: survivors.map((i) => union[i] as ArchiveMember), archive, evaluations: state.evaluations + children.length };
    await options.onGeneration?.(state);
  }
  return state;
}
