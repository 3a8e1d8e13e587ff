/**
 * Whether objective vector `a` Pareto-dominates `b` (every objective minimised): no worse in
 * any, better in at least one. Cost O(objectives).
 *
 * @example
 * dominates([1, 2], [1, 3]); // true
 * dominates([1, 2], [2, 1]); // false
 */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

/**
 * The fast non-dominated sort of NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and
 * elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2):182–197): the fronts, each a
 * list of indices in increasing order, the first front non-dominated. Deterministic.
 *
 * Cost: O(objectives · n²).
 *
 * @example
 * nondominatedSort([[1, 2], [2, 1], [2, 2], [3, 3]]); // [[0, 1], [2], [3]]
 */
export function nondominatedSort(points: readonly (readonly number[])[]): number[][] {
  const n = points.length;
  const dominatedBy: number[][] = points.map(() => []);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i] as number[], points[j] as number[])) {
        (dominatedBy[i] as number[]).push(j);
        count[j] = (count[j] as number) + 1;
      } else if (dominates(points[j] as number[], points[i] as number[])) {
        (dominatedBy[j] as number[]).push(i);
        count[i] = (count[i] as number) + 1;
      }
    }
  }
  const fronts: number[][] = [];
  let current = [...count.keys()].filter((i) => count[i] === 0);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const i of current) {
      for (const j of dominatedBy[i] as number[]) {
        count[j] = (count[j] as number) - 1;
        if (count[j] === 0) next.push(j);
      }
    }
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * NSGA-II's crowding distance of each point within one front (Deb et al. 2002, §III-B): the sum
 * over objectives of the normalised gap between its neighbours; boundary points get Infinity.
 * Ties are broken by index, so the result is deterministic.
 *
 * Cost: O(objectives · n log n).
 *
 * @example
 * crowdingDistance([[0, 2], [1, 1], [2, 0]]); // [Infinity, 2, Infinity]
 */
export function crowdingDistance(points: readonly (readonly number[])[]): number[] {
  const n = points.length;
  const distance = new Array<number>(n).fill(0);
  if (n === 0) return distance;
  const m = (points[0] as number[]).length;
  for (let k = 0; k < m; k++) {
    const order = [...points.keys()].sort((a, b) => (points[a] as number[])[k]! - (points[b] as number[])[k]! || a - b);
    const low = (points[order[0] as number] as number[])[k] as number;
    const high = (points[order[n - 1] as number] as number[])[k] as number;
    distance[order[0] as number] = Infinity;
    distance[order[n - 1] as number] = Infinity;
    if (high === low) continue;
    for (let r = 1; r < n - 1; r++) {
      const i = order[r] as number;
      const gap = ((points[order[r + 1] as number] as number[])[k]! - (points[order[r - 1] as number] as number[])[k]!) / (high - low);
      distance[i] = (distance[i] as number) + gap;
    }
  }
  return distance;
}
