/**
 * An invalid argument to an analysis function, as data: which argument (`path`, e.g.
 * `['valuesPerRun', 3, 7]`), what kind of problem (`code`), what was expected and what was
 * received. The message follows the library's one error grammar:
 * `invalid ${name}: ${received} (expected ${expected})`.
 *
 * It extends RangeError so that callers that only test `instanceof RangeError` keep working.
 *
 * @example
 * const error = new AnalysisInputError('range', ['peelAlpha'], '0 < α < 0.5', 0.7);
 * error.message; // 'invalid peelAlpha: 0.7 (expected 0 < α < 0.5)'
 * error.code;    // 'range'
 */
export class AnalysisInputError extends RangeError {
  override readonly name = 'AnalysisInputError';
  /** Where the bad value is: argument name, then indices or keys inside it. */
  readonly path: readonly (string | number)[];
  /** A short description of the valid values. */
  readonly expected: string;
  /** The value found, rendered as text. */
  readonly received: string;

  constructor(
    /** The kind of problem: 'range', 'type', 'length', 'too-large', 'not-finite', 'mismatch'. */
    readonly code: string,
    path: readonly (string | number)[],
    expected: string,
    received: unknown,
  ) {
    const text = renderValue(received);
    super(`invalid ${renderPath(path)}: ${text} (expected ${expected})`);
    this.path = path;
    this.expected = expected;
    this.received = text;
  }
}

function renderPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text === '' ? '(argument)' : text;
}

function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value) && 'length' in value) return `${value.constructor.name} of length ${String(value.length)}`;
  return typeof value;
}
