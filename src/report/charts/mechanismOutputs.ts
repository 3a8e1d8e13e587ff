import type { MechanismId } from '../../model/mechanisms.js';
import type { ObservableId } from '../../model/observables.js';

/**
 * Which observables each mechanism changes directly, for the factor graph (factors → mechanisms
 * → observables). The model's metadata links factors to mechanisms (`FACTORS[].mechanisms`) but
 * has no link from mechanisms to outputs, so it is defined here, next to the chart that needs it,
 * read from how `resurgenceModel.step` (src/model/resurgenceModel.ts) fills each month's row from
 * the rules' results:
 * - securityPressure: the loss hazard (`stepLosses`), the coverage thresholds of `assessTerritory`,
 *   the contest over each area (`stepContest`: the defenders' collapses) and where cells hide
 *   from it (`hidingAreas`);
 * - airStrikes: the strike part of the loss hazard (`stepLosses`);
 * - recruitment: `stepRecruitment`'s recruits, hence fighters;
 * - finance: income and reserves (`stepFinance`), and desertion of the unpaid (counted in losses);
 * - attacks: `stepAttacks` (by country) and the claims drawn from them;
 * - movement: where cells are, hence which areas count as operating or held, and in which country the fighters are;
 * - breakouts: `stepBreakouts` and `stepCampEscapes` (prisoners freed, camp escapes, and the
 *   escapees who rejoin, counted in recruits);
 * - coordination: multiplies the attack and recruitment rates and the centre's transfers.
 * Indirect effects (everything eventually moves fighters) are left out on purpose: the graph
 * shows where each mechanism acts first. Every mechanism and every observable appears at least
 * once (tested in tests/report/charts/mechanismOutputs.test.ts).
 *
 * @example
 * MECHANISM_OUTPUTS.attacks; // ['attacksIraq', 'attacksSyria', 'attacks', 'claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria']
 */
export const MECHANISM_OUTPUTS: Readonly<Record<MechanismId, readonly ObservableId[]>> = {
  securityPressure: ['losses', 'fighters', 'areasOperating', 'areasHeld', 'areasCollapsed', 'areasHiding'],
  airStrikes: ['losses', 'fighters'],
  recruitment: ['recruits', 'fighters'],
  finance: ['income', 'reserves', 'losses'],
  attacks: ['attacksIraq', 'attacksSyria', 'attacks', 'claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria'],
  movement: ['areasOperating', 'areasHeld', 'income', 'fightersIraq', 'fightersSyria'],
  breakouts: ['prisonersFreed', 'campEscapes', 'recruits'],
  coordination: ['attacks', 'recruits', 'reserves'],
};
