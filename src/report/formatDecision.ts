import type { Decision } from '../experiment/decide/decide.js';
import { formatDiscovery } from './formatDiscovery.js';

function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.01 || magnitude === 0 ? 3 : 5;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: magnitude >= 1000 ? 0 : Math.min(digits, 2) });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ');
  return [line(header), ...rows.map(line)];
}

/**
 * A plain-text report of {@link decide}: the levers and cost of every policy of the final set
 * (Pareto policies marked *), per objective its robustness (mean, high quantile, mean and
 * maximum regret, satisficing share), what pairing saved, the EVPPI of each uncertain input with
 * its CI, and where the chosen policy fails (PRIM). Says what the futures include.
 *
 * @example
 * formatDecision(decision).split('\n')[0]; // 'Robust decision: levers-2020'
 */
export function formatDecision(decision: Decision): string {
  const q = Math.round(decision.quantile * 100);
  const lines = [
    `Robust decision: ${decision.name}`,
    decision.question,
    '',
    `Futures: run indices 0–${decision.finalRuns - 1} of seed ${decision.seed}, the same for every policy (common random numbers). Each future is one draw of`,
    "everything the scenario leaves uncertain (its distributions, its parameter posterior) plus the model's own chance.",
    `Search: NSGA-II with an ε-dominance archive, population ${decision.search.populationSize}, ${decision.search.generations} generations, ${decision.search.runs} futures per candidate (${decision.search.evaluations} candidates; archive ${decision.search.archive}).`,
    '',
    'Policies (* = Pareto-optimal in the final evaluation; the status quo and named policies always shown)',
  ];
  lines.push(
    ...table(
      ['policy', ...decision.levers.map((lever) => lever.name), 'cost (M USD)'],
      decision.policies.map((policy) => [`${policy.pareto ? '*' : ' '} ${policy.name}`, ...policy.levers.map(fmt), fmt(policy.cost)]),
    ),
  );
  decision.objectives.forEach((objective, k) => {
    if (objective.label === 'cost' || objective.label.startsWith('cost:')) return;
    lines.push('', `${objective.label} (${objective.direction}; ${objective.unit})`);
    lines.push(
      ...table(
        ['policy', 'mean', `q${q} (worst side)`, 'mean regret', 'max regret', objective.threshold === undefined ? 'satisficing' : `share ${objective.direction === 'maximize' ? '≥' : '≤'} ${fmt(objective.threshold)}`],
        decision.policies.map((policy) => {
          const m = policy.metrics[k] as Decision['policies'][number]['metrics'][number];
          return [`${policy.pareto ? '*' : ' '} ${policy.name}`, fmt(m.mean), fmt(m.quantile), fmt(m.meanRegret), fmt(m.maxRegret), Number.isNaN(m.satisficing) ? '–' : `${(100 * m.satisficing).toFixed(0)}%`];
        }),
      ),
    );
  });
  lines.push('', 'Regret: how much worse a policy does than the best policy of this set in the same future, averaged or at its worst (minimax regret).');
  if (decision.pairing.length > 0) {
    lines.push(
      '',
      `Pairing: every policy ran the same futures, so differences between policies are paired. Variance of a difference against the status quo,`,
      `independent arms over paired (median over the other policies): ${decision.pairing.map((p) => `${p.objective} ×${fmt(p.medianRatio)}`).join(', ')}.`,
    );
  }
  if (decision.evppi) {
    const e = decision.evppi;
    lines.push(
      '',
      `Value of information for the choice among ${e.choices.join(', ')} on ${e.outcome}:`,
      `without more information the best expected choice is ${e.bestWithoutInformation}. EVPPI = how much ${e.outcome} would improve in expectation`,
      `if the input were known before choosing (Strong & Oakley 2014 regression on the paired runs; 95% bootstrap CI); ${e.note}.`,
    );
    lines.push(...table(['input', 'EVPPI', '95% CI'], e.rows.map((row) => [row.input, fmt(row.value), `${fmt(row.low)} – ${fmt(row.high)}`])));
    lines.push(`Perfect knowledge of everything, the model's own chance included (upper bound): ${fmt(e.evpiUpperBound)}.`);
    if (e.rows.some((row) => row.value > e.evpiUpperBound)) {
      lines.push('Estimates above that bound show the regression\'s upward bias at this number of runs: read them as "at most small", not as values.');
    }
  } else {
    lines.push('', 'Value of information: not computed (fewer than two Pareto choices, or the scenario leaves no input uncertain).');
  }
  if (decision.vulnerability) {
    const v = decision.vulnerability;
    lines.push('', `Vulnerability of ${v.policy} (least mean regret on ${v.objective}): it misses the threshold in ${v.failures} of ${decision.finalRuns} futures.`);
    lines.push(formatDiscovery(`${v.objective} missed under ${v.policy}`, v.trajectory, v.selected, v.box).trimEnd());
  }
  lines.push(
    '',
    'Limits: a model of aggregates with judged costs; the futures are only those the scenario draws (a future it cannot represent is not',
    'covered), and regret is relative to this set of policies. Use the ranking and the trade-offs, not the exact numbers.',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The final set as CSV, one row per policy: name, pareto (0/1), named (0/1), every lever, total
 * cost, then per objective `<label>:mean`, `:quantile`, `:meanRegret`, `:maxRegret`, `:satisficing`.
 *
 * @example
 * decisionToCsv(decision).split('\n')[0]; // 'policy,pareto,named,usTroopsSyria,…,cost,territorialComeback@24:mean,…'
 */
export function decisionToCsv(decision: Decision): string {
  const metricNames = ['mean', 'quantile', 'meanRegret', 'maxRegret', 'satisficing'] as const;
  const header = ['policy', 'pareto', 'named', ...decision.levers.map((lever) => lever.name), 'cost', ...decision.objectives.flatMap((objective) => metricNames.map((m) => `${objective.label}:${m}`))];
  const rows = decision.policies.map((policy) => [
    policy.name,
    policy.pareto ? 1 : 0,
    policy.named ? 1 : 0,
    ...policy.levers,
    policy.cost,
    ...policy.metrics.flatMap((m) => metricNames.map((name) => (Number.isNaN(m[name]) ? '' : m[name]))),
  ]);
  return `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

/** The EVPPI rows as CSV: input, evppi, low, high, se, runs. */
export function evppiToCsv(decision: Decision): string {
  const rows = (decision.evppi?.rows ?? []).map((row) => [JSON.stringify(row.input), row.value, row.low, row.high, row.se, row.n].join(','));
  return `${['input,evppi,low,high,se,runs', ...rows].join('\n')}\n`;
}
