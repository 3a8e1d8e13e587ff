import { dominates } from './nondominatedSort.js';

/** One member of an ε-archive: a decision vector, its objectives (minimised), any payload. */
export interface ArchiveMember<T = unknown> {
  readonly variables: readonly number[];
  readonly objectives: readonly number[];
  readonly payload?: T;
}

/** The ε-box of an objective vector: floor(f_k / ε_k) per objective. */
export function epsilonBox(objectives: readonly number[], epsilons: readonly number[]): number[] {
  return objectives.map((f, k) => Math.floor(f / (epsilons[k] as number)));
}

function squaredDistanceToBoxCorner(objectives: readonly number[], box: readonly number[], epsilons: readonly number[]): number {
  let sum = 0;
  objectives.forEach((f, k) => (sum += (f - (box[k] as number) * (epsilons[k] as number)) ** 2));
  return sum;
}

/**
 * Offers a candidate to an ε-dominance archive and returns the new archive (the input is not
 * modified): the archive keeps at most one member per ε-box, and no member whose box is
 * dominated by another's (Laumanns, Thiele, Deb & Zitzler 2002, "Combining convergence and
 * diversity in evolutionary multiobjective optimization", Evolutionary Computation 10(3):263–282,
 * the archive of ε-NSGA-II, Kollat & Reed 2006). In a shared box the member nearer the box's
 * corner wins (ties: the one already there). Objectives are minimised.
 *
 * Cost: O(archive · objectives).
 *
 * @example
 * let archive = addToEpsilonArchive([], { variables: [0], objectives: [0.31, 0.9] }, [0.1, 0.1]);
 * archive = addToEpsilonArchive(archive, { variables: [1], objectives: [0.35, 0.5] }, [0.1, 0.1]);
 * archive.length; // 1 (same first box, the second dominates in box terms)
 */
export function addToEpsilonArchive<T>(archive: readonly ArchiveMember<T>[], candidate: ArchiveMember<T>, epsilons: readonly number[]): ArchiveMember<T>[] {
  const box = epsilonBox(candidate.objectives, epsilons);
  const kept: ArchiveMember<T>[] = [];
  for (const member of archive) {
    const memberBox = epsilonBox(member.objectives, epsilons);
    if (dominates(memberBox, box)) return [...archive];
    const same = memberBox.every((b, k) => b === box[k]);
    if (same) {
      if (dominates(member.objectives, candidate.objectives)) return [...archive];
      if (!dominates(candidate.objectives, member.objectives) && squaredDistanceToBoxCorner(member.objectives, box, epsilons) <= squaredDistanceToBoxCorner(candidate.objectives, box, epsilons)) {
        return [...archive];
      }
      continue; // the candidate replaces it
    }
    if (dominates(box, memberBox)) continue;
    kept.push(member);
  }
  kept.push(candidate);
  return kept;
}
