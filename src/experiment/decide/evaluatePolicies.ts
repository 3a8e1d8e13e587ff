import { inProcessExecutor, type RunExecutor, type RunTask } from '../executor.js';
import { outcomeValue, type Outcome } from '../outcome.js';
import { leverCosts, scenarioOfPolicy, totalCost, type DecisionProblem, type ResolvedObjective } from './decisionProblem.js';

/** Options of {@link evaluatePolicies}. */
export interface EvaluatePoliciesOptions {
  /** Futures per policy: run indices 0 … runs − 1 of the problem's seed. */
  readonly runs: number;
  /** Outcomes measured beside the objectives (e.g. the EVPPI outcome). Default none. */
  readonly extraOutcomes?: readonly Outcome[];
  /** Default: this thread. */
  readonly executor?: RunExecutor;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Per objective, then per policy, the value in each future (costs repeat: they do not depend on the future). */
export interface PolicyValues {
  readonly objectives: readonly (readonly Float64Array[])[];
  /** Per extra outcome, then per policy. */
  readonly extra: readonly (readonly Float64Array[])[];
}

/**
 * Runs every policy over the same futures — run indices 0 … runs − 1 with the problem's seed, so
 * that run i of every policy draws the same uncertain inputs and the same model streams (common
 * random numbers) and differences between policies are paired — and records each objective's
 * value per run. The executor hands runs back in task order, so the result is the same for any
 * number of workers.
 *
 * Cost: policies · runs model runs.
 *
 * @example
 * const values = await evaluatePolicies(problem, [problem.named[0].values], { runs: 50 });
 * values.objectives[0][0].length; // 50
 */
export async function evaluatePolicies(problem: DecisionProblem, policies: readonly (readonly number[])[], options: EvaluatePoliciesOptions): Promise<PolicyValues> {
  const { runs } = options;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`invalid runs: ${runs} (expected an integer ≥ 2)`);
  const extraOutcomes = options.extraOutcomes ?? [];
  const objectives = problem.objectives.map(() => policies.map(() => new Float64Array(runs)));
  const extra = extraOutcomes.map(() => policies.map(() => new Float64Array(runs)));
  const modelObjectives = problem.objectives.flatMap((objective, k) => (objective.kind === 'outcome' ? [{ k, outcome: objective.outcome }] : []));
  policies.forEach((values, p) => {
    const costs = leverCosts(problem, values);
    problem.objectives.forEach((objective: ResolvedObjective, k) => {
      if (objective.kind === 'cost') (objectives[k] as Float64Array[])[p]?.fill(totalCost(problem, values));
      if (objective.kind === 'leverCost') (objectives[k] as Float64Array[])[p]?.fill(costs[objective.lever] as number);
    });
  });
  if (modelObjectives.length === 0 && extraOutcomes.length === 0) return { objectives, extra };
  const tasks: RunTask[] = policies.map((values) => ({ scenario: scenarioOfPolicy(problem, values), seed: problem.seed, firstRun: 0, count: runs }));
  await (options.executor ?? inProcessExecutor)(
    tasks,
    (p, result) => {
      for (const { k, outcome } of modelObjectives) ((objectives[k] as Float64Array[])[p] as Float64Array)[result.run] = outcomeValue(outcome, result);
      extraOutcomes.forEach((outcome, e) => (((extra[e] as Float64Array[])[p] as Float64Array)[result.run] = outcomeValue(outcome, result)));
    },
    options.onProgress,
  );
  return { objectives, extra };
}
