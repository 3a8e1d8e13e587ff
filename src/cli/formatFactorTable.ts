import type { FactorDefinition } from '../model/factors.js';
import { describeSetting } from '../report/describeSetting.js';

/** The factor registry as a text table: id, unit, baseline, plausible range, mechanisms. */
export function formatFactorTable(factors: readonly FactorDefinition[]): string {
  const rows = [
    ['factor', 'unit', 'baseline (month 0 = 2020-05)', 'range', 'drives'],
    ...factors.map((factor) => [
      factor.id,
      factor.unit,
      describeSetting(factor.baseline),
      `${factor.range[0]}–${factor.range[1]}`,
      factor.mechanisms.join(', '),
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((row) => (row[c] as string).length)));
  const lines = rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return `${lines.join('\n')}\n\nSources and the article's sentences: resurgence factors --json, or docs/reference/factors.md.`;
}
