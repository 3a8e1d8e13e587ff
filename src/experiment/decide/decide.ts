import { evpi, evppi, type EvppiEstimate } from '../../analysis/evppi.js';
import { prim } from '../../analysis/discovery/prim.js';
import { primBoxStatistics, type PrimBoxStatistics } from '../../analysis/discovery/primBoxStatistics.js';
import type { PrimStep } from '../../analysis/discovery/primTypes.js';
import { quantileSorted } from '../../math/quantile.js';
import { createRunStream } from '../../rng/createRunStream.js';
import type { RunExecutor } from '../executor.js';
import { parseOutcome } from '../outcome.js';
import { leverCosts, leverValues, resolveDecisionProblem, totalCost, type DecisionProblem } from './decisionProblem.js';
import { epsilonNsga2, type SearchState } from './epsilonNsga2.js';
import { evaluatePolicies } from './evaluatePolicies.js';
import { futureInputs } from './futureInputs.js';
import { dominates } from './nondominatedSort.js';
import { pairedVarianceRatio, robustnessMetrics, type RobustnessMetrics } from './robustness.js';

/** Options of {@link decide}; every one is optional (defaults come from the policy file, then these). */
export interface DecideOptions {
  /** Futures per policy during the search. Default: the file's `runs`, else 60. */
  readonly runs?: number;
  /** Futures per policy for the final table and EVPPI. Default: the file's `finalRuns`, else 300. */
  readonly finalRuns?: number;
  /** Default: the file's `search.populationSize`, else 12. */
  readonly populationSize?: number;
  /** Default: the file's `search.generations`, else 6. */
  readonly generations?: number;
  /** Most searched policies in the final table. Default: the file's `search.finalSize`, else 12. */
  readonly finalSize?: number;
  /** Default: the file's `seed`, else the scenario's. */
  readonly seed?: number | string;
  /** Bootstrap resamples of each EVPPI CI. Default: the file's `evppi.bootstrap`, else 100. */
  readonly bootstrap?: number;
  /** Where runs are computed. Default: this thread. */
  readonly executor?: RunExecutor;
  /** Progress by phase ('search', 'final', 'evppi'): runs (or inputs) done of total. */
  readonly onProgress?: (phase: 'search' | 'final' | 'evppi', done: number, total: number) => void;
  /** Called after each generation with the search state (write it to resume later). */
  readonly onGeneration?: (state: SearchState) => void | Promise<void>;
  /** Continue the search from this state. */
  readonly resumeFrom?: SearchState;
}

/** One policy of the final set, with its robustness on every objective. */
export interface DecidedPolicy {
  /** 'pareto-1', 'pareto-2', … for searched policies; the file's names for named ones. */
  readonly name: string;
  /** The lever values, in lever order. */
  readonly levers: readonly number[];
  /** Each lever's cost in its own unit. */
  readonly leverCosts: readonly number[];
  /** Total cost in million USD (levers without a conversion count 0). */
  readonly cost: number;
  /** Per objective, in objective order. */
  readonly metrics: readonly RobustnessMetrics[];
  /** Non-dominated on the objectives' search statistics among the final set (named policies included). */
  readonly pareto: boolean;
  /** A named policy from the file (the status quo is always one). */
  readonly named: boolean;
}

/** One EVPPI row. */
export interface EvppiRow extends EvppiEstimate {
  /** The input, or the group's name. */
  readonly input: string;
  /** The inputs of a group (one for a single input). */
  readonly inputs: readonly string[];
}

