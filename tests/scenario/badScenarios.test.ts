// Every file in tests/fixtures/bad-scenarios/ holds one mistake a user would plausibly make.
// The loader must reject each one with issues that say where (JSON path), what was expected and
// what was found; the rendered text is pinned by a snapshot so wording changes are reviewed.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../src/scenario/parseScenario.js';
import { formatIssues, formatPath, type ScenarioIssue } from '../../src/scenario/issues.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/bad-scenarios/', import.meta.url));
const FILES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .sort();

function issuesOf(name: string): ScenarioIssue[] {
  const result = parseScenarioJson(readFileSync(`${FIXTURES}${name}`, 'utf8'));
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.issues;
}

/** The single issue of a fixture that should produce exactly one. */
function onlyIssue(name: string): ScenarioIssue {
  const issues = issuesOf(name);
  expect(issues, formatIssues(issues, name)).toHaveLength(1);
  return issues[0] as ScenarioIssue;
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.every((segment, i) => path[i] === segment);

describe('parseScenarioJson on bad scenario files', () => {
  it('parseScenarioJson has at least 24 bad fixtures to check', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(24);
  });

  for (const name of FILES) {
    it(`parseScenarioJson rejects ${name} with a located, explained issue`, () => {
      const result = parseScenarioJson(readFileSync(`${FIXTURES}${name}`, 'utf8'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(issue.code).toMatch(/\S/);
        expect(issue.message).toMatch(/\S/);
        expect(Array.isArray(issue.path)).toBe(true);
        // Where: a path, or an issue about the whole file (invalid JSON, not an object).
        expect(issue.path.length > 0 || issue.code === 'invalid-json' || issue.code === 'invalid-type').toBe(true);
        expect(formatPath(issue.path)).toMatch(/\S/);
      }
      expect(formatIssues(result.issues, name)).toMatchSnapshot();
    });
  }
});

describe('parseScenarioJson specific expectations on bad files', () => {
  it('parseScenarioJson suggests "covidDiversion" for the typo "covidDiversio"', () => {
    const issue = onlyIssue('unknown-factor.json');
    expect(issue.code).toBe('unknown-key');
    expect(issue.path).toEqual(['factors', 'covidDiversio']);
    expect(issue.message).toContain('did you mean "covidDiversion"?');
  });

  it('parseScenarioJson suggests "months" for the top-level typo "mnths" and reports months missing', () => {
    const issues = issuesOf('unknown-top-level-key.json');
    const unknown = issues.find((issue) => issue.code === 'unknown-key');
    expect(unknown?.path).toEqual(['mnths']);
    expect(unknown?.message).toContain('did you mean "months"?');
    expect(issues.some((issue) => issue.path.join('.') === 'months' && /missing/.test(issue.message))).toBe(true);
  });

  it('parseScenarioJson suggests "recruitRate" for the unknown parameter "recruitRat"', () => {
    const issue = onlyIssue('unknown-parameter.json');
    expect(issue.path).toEqual(['parameters', 'recruitRat']);
    expect(issue.message).toContain('did you mean "recruitRate"?');
  });

  it('parseScenarioJson reports a plausible-range violation at factors.covidDiversion with the range and the value', () => {
    const issue = onlyIssue('factor-out-of-plausible-range.json');
    expect(issue.code).toBe('out-of-range');
    expect(startsWith(issue.path, ['factors', 'covidDiversion'])).toBe(true);
    expect(issue.expected).toBe('0 ≤ value ≤ 0.6');
    expect(issue.received).toBe('0.9');
    expect(issue.message).toContain('allowOutsidePlausibleRange');
  });

  it('parseScenarioJson enforces hard bounds even with allowOutsidePlausibleRange', () => {
    const issue = onlyIssue('factor-beyond-hard-bounds.json');
    expect(issue.code).toBe('out-of-bounds');
    expect(issue.path).toEqual(['factors', 'covidDiversion']);
    expect(issue.expected).toBe('0 ≤ value ≤ 1');
    expect(issue.received).toBe('1.5');
  });

  it('parseScenarioJson names the month at which an expression leaves the plausible range', () => {
    const issue = onlyIssue('expression-out-of-range-at-month.json');
    expect(issue.code).toBe('out-of-range');
    expect(issue.path).toEqual(['factors', 'covidDiversion', 'expression']);
    expect(issue.received).toBe('0.7');
    expect(issue.message).toContain('at month 7');
  });

  it('parseScenarioJson names the month at which an expression is not finite', () => {
    const issue = onlyIssue('expression-non-finite.json');
    expect(issue.code).toBe('expression-not-a-number');
    expect(issue.path).toEqual(['factors', 'coalitionAirSupport', 'expression']);
    expect(issue.message).toContain('month 3');
  });

  it('parseScenarioJson rejects unsafe expressions as forbidden, not merely unknown', () => {
    for (const name of ['expression-import.json', 'expression-constructor.json', 'expression-property-access.json']) {
      const issue = onlyIssue(name);
      expect(issue.code, name).toBe('expression-forbidden');
      expect(issue.path, name).toEqual(['factors', 'covidDiversion', 'expression']);
    }
  });

  it('parseScenarioJson reports an unknown expression symbol by name', () => {
    const issue = onlyIssue('expression-unknown-symbol.json');
    expect(issue.code).toBe('expression-unknown-symbol');
    expect(issue.message).toContain('"month"');
  });

  it('parseScenarioJson points schedule mistakes at the offending step', () => {
    expect(onlyIssue('schedule-not-starting-at-zero.json')).toMatchObject({
      code: 'schedule-start',
      path: ['factors', 'usTroopsSyria', 'schedule', 0, 'from'],
      received: '1',
    });
    expect(onlyIssue('schedule-out-of-order.json')).toMatchObject({
      code: 'schedule-order',
      path: ['factors', 'usTroopsSyria', 'schedule', 2, 'from'],
      expected: '> 12',
      received: '6',
    });
    expect(onlyIssue('schedule-step-beyond-horizon.json')).toMatchObject({
      code: 'schedule-beyond-horizon',
      path: ['factors', 'usTroopsSyria', 'schedule', 1, 'from'],
      expected: '< 12',
      received: '18',
    });
    expect(onlyIssue('empty-schedule.json')).toMatchObject({ path: ['factors', 'usTroopsSyria', 'schedule'] });
  });

  it('parseScenarioJson rejects non-integer troops as not-integer', () => {
    expect(onlyIssue('non-integer-troops.json')).toMatchObject({
      code: 'not-integer',
      path: ['factors', 'usTroopsSyria'],
      received: '600.5',
    });
  });

  it('parseScenarioJson accepts only a number for an initial-condition factor (warChest)', () => {
    expect(onlyIssue('schedule-for-initial-condition.json')).toMatchObject({
      path: ['factors', 'warChest'],
      expected: 'a number',
    });
  });

  it('parseScenarioJson reports top-level field mistakes at their field', () => {
    expect(onlyIssue('months-as-string.json')).toMatchObject({ code: 'invalid-type', path: ['months'], received: '"36"' });
    expect(onlyIssue('missing-question.json')).toMatchObject({ path: ['question'], received: 'nothing' });
    expect(onlyIssue('bad-start-month.json')).toMatchObject({ path: ['start'], received: '"2020-13"' });
    expect(onlyIssue('months-zero.json')).toMatchObject({ code: 'out-of-range', path: ['months'], received: '0' });
    expect(onlyIssue('runs-zero.json')).toMatchObject({ code: 'out-of-range', path: ['runs'], received: '0' });
    expect(onlyIssue('seed-negative.json')).toMatchObject({ code: 'out-of-range', path: ['seed'], received: '-1' });
  });

  it('parseScenarioJson reports a parameter outside its range with the range', () => {
    expect(onlyIssue('parameter-negative-out-of-range.json')).toMatchObject({
      code: 'out-of-range',
      path: ['parameters', 'recruitRate'],
      expected: '0.05 ≤ value ≤ 0.8',
      received: '-0.1',
    });
  });

  it('parseScenarioJson reports invalid JSON with its line and column', () => {
    const issue = onlyIssue('invalid-json-trailing-comma.json');
    expect(issue.code).toBe('invalid-json');
    expect(issue.path).toEqual([]);
    expect(issue.message).toMatch(/line 6, column 1/);
    expect(onlyIssue('empty-file.json').code).toBe('invalid-json');
  });

  it('parseScenarioJson rejects a top-level array as "expected an object"', () => {
    expect(onlyIssue('top-level-array.json')).toMatchObject({ path: [], expected: 'an object', received: 'an array' });
  });

  // Known bug (see the report): every zod union failure is rendered as a factor-setting message,
  // so a bad `seed` (a union of integer and string) is described as if it were a factor. When it
  // was fixed in parseScenario (unionIssues).
  it('parseScenarioJson describes a non-integer seed without mentioning factor settings', () => {
    const issue = onlyIssue('seed-not-integer.json');
    expect(issue.path).toEqual(['seed']);
    expect(issue.message).not.toContain('"schedule"');
  });
});
