/**
 * A problem found in a scenario, as data: where (`path`, JSON path segments), what kind
 * (`code`), a sentence for people (`message`), and when useful what was expected and found.
 * Rendering is separate (see `formatIssues`).
 */
export interface ScenarioIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Thrown by the throwing helpers (`loadScenario`, `simulate` on bad input); carries the issues. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly issues: readonly ScenarioIssue[],
    readonly source?: string,
  ) {
    super(formatIssues(issues, source));
  }
}

/** Renders a JSON path like `factors.covidDiversion.schedule[1].value`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(top level)' : text;
}

/**
 * Renders issues for people, one line each:
 * `✖ expected a number, received "high" → at factors.covidDiversion`.
 *
 * @example
 * formatIssues([{ code: 'range', path: ['months'], message: 'expected 1 to 240, received 0' }], 'a.json');
 * // 'a.json: 1 problem\n  ✖ expected 1 to 240, received 0 → at months'
 */
export function formatIssues(issues: readonly ScenarioIssue[], source?: string): string {
  const head = `${source ?? 'scenario'}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return [head, ...issues.map((issue) => `  ✖ ${issue.message} → at ${formatPath(issue.path)}`)].join('\n');
}
