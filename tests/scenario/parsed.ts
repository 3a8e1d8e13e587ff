// Shared by scenario tests: parse a scenario that must be valid, or one that must not be.
import { formatIssues, type ScenarioIssue } from '../../src/scenario/issues.js';
import { parseScenario, type ValidScenario } from '../../src/scenario/parseScenario.js';

/** The validated scenario; throws with every issue, formatted, when it is not valid. */
export function valid(input: unknown): ValidScenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.value;
}

/** The issues of a scenario that must be invalid; throws when it parses. */
export function issuesOf(input: unknown): readonly ScenarioIssue[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}
