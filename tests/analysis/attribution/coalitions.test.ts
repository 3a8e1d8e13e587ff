import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisInputError, MAX_EXACT_PLAYERS, coalitionMembers, coalitionSize, coalitions } from '../../../src/analysis/attribution/index.js';
import { popcount } from './helpers.js';

describe('coalitions', () => {
  it('coalitions(k) lists the masks 0 … 2^k − 1 in order', () => {
    for (let k = 1; k <= MAX_EXACT_PLAYERS; k++) {
      const masks = coalitions(k);
      expect(masks.length).toBe(2 ** k);
      masks.forEach((mask, i) => expect(mask).toBe(i));
    }
  });

  it('coalitions rejects k beyond 10 and tells the caller to sample permutations', () => {
    expect(() => coalitions(11)).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid k: 11 (expected at most 10 players for exact Shapley values (2^k coalitions); use sampledPermutations and shapleyFromPermutationValues)]`,
    );
    expect(() => coalitions(0)).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid k: 0 (expected at least 1 player)]`);
    expect(() => coalitions(2.5)).toThrow(AnalysisInputError);
    try {
      coalitions(11);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ code: 'too-large', path: ['k'], received: '11' });
    }
  });
});

describe('coalitionMembers', () => {
  it('coalitionMembers names the set bits in player order', () => {
    expect(coalitionMembers(0, ['a', 'b', 'c'])).toEqual([]);
    expect(coalitionMembers(5, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(coalitionMembers(7, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('coalitionMembers rejects masks outside the player set', () => {
    expect(() => coalitionMembers(8, ['a', 'b', 'c'])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid mask: 8 (expected an integer in [0, 8))]`,
    );
    expect(() => coalitionMembers(-1, ['a'])).toThrow(AnalysisInputError);
  });
});

describe('coalitionSize', () => {
  it('coalitionSize counts set bits like a bit-by-bit loop', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (mask) => {
      expect(coalitionSize(mask)).toBe(popcount(mask));
    }));
    expect(coalitionSize(0)).toBe(0);
    expect(coalitionSize(0b1011)).toBe(3);
  });
});
