import type { FactorDefinition, FactorSetting } from '../model/factors.js';

/**
 * A factor's baseline setting in a few words.
 *
 * @example
 * describeSetting({ schedule: [{ from: 0, value: 600 }, { from: 6, value: 0 }] }); // '600 → 0 at month 6'
 */
export function describeSetting(setting: FactorSetting): string {
  if (typeof setting === 'number') return String(setting);
  if ('value' in setting) return String(setting.value);
  if ('expression' in setting) return setting.expression;
  return setting.schedule.map((step, i) => (i === 0 ? String(step.value) : `${step.value} at month ${step.from}`)).join(' → ');
}

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
  return `${lines.join('\n')}\n\nSources and the article's sentences: resurgence factors --json, or README's factor table.`;
}
