import { FACTORS_BY_ID, type FactorId } from '../../model/factors.js';
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.js';
import type { ValidScenario } from '../../scenario/parseScenario.js';
import { loadPolicy, type Lever, type PolicyFile } from '../../scenario/policyFile.js';
import { closestName } from '../../scenario/suggest.js';
import { parseOutcome, type Outcome } from '../outcome.js';
import { validScenario } from '../simulate.js';

/** An objective, resolved: a model outcome, the total cost, or one lever's cost. */
export type ResolvedObjective = {
  readonly label: string;
  readonly direction: 'minimize' | 'maximize';
  readonly statistic: 'mean' | 'quantile';
  readonly epsilon: number;
  readonly threshold?: number;
  /** The unit of the values shown. */
  readonly unit: string;
} & ({ readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'cost' } | { readonly kind: 'leverCost'; readonly lever: number });

/** A lever, resolved against the scenario. */
export interface ResolvedLever {
  readonly name: string;
  readonly factor: FactorId;
  readonly from: number;
  readonly bounds: readonly [number, number];
  readonly integer: boolean;
  readonly statusQuo: number;
  readonly cost: Lever['cost'];
  /** Months the lever is in force (the horizon minus `from`). */
  readonly months: number;
}

/** A policy file resolved against its scenario: what {@link decide} works on. */
export interface DecisionProblem {
  readonly policy: PolicyFile;
  readonly scenario: ValidScenario;
  readonly levers: readonly ResolvedLever[];
  readonly objectives: readonly ResolvedObjective[];
  /** Named policies as lever vectors (levers left out at their status quo), the status quo first. */
  readonly named: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly seed: number | string;
  readonly quantile: number;
}

/**
 * Resolves a policy file against its scenario (already loaded: the CLI reads a path or a shipped
 * name; the library takes a scenario object): each lever's month inside the horizon, its status
 * quo (default: the scenario's value at that month), each objective's outcome (`parseOutcome`,
 * or `cost`, or `cost:<lever>`), and the named policies, the status quo first. Throws a
 * {@link ScenarioError} listing every problem with its JSON path.
 *
 * Cost: O(levers · months + objectives).
 *
 * @example
 * const problem = resolveDecisionProblem(policyJson, SHIPPED_SCENARIOS['baseline-2020']);
 * problem.named[0]; // { name: 'status-quo', values: [0, 0.5, 3, 0.35] }
 */
