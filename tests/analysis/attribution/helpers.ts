// Independent code paths for the attribution tests: Möbius transform and brute force over
// permutations, written from the definitions, not from the code under test.

/** Möbius transform m(B) = Σ_{C ⊆ B} (−1)^{|B|−|C|} v(C) (Rota 1964), by direct subset enumeration. */
export function mobius(values: ArrayLike<number>, k: number): Float64Array {
  const count = 1 << k;
  const m = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let sum = 0;
    for (let c = b; ; c = (c - 1) & b) {
      sum += (popcount(b) - popcount(c)) % 2 === 0 ? (values[c] as number) : -(values[c] as number);
      if (c === 0) break;
    }
    m[b] = sum;
  }
  return m;
}

/** The game with Möbius coefficients m: v(S) = Σ_{B ⊆ S} m(B). */
export function gameFromMobius(m: ArrayLike<number>, k: number): Float64Array {
  const count = 1 << k;
  const v = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    let sum = 0;
    for (let b = s; ; b = (b - 1) & s) {
      sum += m[b] as number;
      if (b === 0) break;
    }
    v[s] = sum;
  }
  return v;
}

export function popcount(mask: number): number {
  let n = 0;
  for (let x = mask; x !== 0; x &= x - 1) n++;
  return n;
}

/** φ_i = Σ_{B ∋ i} m(B)/|B| (Harsanyi dividends shared equally). */
export function shapleyFromMobius(m: ArrayLike<number>, k: number): number[] {
  const phi = new Array<number>(k).fill(0);
  for (let b = 1; b < 1 << k; b++) {
    for (let i = 0; i < k; i++) if (b & (1 << i)) phi[i] = (phi[i] as number) + (m[b] as number) / popcount(b);
  }
  return phi;
}

/** Average marginal contribution over all k! orders (k ≤ 7). */
export function shapleyByAllPermutations(values: ArrayLike<number>, k: number): number[] {
  const phi = new Array<number>(k).fill(0);
  let orders = 0;
  const visit = (prefix: number[], used: number): void => {
    if (prefix.length === k) {
      let mask = 0;
      for (const player of prefix) {
        phi[player] = (phi[player] as number) + (values[mask | (1 << player)] as number) - (values[mask] as number);
        mask |= 1 << player;
      }
      orders++;
      return;
    }
    for (let i = 0; i < k; i++) if (!(used & (1 << i))) visit([...prefix, i], used | (1 << i));
  };
  visit([], 0);
  return phi.map((x) => x / orders);
}

export const names = (k: number): string[] => Array.from({ length: k }, (_, i) => `f${i}`);
