import type { Attribution } from '../experiment/attribute.js';

function formatValue(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/^-(0(\.0+)?)$/, '$1');
}

/**
 * A plain-text report of an {@link Attribution}: per outcome, the baseline and scenario values,
 * then each factor's Shapley value with its 95% CI and a bar, largest first, the check that they
 * add up to the total, and the large interactions.
 */
export function formatAttribution(attribution: Attribution): string {
  const lines: string[] = [];
  for (const outcome of attribution.outcomes) {
    const scale = Math.max(...outcome.factors.map((f) => Math.abs(f.value)), 1e-300);
    const sum = outcome.factors.reduce((total, f) => total + f.value, 0);
    lines.push(
      `${outcome.outcome}: baseline ${formatValue(outcome.baseline)} → scenario ${formatValue(outcome.scenario)}; change ${formatValue(outcome.total.value)} [${formatValue(outcome.total.lower)}, ${formatValue(outcome.total.upper)}]`,
    );
    const width = Math.max(...outcome.factors.map((f) => f.player.length));
    for (const factor of outcome.factors) {
      const bar = '█'.repeat(Math.round((20 * Math.abs(factor.value)) / scale));
      lines.push(
        `  ${factor.player.padEnd(width)}  ${formatValue(factor.value).padStart(10)}  [${formatValue(factor.lower)}, ${formatValue(factor.upper)}]`.padEnd(width + 44) +
          `${factor.value < 0 ? '−' : '+'}${bar}`,
      );
    }
    lines.push(`  ${'sum'.padEnd(width)}  ${formatValue(sum).padStart(10)}  (= the change: Shapley values add up exactly)`);
    for (const interaction of outcome.interactions) {
      lines.push(`  interaction ${interaction.first} × ${interaction.second}: ${formatValue(interaction.interaction)} (${(100 * interaction.shareOfTotal).toFixed(0)}% of the change)`);
    }
    lines.push('');
  }
  lines.push(
    `${attribution.method === 'exact' ? `Exact Shapley values over all ${attribution.coalitions} coalitions` : `Shapley values from ${attribution.coalitions} coalitions of sampled permutations`} of ${attribution.players.length} changed inputs; ${attribution.runs} paired runs per coalition, seed ${JSON.stringify(attribution.seed)}.`,
  );
  return `${lines.join('\n')}\n`;
}
