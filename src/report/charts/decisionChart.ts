import type { Decision } from '../../experiment/decide/decide.js';
import { parallelCoordinatesChart } from './parallelCoordinatesChart.js';

/**
 * The parallel-coordinates chart of a {@link decide} result: one axis per lever (over its range),
 * the total cost and each model objective's mean over the futures, drawn so that up is better on
 * cost and objectives; Pareto policies blue, named policies (the status quo among them) dashed
 * vermillion, dominated ones grey. Returns a standalone SVG string.
 *
 * @example
 * decisionChart(decision); // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Policy trade-offs: levers-2020" …>'
 */
export function decisionChart(decision: Decision): string {
  const modelObjectives = decision.objectives.map((objective, k) => ({ objective, k })).filter(({ objective }) => objective.label !== 'cost' && !objective.label.startsWith('cost:'));
  const axes = [
    ...decision.levers.map((lever) => ({ label: lever.name, domain: lever.range })),
    { label: 'cost (M USD)', reversed: true },
    ...modelObjectives.map(({ objective }) => ({ label: `${objective.label} (mean)`, reversed: objective.direction === 'minimize' })),
  ];
  const lines = decision.policies.map((policy) => ({
    label: policy.name,
    values: [...policy.levers, policy.cost, ...modelObjectives.map(({ k }) => (policy.metrics[k] as { mean: number }).mean)],
    group: policy.named ? ('reference' as const) : policy.pareto ? ('highlight' as const) : ('muted' as const),
  }));
  return parallelCoordinatesChart(axes, lines, {
    title: `Policy trade-offs: ${decision.name}`,
    subtitle: `Means over the same ${decision.finalRuns} futures (inputs, parameters and model chance as the scenario draws them); objectives drawn so that up is better.`,
    groupLabels: { highlight: 'Pareto policies', reference: 'named policies (dashed)', muted: 'dominated' },
  });
}

