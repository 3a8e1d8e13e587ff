import { FACTORS_BY_ID, type FactorId } from '../src/model/factors.js';
import { SHIPPED_SCENARIOS } from '../src/scenario/shippedScenarios.js';

/** Factor values set with the sliders; a factor left out keeps its baseline (schedule included). */
export type SliderOverrides = Readonly<Partial<Record<FactorId, number>>>;

/**
 * The scenario the playground runs: the shipped `baseline-2020` (start 2020-05, 36 months) with
 * each moved slider's factor held constant at the slider's value for the whole horizon. A factor
 * whose baseline is a schedule (the US leaving Syria at month 6, …) loses that schedule when its
 * slider moves: the page says so beside the slider, rather than pretending to shift the schedule.
 *
 * @example
 * playgroundScenario({ usTroopsSyria: 2500 }).factors; // { usTroopsSyria: 2500 }
 * playgroundScenario({}).name; // 'baseline-2020' (nothing moved: the baseline itself)
 */
export function playgroundScenario(overrides: SliderOverrides): Record<string, unknown> {
  const baseline = SHIPPED_SCENARIOS['baseline-2020'] as Record<string, unknown> | undefined;
  if (baseline === undefined) throw new Error('the library no longer ships the baseline-2020 scenario');
  const ids = Object.keys(overrides).filter((id) => overrides[id as FactorId] !== undefined) as FactorId[];
  const { $schema: _schema, description: _description, ...rest } = baseline;
  if (ids.length === 0) return { ...baseline };
  const labels = ids.map((id) => `${FACTORS_BY_ID[id].label} = ${overrides[id]} ${FACTORS_BY_ID[id].unit}`);
  return {
    ...rest,
    name: 'playground',
    title: 'Playground: the baseline with the sliders moved',
    question: `What if, from May 2020 on, ${labels.join('; ')} (every other factor at its baseline)?`,
    factors: Object.fromEntries(ids.map((id) => [id, overrides[id]])),
  };
}

/**
 * A stable key of the slider overrides (ids sorted), to tell whether a result is still current.
 *
 * @example
 * overridesKey({ b: 1, a: 2 } as SliderOverrides); // '{"a":2,"b":1}'
 */
export function overridesKey(overrides: SliderOverrides): string {
  const ids = Object.keys(overrides).filter((id) => overrides[id as FactorId] !== undefined).sort();
  return JSON.stringify(Object.fromEntries(ids.map((id) => [id, overrides[id as FactorId]])));
}
