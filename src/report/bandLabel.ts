import type { UncertaintyDescription } from '../scenario/uncertainty.js';

/**
 * What an ensemble's bands include, in a few words for a chart subtitle or a table heading:
 * run-to-run randomness always, then the parameters and inputs that were drawn; a part left
 * fixed is named in capitals ("parameters FIXED", "inputs FIXED") so that no reader takes a
 * band of model noise for forecast uncertainty. Several scenarios with different settings are
 * listed by name. A summary written before the `uncertainty` block existed says that what its
 * bands include was not recorded.
 *
 * Cost: O(scenarios).
 *
 * @example
 * bandLabel([summary.uncertainty]);
 * // 'run-to-run randomness + parameters (posterior mid-2020) + 13 judged inputs drawn'
 * bandLabel([fixed.uncertainty]);
 * // 'run-to-run randomness only: parameters FIXED, inputs FIXED'
 */
export function bandLabel(descriptions: readonly (UncertaintyDescription | undefined)[], names: readonly string[] = []): string {
  const labels = descriptions.map(oneLabel);
  const distinct = [...new Set(labels)];
  if (distinct.length <= 1) return distinct[0] ?? oneLabel(undefined);
  return labels.map((label, i) => `${names[i] ?? `scenario ${i + 1}`}: ${label}`).join('; ');
}

function oneLabel(description: UncertaintyDescription | undefined): string {
  if (description === undefined) return 'run-to-run randomness; whether parameters and inputs were drawn was not recorded';
  const parts: string[] = [];
  if (description.parameters.drawn && description.parameters.source !== 'fixed') parts.push(`parameters (${description.parameters.source.replace(':', ' ')})`);
  if (description.parameters.scaled) parts.push(`${description.parameters.scaled.join(', ')}`);
  // Summaries written before `drawnInputs` existed lack it.
  const count = description.factors.drawnFactors.length + (description.factors.drawnInputs?.length ?? 0);
  if (description.factors.drawn) parts.push(`${count} ${description.factors.source === 'plausible' ? 'judged ' : ''}input${count === 1 ? '' : 's'} drawn`);
  const fixed = [...(description.parameters.drawn ? [] : ['parameters FIXED']), ...(description.factors.drawn ? [] : ['inputs FIXED'])];
  if (parts.length === 0) return `run-to-run randomness only: ${fixed.join(', ')}`;
  return `run-to-run randomness + ${parts.join(' + ')}${fixed.length > 0 ? `; ${fixed.join(', ')}` : ''}`;
}
