import type { PrimBoxStatistics } from '../analysis/discovery/primBoxStatistics.js';
import type { PrimStep } from '../analysis/discovery/primTypes.js';

/**
 * A plain-text report of PRIM: the coverage/density trade-off along the peeling trajectory, and
 * the chosen box with its limits and quasi-p-values.
 */
export function formatDiscovery(event: string, trajectory: readonly PrimStep[], chosen: number | null, box: PrimBoxStatistics | null): string {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [`Scenario discovery (PRIM) for ${event}: ${trajectory[0]?.positives ?? 0} of ${trajectory[0]?.count ?? 0} runs (${percent(trajectory[0]?.density ?? 0)})`, ''];
  lines.push('step  coverage  density   mass  restricted');
  const every = Math.max(1, Math.ceil(trajectory.length / 15));
  trajectory.forEach((step, i) => {
    if (i % every !== 0 && i !== trajectory.length - 1 && i !== chosen) return;
    lines.push(
      `${String(step.index).padStart(4)}  ${percent(step.coverage).padStart(8)}  ${percent(step.density).padStart(7)}  ${percent(step.mass).padStart(6)}  ${step.restricted.join(', ')}${i === chosen ? '   ← chosen' : ''}`,
    );
  });
  if (!box) {
    lines.push('', 'No box reaches the density threshold: the event is not concentrated in a box of the factor space.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', `Chosen box: coverage ${percent(box.coverage)}, density ${percent(box.density)}, mass ${percent(box.mass)} (${box.positives} of ${box.count} runs)`);
  for (const dimension of box.restricted) {
    const limit = dimension.limit.kind === 'interval' ? `${fmt(dimension.limit.lower)} – ${fmt(dimension.limit.upper)}` : `{${dimension.limit.values.join(', ')}}`;
    const initial = dimension.initial.kind === 'interval' ? `${fmt(dimension.initial.lower)} – ${fmt(dimension.initial.upper)}` : `{${dimension.initial.values.join(', ')}}`;
    const weak = dimension.qp > 0.05 ? '  (weak: removing it barely lowers the density)' : '';
    lines.push(`  ${dimension.name.padEnd(26)} ${limit.padEnd(24)} (range ${initial}; quasi-p ${dimension.qp.toExponential(1)})${weak}`);
  }
  lines.push('', 'quasi-p: the chance of a density this high without that restriction (EMA Workbench); restrictions with quasi-p > 0.05 are weak.');
  return `${lines.join('\n')}\n`;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3);
}
