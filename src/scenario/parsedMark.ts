/**
 * The mark that a scenario object came out of `parseScenario`. A shape check (having `scenario`,
 * `factors`, `parameters` keys) never stands in for validation: an object built or copied by hand
 * — or received from a queue — is not marked, so the engine parses its `scenario` again (issue 17).
 * The mark lives in a module-private WeakSet: it cannot be forged from JSON, survives no copy,
 * and holds no object alive.
 */
const PARSED = new WeakSet<object>();

/** Marks a scenario that passed every check of `parseScenario` (called by the parser only). */
export function markParsed(value: object): void {
  PARSED.add(value);
}

/**
 * True when `value` is the very object `parseScenario` returned (not a copy or a look-alike).
 *
 * Cost: O(1).
 *
 * @example
 * const r = parseScenario(json);
 * r.ok && isParsedScenario(r.value); // true
 * isParsedScenario({ ...r.value });  // false: a copy must be parsed again
 */
export function isParsedScenario(value: unknown): boolean {
  return typeof value === 'object' && value !== null && PARSED.has(value);
}
