import type { FactorSetting } from '../model/factors.js';

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
