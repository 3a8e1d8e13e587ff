import type { AreaTable } from './areas.js';
import type { FactorId } from './factors.js';
import type { ParameterValues } from './parameters.js';

/**
 * Everything one run needs, resolved: each factor as a value per month, every parameter, the
 * areas. Produced once per ensemble from a validated scenario; the rules only read it.
 */
export interface ModelInputs {
  readonly months: number;
  readonly factors: Readonly<Record<FactorId, Float64Array>>;
  readonly parameters: ParameterValues;
  readonly areas: AreaTable;
  /**
   * Month 0 of every factor under the registry's baseline. Income is scaled against it, so that
   * `extortionIncome` keeps its documented meaning (income under the article's start
   * conditions) in every scenario, and a scenario that frees the roads earns more.
   */
  readonly baselineAtStart: Readonly<Record<FactorId, number>>;
}