/** What {@link decide} returns. */
export interface Decision {
  readonly name: string;
  readonly question: string;
  readonly seed: number | string;
  readonly levers: readonly { readonly name: string; readonly factor: string; readonly from: number; readonly range: readonly [number, number]; readonly costUnit: string; readonly costSource: string }[];
  readonly objectives: readonly { readonly label: string; readonly direction: string; readonly statistic: string; readonly epsilon: number; readonly threshold?: number; readonly unit: string }[];
  readonly quantile: number;
  readonly search: { readonly populationSize: number; readonly generations: number; readonly runs: number; readonly evaluations: number; readonly archive: number };
  readonly finalRuns: number;
  readonly policies: readonly DecidedPolicy[];
  /**
   * Variance reduction of pairing, per model objective: the median over final policies of
   * (Var a + Var b) / Var(b − a) against the status quo (NaN where no difference varies).
   */
  readonly pairing: readonly { readonly objective: string; readonly medianRatio: number; readonly pairs: number }[];
  /** The value of information for the choice among the Pareto policies (null: fewer than 2 choices or no uncertain inputs). */
  readonly evppi: {
    readonly outcome: string;
    readonly choices: readonly string[];
    /** The expected-value choice without further information. */
    readonly bestWithoutInformation: string;
    /** E[max] − max E over the runs: perfect knowledge of everything, the model's chance included (an upper bound). */
    readonly evpiUpperBound: number;
    readonly rows: readonly EvppiRow[];
    readonly uncertainInputs: number;
    readonly note: string;
  } | null;
  /** Where a chosen policy fails (PRIM over the uncertain inputs), or null. */
  readonly vulnerability: {
    readonly policy: string;
    readonly objective: string;
    readonly failures: number;
    readonly trajectory: readonly PrimStep[];
    readonly selected: number | null;
    readonly box: PrimBoxStatistics | null;
  } | null;
}

function searchStatistic(values: Float64Array, statistic: 'mean' | 'quantile', direction: 'minimize' | 'maximize', q: number): number {
  if (statistic === 'mean') {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / values.length;
  }
  return quantileSorted(Float64Array.from(values).sort(), direction === 'minimize' ? q : 1 - q);
}

/**
 * Robust decision making over the futures a scenario cannot rule out (XLRM: levers apart from
 * uncertainties): searches the levers of a policy file with NSGA-II and an ε-dominance archive
 * (see {@link epsilonNsga2}), every candidate run over the same futures (run indices, so policy
 * differences are paired), then re-evaluates the archive and the named policies over more
 * futures and reports per objective the mean, a high quantile, the regret against the best policy
 * in each future and the satisficing share; how much pairing cut the variance of policy
 * differences; the EVPPI of each uncertain input for the choice among the Pareto policies (with
 * bootstrap CIs); and, for the policy with the least mean regret on that outcome, the futures
 * where it fails (PRIM).
 *
 * Deterministic for a given (policy file, scenario, options): the same numbers for any executor
 * and number of workers, and after a resume.
 *
 * Cost: (1 + generations) · populationSize · runs + finalSet · finalRuns model runs, plus the
 * EVPPI regressions (see {@link evppi}).
 *
 * @example
 * const d = await decide(policyJson, SHIPPED_SCENARIOS['baseline-2020'], { runs: 20, generations: 2 });
 * d.policies.filter((p) => p.pareto).map((p) => p.name); // ['pareto-1', …]
 */