export function resolveDecisionProblem(policyInput: unknown, scenario: unknown, source?: string): DecisionProblem {
  const policy = loadPolicy(policyInput, source);
  const valid = validScenario(scenario);
  const months = valid.scenario.months;
  const issues: ScenarioIssue[] = [];
  const levers: ResolvedLever[] = policy.levers.map((lever, i) => {
    const from = lever.from ?? 0;
    if (from >= months) issues.push({ code: 'out-of-range', path: ['levers', i, 'from'], message: `month ${from} is beyond the scenario's horizon (0–${months - 1})` });
    const factor = lever.factor as FactorId;
    const nominal = (valid.factors[factor][Math.min(from, months - 1)] as number) ?? lever.range[0];
    const statusQuo = lever.statusQuo ?? Math.min(lever.range[1], Math.max(lever.range[0], nominal));
    return {
      name: lever.name,
      factor,
      from,
      bounds: [lever.range[0], lever.range[1]] as const,
      integer: lever.integer ?? FACTORS_BY_ID[factor].integer,
      statusQuo,
      cost: lever.cost,
      months: Math.max(0, months - from),
    };
  });
  const objectives: ResolvedObjective[] = [];
  policy.objectives.forEach((objective, i) => {
    const base = {
      label: objective.outcome,
      direction: objective.direction ?? 'minimize',
      statistic: objective.statistic ?? 'mean',
      epsilon: objective.epsilon,
      ...(objective.threshold === undefined ? {} : { threshold: objective.threshold }),
    } as const;
    if (objective.outcome === 'cost') {
      objectives.push({ ...base, kind: 'cost', unit: 'million USD' });
      return;
    }
    const leverCost = /^cost:(.+)$/.exec(objective.outcome);
    if (leverCost) {
      const index = levers.findIndex((lever) => lever.name === leverCost[1]);
      if (index < 0) {
        const suggestion = closestName(leverCost[1] as string, levers.map((lever) => lever.name));
        issues.push({ code: 'unknown-lever', path: ['objectives', i, 'outcome'], message: `unknown lever "${leverCost[1]}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` });
        return;
      }
      objectives.push({ ...base, kind: 'leverCost', lever: index, unit: (levers[index] as ResolvedLever).cost.unit });
      return;
    }
    try {
      const outcome = parseOutcome(objective.outcome, months);
      objectives.push({ ...base, kind: 'outcome', outcome, unit: outcome.kind === 'event' ? 'probability' : outcome.label });
    } catch (error) {
      issues.push({ code: 'invalid-outcome', path: ['objectives', i, 'outcome'], message: (error as Error).message.replace(/^invalid outcome: /, '') });
    }
  });
  if (policy.evppi?.outcome !== undefined) {
    try {
      parseOutcome(policy.evppi.outcome, months);
    } catch (error) {
      issues.push({ code: 'invalid-outcome', path: ['evppi', 'outcome'], message: (error as Error).message.replace(/^invalid outcome: /, '') });
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues, source ?? 'policy file');
  const statusQuo = levers.map((lever) => lever.statusQuo);
  const named = [
    { name: 'status-quo', values: statusQuo },
    ...(policy.policies ?? []).map((p) => ({ name: p.name, values: levers.map((lever) => p.levers[lever.name] ?? lever.statusQuo) })),
  ];
  return { policy, scenario: valid, levers, objectives, named, seed: policy.seed ?? valid.scenario.seed ?? 1, quantile: policy.quantile ?? 0.9 };
}

/** The lever values as used in runs: whole-number levers rounded, every value clamped to its range. */
export function leverValues(problem: DecisionProblem, values: readonly number[]): number[] {
  return problem.levers.map((lever, i) => {
    const v = Math.min(lever.bounds[1], Math.max(lever.bounds[0], values[i] as number));
    return lever.integer ? Math.round(v) : v;
  });
}

/**
 * The scenario (as JSON data) of a policy: the base scenario with one intervention per lever,
 * do(factor := value) from the lever's month on, appended after the scenario's own
 * interventions. Interventions act on top of the scenario's draws, so every policy sees the same
 * futures (run i draws the same uncertain inputs under every policy).
 *
 * @example
 * scenarioOfPolicy(problem, [600, 0, 2, 0.2]).interventions.at(-1); // { factor: 'sdfTurkishFront', from: 0, set: 0.2, note: 'lever supportSdf' }
 */
export function scenarioOfPolicy(problem: DecisionProblem, values: readonly number[]): Record<string, unknown> {
  const base = problem.scenario.scenario as Record<string, unknown>;
  const used = leverValues(problem, values);
  const interventions = problem.levers.map((lever, i) => ({ factor: lever.factor, from: lever.from, set: used[i] as number, note: `lever ${lever.name}` }));
  return { ...base, interventions: [...((base.interventions as unknown[] | undefined) ?? []), ...interventions] };
}

/**
 * What each lever of a policy costs in its own unit: perUnitMonth · |value − reference| · months
 * in force. Cost O(levers).
 *
 * @example
 * leverCosts(problem, [600, 0.5, 3, 0.35]); // [600 · 30, 0, 0, 0] with troops from month 6 of 36
 */
export function leverCosts(problem: DecisionProblem, values: readonly number[]): number[] {
  const used = leverValues(problem, values);
  return problem.levers.map((lever, i) => lever.cost.perUnitMonth * Math.abs((used[i] as number) - lever.cost.reference) * lever.months);
}

/** The total cost of a policy in million USD (levers without a conversion count 0). */
export function totalCost(problem: DecisionProblem, values: readonly number[]): number {
  return leverCosts(problem, values).reduce((sum, cost, i) => sum + cost * ((problem.levers[i] as ResolvedLever).cost.millionUsdPerCostUnit ?? 0), 0);
}
