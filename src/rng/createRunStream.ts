import seedrandom from 'seedrandom';
import type { RandomSource } from './randomSource.js';

/**
 * The random stream of one run and one mechanism: a pure function of (seed, runIndex, mechanism).
 *
 * Why this shape: run i's numbers must not depend on how many runs were asked for, on how runs
 * are split across workers or batches, or (for common random numbers) on draws made by other
 * mechanisms. Keying the stream by all three gives each (run, mechanism) its own sequence.
 *
 * Generator: seedrandom's Alea (Baagøe 2010), chosen by measurement (`npm run bench`, "random
 * generators" table, a 5,000-agent × 36-month toy workload): it was the fastest of seedrandom's
 * generators here, 1.7–1.8× xor4096, xorshift7 and tychei and 7× the default ARC4 (the brief
 * measured ARC4 ~100, xor4096 ~550 and Alea ~850 runs/s/core). Creating one costs a few
 * microseconds, negligible against a run. Its arithmetic is plain IEEE-754 double operations, so
 * it gives the same bits on every machine, and its author reports it passes BigCrush; xor4096
 * has the stronger published record and is the fallback if a statistical defect ever shows.
 * Alea's string seeding (Mash) hashes the whole key, so neighbouring run indices give unrelated
 * streams.
 *
 * Cost: O(length of the key) to create; about 1–2 ns per draw.
 *
 * @example
 * const u = createRunStream(2020, 0, 'attacks');
 * u(); // 0.8617475579958409 (the same on every machine, every time)
 */
export function createRunStream(seed: number | string, runIndex: number, mechanism: string): RandomSource {
  if (!Number.isInteger(runIndex) || runIndex < 0) {
    throw new RangeError(`invalid runIndex: ${runIndex} (expected an integer ≥ 0)`);
  }
  return seedrandom.alea(`resurgence/${String(seed)}/${runIndex}/${mechanism}`);
}
