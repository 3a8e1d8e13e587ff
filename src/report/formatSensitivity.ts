import type { SensitivityResult } from '../experiment/sensitivity.js';

/**
 * A plain-text report of a {@link SensitivityResult}: factors ranked by total-order index (or
 * μ* for Morris) with 95% CIs and bars, then the warnings with the N that would fix them.
 */
export function formatSensitivity(result: SensitivityResult): string {
  const sobol = result.method === 'sobol';
  const width = Math.max(...result.ranking.map((r) => r.factor.length), 6);
  const top = Math.max(...result.ranking.map((r) => Math.abs(r.value)), 1e-300);
  const digits = (x: number) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
  const lines = [
    `Sensitivity of ${result.outcome} (${sobol ? `Sobol' indices, N = ${result.n}` : `Morris, ${result.n} trajectories, 4 levels`}; ${result.rows} design rows × ${result.replicates} runs, seed ${JSON.stringify(result.seed)})`,
    '',
    sobol ? `${'factor'.padEnd(width)}  total ST ± 95%      first S1` : `${'factor'.padEnd(width)}  μ* ± 95%            σ`,
  ];
  for (const r of result.ranking) {
    const bar = '█'.repeat(Math.max(0, Math.round((24 * r.value) / top)));
    lines.push(`${r.factor.padEnd(width)}  ${`${digits(r.value)} ± ${digits(r.conf)}`.padEnd(18)}  ${digits(r.secondary).padStart(8)}  ${bar}`);
  }
  const S2 = result.sobol?.S2;
  if (S2) {
    const pairs = result.problem.names.flatMap((a, i) => result.problem.names.slice(i + 1).map((b, k) => ({ a, b, value: S2[i]?.[i + 1 + k] ?? Number.NaN })));
    const top = pairs.filter((p) => Number.isFinite(p.value)).sort((x, y) => y.value - x.value).slice(0, 5);
    lines.push('', 'largest second-order indices S2:', ...top.map((p) => `  ${p.a} × ${p.b}: ${digits(p.value)}`));
  }
  if (sobol) {
    lines.push('', 'ST: share of the outcome\'s variance that involves the factor (alone or with others); S1: the factor alone.');
  } else {
    lines.push('', 'μ*: mean absolute elementary effect (importance); σ: its spread (non-linearity or interactions).');
  }
  if (result.warnings.length > 0) {
    lines.push('', `${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}:`);
    for (const warning of result.warnings.slice(0, 8)) lines.push(`  ! ${warning.message}`);
    if (result.warnings.length > 8) lines.push(`  … and ${result.warnings.length - 8} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}
