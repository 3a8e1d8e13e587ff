import type { MorrisEffects } from './morrisEffects.js';

/** One problem with a Morris screening, as data; `message` renders it for people. */
export interface MorrisWarning {
  /**
   * `sigma-exceeds-mu-star`: σ > μ* for an input (its effect changes with where the other
   * inputs are, or with where along its own range it moves: a non-monotone or late-threshold
   * effect that μ* understates); `unstable-ranking`: neighbours in the μ* ranking whose
   * intervals overlap, so their order is not yet known.
   */
  readonly code: 'sigma-exceeds-mu-star' | 'unstable-ranking';
  /** The input(s) concerned (one for sigma-exceeds-mu-star; each overlapping pair's for unstable-ranking). */
  readonly names: readonly string[];
  /** σ / μ* for sigma-exceeds-mu-star; the number of overlapping neighbour pairs for unstable-ranking. */
  readonly value: number;
  /** The number of trajectories r expected to separate every overlapping pair (Infinity when two μ* are equal). */
  readonly suggestedN: number;
  readonly message: string;
}

/**
 * Warnings for a Morris screening: (1) every input with σ > μ* — its elementary effects vary
 * more than their mean size, the mark of non-linear, non-monotone or interacting effects
 * (Morris 1991, §3; Campolongo et al. 2007, §2: such inputs need a variance-based method, e.g.
 * Sobol' ST, before they are ranked low); (2) one warning when neighbours in the μ* ranking have
 * overlapping intervals (μ*_a − μ*_b < conf_a + conf_b), with the number of trajectories r' that
 * would separate the worst pair: bootstrap half-widths shrink as 1/√r, so
 * r' = r · ((conf_a + conf_b) / (μ*_a − μ*_b))², rounded up to a whole number and at least 2r.
 *
 * Cost: O(D log D) for D inputs.
 * References: M. D. Morris (1991), Technometrics 33(2):161–174; F. Campolongo, J. Cariboni &
 * A. Saltelli (2007), Environ. Model. Softw. 22:1509–1518.
 *
 * @example
 * morrisWarnings({ names: ['a', 'b'], mu: [0, 5], muStar: [2, 5], sigma: [3, 0.1], muStarConf: [0.2, 0.2] }, 20);
 * // [{ code: 'sigma-exceeds-mu-star', names: ['a'], value: 1.5, message: 'a: σ 3 > μ* 2 …' }]
 */
export function morrisWarnings(effects: Omit<MorrisEffects, 'elementaryEffects'>, trajectories: number): MorrisWarning[] {
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new RangeError(`invalid trajectories: ${trajectories} (expected an integer ≥ 2)`);
  const warnings: MorrisWarning[] = [];
  effects.names.forEach((name, j) => {
    const muStar = effects.muStar[j] as number;
    const sigma = effects.sigma[j] as number;
    if (sigma > muStar && sigma > 0) {
      warnings.push({
        code: 'sigma-exceeds-mu-star',
        names: [name],
        value: muStar > 0 ? sigma / muStar : Infinity,
        suggestedN: trajectories,
        message: `${name}: σ ${format(sigma)} > μ* ${format(muStar)}: its effect depends on where the other factors are or changes along its range (non-monotone, a threshold, or interactions), so μ* may rank it too low; check it with Sobol' (ST) before dismissing it`,
      });
    }
  });
  const order = effects.names.map((_, j) => j).sort((a, b) => (effects.muStar[b] as number) - (effects.muStar[a] as number));
  const pairs: string[][] = [];
  let needed = 0;
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k] as number;
    const b = order[k + 1] as number;
    const gap = (effects.muStar[a] as number) - (effects.muStar[b] as number);
    const overlap = (effects.muStarConf[a] as number) + (effects.muStarConf[b] as number);
    if (gap < overlap) {
      pairs.push([effects.names[a] as string, effects.names[b] as string]);
      needed = Math.max(needed, gap > 0 ? Math.ceil(trajectories * (overlap / gap) ** 2) : Infinity);
    }
  }
  if (pairs.length > 0) {
    const suggestedN = Math.max(2 * trajectories, needed);
    warnings.push({
      code: 'unstable-ranking',
      names: pairs.flat(),
      value: pairs.length,
      suggestedN,
      message: `${pairs.length} neighbour pair${pairs.length === 1 ? '' : 's'} in the μ* ranking overlap (${pairs
        .slice(0, 4)
        .map((p) => p.join(' ~ '))
        .join(', ')}${pairs.length > 4 ? ', …' : ''}): ${Number.isFinite(suggestedN) ? `about ${suggestedN} trajectories (now ${trajectories}) would separate them` : 'two are equal, so no number of trajectories separates them'} (intervals shrink as 1/√r)`,
    });
  }
  return warnings;
}

function format(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