export async function decide(policyInput: unknown, scenario: unknown, options: DecideOptions = {}): Promise<Decision> {
  const resolved = resolveDecisionProblem(policyInput, scenario);
  const problem: DecisionProblem = options.seed === undefined ? resolved : { ...resolved, seed: options.seed };
  const { policy } = problem;
  const runs = options.runs ?? policy.runs ?? 60;
  const finalRuns = options.finalRuns ?? policy.finalRuns ?? 300;
  const populationSize = options.populationSize ?? policy.search?.populationSize ?? 12;
  const generations = options.generations ?? policy.search?.generations ?? 6;
  const finalSize = options.finalSize ?? policy.search?.finalSize ?? 12;
  const bootstrap = options.bootstrap ?? policy.evppi?.bootstrap ?? 100;
  const q = problem.quantile;
  const sign = problem.objectives.map((objective) => (objective.direction === 'maximize' ? -1 : 1));
  const searchTotal = (1 + generations) * populationSize * runs;
  let searchDone = options.resumeFrom ? options.resumeFrom.evaluations * runs : 0;
  const state = await epsilonNsga2(
    async (points) => {
      const start = searchDone;
      const values = await evaluatePolicies(problem, points, {
        runs,
        ...(options.executor ? { executor: options.executor } : {}),
        onProgress: (done) => options.onProgress?.('search', start + done, searchTotal),
      });
      searchDone = start + points.length * runs;
      return points.map((_, p) =>
        problem.objectives.map((objective, k) => (sign[k] as number) * searchStatistic((values.objectives[k] as Float64Array[])[p] as Float64Array, objective.statistic, objective.direction, q)),
      );
    },
    {
      bounds: problem.levers.map((lever) => lever.bounds),
      integer: problem.levers.map((lever) => lever.integer),
      epsilons: problem.objectives.map((objective) => objective.epsilon),
      populationSize,
      generations,
      seed: problem.seed,
      initial: problem.named.map((named) => named.values),
      ...(options.resumeFrom ? { resumeFrom: options.resumeFrom } : {}),
      ...(options.onGeneration ? { onGeneration: options.onGeneration } : {}),
    },
  );
  // The final set: the named policies first, then the archive (deduplicated on the values used).
  const seen = new Set<string>();
  const final: { name: string; values: number[]; named: boolean }[] = [];
  for (const named of problem.named) {
    const values = leverValues(problem, named.values);
    seen.add(JSON.stringify(values));
    final.push({ name: named.name, values, named: true });
  }
  const archive = [...state.archive].sort((a, b) => {
    for (let k = 0; k < a.objectives.length; k++) if (a.objectives[k] !== b.objectives[k]) return (a.objectives[k] as number) - (b.objectives[k] as number);
    return 0;
  });
  const distinct: number[][] = [];
  for (const member of archive) {
    const values = leverValues(problem, member.variables);
    const key = JSON.stringify(values);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(values);
  }
  // Evenly spread along the archive (sorted by the first objective) when it is larger than finalSize.
  const picked = distinct.length <= finalSize ? distinct : Array.from({ length: finalSize }, (_, i) => distinct[Math.round((i * (distinct.length - 1)) / Math.max(1, finalSize - 1))] as number[]);
  picked.forEach((values, i) => final.push({ name: `pareto-${i + 1}`, values, named: false }));
  const evppiOutcome = parseOutcome(
    policy.evppi?.outcome ?? problem.objectives.find((objective) => objective.kind === 'outcome')?.label ?? `fighters@${problem.scenario.scenario.months}`,
    problem.scenario.scenario.months,
  );
  const values = await evaluatePolicies(
    problem,
    final.map((f) => f.values),
    { runs: finalRuns, extraOutcomes: [evppiOutcome], ...(options.executor ? { executor: options.executor } : {}), onProgress: (done, total) => options.onProgress?.('final', done, total) },
  );
  const metrics = problem.objectives.map((objective, k) =>
    robustnessMetrics(values.objectives[k] as Float64Array[], {
      direction: objective.direction,
      quantile: q,
      ...(objective.threshold === undefined ? {} : { threshold: objective.threshold }),
    }),
  );
  const statistics = final.map((_, p) =>
    problem.objectives.map((objective, k) => (sign[k] as number) * ((metrics[k] as RobustnessMetrics[])[p] as RobustnessMetrics)[objective.statistic === 'mean' ? 'mean' : 'quantile']),
  );
  const policies: DecidedPolicy[] = final.map((f, p) => ({
    name: f.name,
    levers: f.values,
    leverCosts: leverCosts(problem, f.values),
    cost: totalCost(problem, f.values),
    metrics: metrics.map((m) => m[p] as RobustnessMetrics),
    pareto: !statistics.some((other, o) => o !== p && dominates(other, statistics[p] as number[])),
    named: f.named,
  }));
  const pairing = problem.objectives.flatMap((objective, k) => {
    if (objective.kind !== 'outcome') return [];
    const columns = values.objectives[k] as Float64Array[];
    const ratios = columns
      .slice(1)
      .map((column) => pairedVarianceRatio(columns[0] as Float64Array, column))
      .filter((r) => Number.isFinite(r))
      .sort((a, b) => a - b);
    return [{ objective: objective.label, medianRatio: ratios.length === 0 ? Number.NaN : quantileSorted(ratios, 0.5), pairs: ratios.length }];
  });
  // Value of information for the choice among the Pareto policies (within the budget).
  const budget = policy.evppi?.budget;
  const choices = policies.map((p, i) => ({ p, i })).filter(({ p }) => p.pareto && (budget === undefined || p.cost <= budget));
  const outcomeColumns = values.extra[0] as Float64Array[];
  const outcomeSign = problem.objectives.find((objective) => objective.kind === 'outcome' && objective.outcome.label === evppiOutcome.label)?.direction === 'maximize' ? 1 : -1;
  const inputs = futureInputs(problem, finalRuns);
  let evppiResult: Decision['evppi'] = null;
  if (choices.length >= 2 && inputs.names.length > 0) {
    const netBenefit = choices.map(({ i }) => (outcomeColumns[i] as Float64Array).map((v) => outcomeSign * v));
    const means = netBenefit.map((column) => column.reduce((a, b) => a + b, 0) / column.length);
    const best = means.indexOf(Math.max(...means));
    const groups: [string, string[]][] = [...inputs.names.map((name) => [name, [name]] as [string, string[]]), ...Object.entries(policy.evppi?.groups ?? {})];
    const rows: EvppiRow[] = [];
    groups.forEach(([name, members], g) => {
      const columns = members.map((member) => inputs.columns[inputs.names.indexOf(member)]).filter((c): c is Float64Array => c !== undefined);
      options.onProgress?.('evppi', g, groups.length);
      if (columns.length !== members.length) return; // a group naming an input that does not vary: skipped
      const estimate = evppi(netBenefit, columns, { bootstrap, random: createRunStream(problem.seed, 0, `decide/evppi/${name}`) });
      rows.push({ input: name, inputs: members, ...estimate });
    });
    options.onProgress?.('evppi', groups.length, groups.length);
    rows.sort((a, b) => b.value - a.value || (a.input < b.input ? -1 : 1));
    evppiResult = {
      outcome: evppiOutcome.label,
      choices: choices.map(({ p }) => p.name),
      bestWithoutInformation: (choices[best] as { p: DecidedPolicy }).p.name,
      evpiUpperBound: evpi(netBenefit),
      rows,
      uncertainInputs: inputs.names.length,
      note: `in units of ${evppiOutcome.label} (an event: probability); estimates near 0 are biased upwards by noise in the fits, so a CI reaching 0 means "no detectable value"`,
    };
  }
  // Vulnerability of the policy with the least mean regret on the EVPPI outcome, among the choices.
  let vulnerability: Decision['vulnerability'] = null;
  const k = problem.objectives.findIndex((objective) => objective.kind === 'outcome' && objective.threshold !== undefined);
  if (k >= 0 && inputs.names.length > 0) {
    const objective = problem.objectives[k] as DecisionProblem['objectives'][number] & { threshold: number };
    const pool = (choices.length > 0 ? choices : policies.map((p, i) => ({ p, i }))).slice();
    pool.sort((a, b) => (a.p.metrics[k] as RobustnessMetrics).meanRegret - (b.p.metrics[k] as RobustnessMetrics).meanRegret || a.i - b.i);
    const chosen = pool[0] as { p: DecidedPolicy; i: number };
    const column = (values.objectives[k] as Float64Array[])[chosen.i] as Float64Array;
    const s = sign[k] as number;
    const y = Uint8Array.from(column, (v) => (s * v > s * objective.threshold ? 1 : 0));
    const failures = y.reduce((a, b) => a + b, 0);
    if (failures > 0 && failures < y.length) {
      const result = prim({ names: inputs.names, x: Array.from({ length: finalRuns }, (_, r) => inputs.columns.map((c) => c[r] as number)), y }, { threshold: 0.5 });
      const box = result.selected === null ? null : primBoxStatistics(result.data, (result.trajectory[result.selected] as PrimStep).limits);
      vulnerability = { policy: chosen.p.name, objective: objective.label, failures, trajectory: result.trajectory, selected: result.selected, box };
    }
  }
  return {
    name: policy.name,
    question: policy.question,
    seed: problem.seed,
    levers: problem.levers.map((lever) => ({ name: lever.name, factor: lever.factor, from: lever.from, range: lever.bounds, costUnit: lever.cost.unit, costSource: lever.cost.source })),
    objectives: problem.objectives.map((objective) => ({
      label: objective.label,
      direction: objective.direction,
      statistic: objective.statistic,
      epsilon: objective.epsilon,
      ...(objective.threshold === undefined ? {} : { threshold: objective.threshold }),
      unit: objective.unit,
    })),
    quantile: q,
    search: { populationSize, generations, runs, evaluations: state.evaluations, archive: state.archive.length },
    finalRuns,
    policies,
    pairing,
    evppi: evppiResult,
    vulnerability,
  };
}
