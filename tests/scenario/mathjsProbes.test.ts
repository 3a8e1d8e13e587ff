// Issue 17: the mathjs escape probes as a table test, through the whole scenario path (a probe in
// `factors.covidDiversion.expression`), not only compileExpression. Payloads after the mathjs
// security page and its issues #821/#822 (constructor chains reaching Function), plus resource
// probes (huge ranges, matrices, factorials, random). Every probe is refused with an issue at
// the expression's path, and nothing runs: globals and the instance stay untouched.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';

const base = { name: 'x', question: 'q', start: '2020-05', months: 12 };

const PROBES: readonly string[] = [
  // Parser-level functions (the security page's list).
  'import({}, {override: true})', 'import({pi: 4}, {override: true})', 'createUnit("foo")', 'createUnit("month", "1 s")',
  'evaluate("1+1")', 'parse("1")', 'parse("1").compile().evaluate()', 'compile("1")', 'simplify("x")', 'simplifyCore("x")',
  'rationalize("x")', 'derivative("x^2", "x")', 'resolve(x, {})', 'parser()', 'Parser()', 'chain(1)', 'reviver("a", 1)',
  'config({number: "BigNumber"})', 'help("sin")', 'symbolicEqual("x", "x")', 'leafCount("x")', 'typed("number", 1)',
  // Constructor chains (issues #821, #822 and variants).
  'cos.constructor("return process")()', 'cos.constructor("return process")', 'sin["constructor"]("return 1")',
  'f = cos.constructor; f("return 1")()', 'cos.toString.constructor("return 1")', '[].map.constructor("return 1")',
  '"".constructor.fromCharCode(65)', 't.constructor', 't["constructor"]', '(1).constructor', 'exp.bind', 'exp.call(1)',
  'exp.apply(1, [1])', '__proto__', 'constructor', 'prototype', 'e.__proto__', 'pi["__proto__"]', 'abs.name', 'max.signatures',
  // Assignments, definitions, blocks, objects, strings, units.
  'a = 1', 'f(x) = x', 'x = 1; x', 'a = 1\na', '{a: 1}', '"abc"', '"abc".length', 'unit("5 cm")', '5 cm to inch', '5 cm',
  // Resource exhaustion.
  '1:1e9', 'range(1, 1e9)', 'zeros(1e5, 1e5)', 'ones(1e4, 1e4)', 'identity(1e5)', 'matrix([1,2])', '[1, 2]', 'factorial(1e6)',
  '171!', 't!', 'combinations(1e9, 5e8)', 'gamma(1e6)', 'random()', 'randomInt(1, 10)', 'pickRandom([1, 2])',
  // Unknown symbols and non-numbers.
  'x', 'process', 'globalThis', 'require', 'null', 'undefined', 'true', 't < 6', 'sqrt(-1)', '1 / 0', 'log(0)', '1e308 * 10',
  // Nesting and length.
  `${'('.repeat(60)}1${')'.repeat(60)}`, `${'-'.repeat(80)}1`, `${'1 + '.repeat(300)}1`,
];

describe('mathjs probes through parseScenario', () => {
  it('has a table of at least 80 probes', () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(PROBES).size).toBe(PROBES.length);
  });

  for (const probe of PROBES) {
    it(`parseScenario refuses the expression ${JSON.stringify(probe.length > 50 ? `${probe.slice(0, 47)}...` : probe)}`, () => {
      const globalsBefore = Object.getOwnPropertyNames(globalThis).length;
      const result = parseScenario({ ...base, factors: { covidDiversion: { expression: probe } } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.path.slice(0, 2)).toEqual(['factors', 'covidDiversion']);
      expect(result.issues[0]?.message).not.toContain('\n');
      expect(Object.getOwnPropertyNames(globalThis).length).toBe(globalsBefore);
    });
  }

  it('parseScenario still evaluates pi and exp as shipped after every probe (no probe altered the instance)', () => {
    const result = parseScenario({ ...base, factors: { coalitionAirSupport: { expression: 'pi / 4 + exp(0) - 1' } } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.factors.coalitionAirSupport[0]).toBeCloseTo(Math.PI / 4, 12);
  });
});
