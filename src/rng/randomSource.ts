/**
 * A source of uniform random numbers in [0, 1). Every draw in resurgence goes through one of
 * these, created by {@link createRunStream}; nothing calls `Math.random`.
 */
export type RandomSource = () => number;
