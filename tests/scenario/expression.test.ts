import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALLOWED_CONSTANTS,
  ALLOWED_FUNCTIONS,
  compileExpression,
  evaluateExpressionOverMonths,
  type ExpressionIssue,
} from '../../src/scenario/expression.js';

const CODES: ReadonlySet<ExpressionIssue['code']> = new Set([
  'expression-syntax', 'expression-forbidden', 'expression-unknown-symbol', 'expression-not-a-number',
] as const);

function issueOf(source: string, months = 3): ExpressionIssue {
  const result = evaluateExpressionOverMonths(source, months);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
  return result.issue;
}

describe('compileExpression', () => {
  it('compileExpression evaluates the documented examples exactly', () => {
    const cases: Array<[string, number, number]> = [
      ['0.3 * exp(-t / 6) + 0.1', 0, 0.4],
      ['0.3 * exp(-t / 6) + 0.1', 6, 0.3 * Math.exp(-1) + 0.1],
      ['t < 6 ? 600 : 0', 5, 600],
      ['t < 6 ? 600 : 0', 6, 0],
      ['min(1, 0.2 + 0.05 * t)', 4, 0.4],
      ['min(1, 0.2 + 0.05 * t)', 100, 1],
      ['2t + 1', 3, 7],
      ['t mod 4 == 0 ? 1 : 0', 8, 1],
      ['0 < t < 3 ? 1 : 0', 2, 1],
      ['(t >= 2 and t <= 4) * 10', 3, 10],
      ['not (t > 1) ? 5 : -5', 0, 5],
      ['pi * e', 0, Math.PI * Math.E],
      ['max(abs(-t), sqrt(16), pow(2, 3), log(e^2), log10(1000), round(2.6))', 1, 8],
      ['floor(t / 12) + ceil(0.1) + sign(-3) + log2(8)', 25, 5],
      ['sin(0) + cos(0) + tan(0) + mod(7, 3)', 0, 2],
    ];
    for (const [source, t, expected] of cases) {
      const result = compileExpression(source);
      if (!result.ok) throw new Error(`${source}: ${result.issue.message}`);
      expect(result.evaluate(t), `${source} at t=${t}`).toBe(expected);
    }
  });

  it('compileExpression exposes whitelists whose every entry works in the restricted instance', () => {
    expect(ALLOWED_CONSTANTS).toEqual(['pi', 'e']);
    expect(Object.isFrozen(ALLOWED_FUNCTIONS)).toBe(true);
    for (const name of ALLOWED_FUNCTIONS) {
      // mod and pow need two arguments, the rest accept one.
      const source = name === 'mod' || name === 'pow' ? `${name}(5, 2)` : `${name}(2)`;
      expect(evaluateExpressionOverMonths(source, 1).ok, source).toBe(true);
    }
  });

  it('compileExpression rejects known escape payloads with a structured issue', () => {
    const payloads: Array<[string, ExpressionIssue['code']]> = [
      ['import({}, {override: true})', 'expression-forbidden'],
      ['createUnit("foo")', 'expression-forbidden'],
      ['evaluate("1+1")', 'expression-forbidden'],
      ['parse("1")', 'expression-forbidden'],
      ['simplify("x")', 'expression-forbidden'],
      ['derivative("x^2", "x")', 'expression-forbidden'],
      ['resolve(x, {})', 'expression-forbidden'],
      ['compile("1")', 'expression-forbidden'],
      ['chain(1)', 'expression-forbidden'],
      ['parser()', 'expression-forbidden'],
      ['reviver("a", 1)', 'expression-forbidden'],
      ['config({number: "BigNumber"})', 'expression-forbidden'],
      ['cos.constructor("return process")()', 'expression-syntax'], // mathjs 15 refuses to parse it
      ['cos.constructor("return process")', 'expression-forbidden'],
      ['[].constructor', 'expression-forbidden'],
      ['[1, 2]', 'expression-forbidden'],
      ['t.constructor', 'expression-forbidden'],
      ['"abc".length', 'expression-forbidden'],
      ['"abc"', 'expression-forbidden'],
      ['f(x) = x', 'expression-forbidden'],
      ['a = 1', 'expression-forbidden'],
      ['{a: 1}', 'expression-forbidden'],
      ['t["constructor"]', 'expression-forbidden'],
      ['unit("5 cm")', 'expression-forbidden'],
      ['5 cm to inch', 'expression-forbidden'],
      ['1:3', 'expression-forbidden'],
      ['x = 1; x', 'expression-forbidden'],
      ['__proto__', 'expression-forbidden'],
      ['constructor', 'expression-forbidden'],
      ['prototype', 'expression-forbidden'],
      ['typed(...)', 'expression-syntax'],
      ['typed("number", 1)', 'expression-forbidden'],
      ['import', 'expression-forbidden'],
      ['t!', 'expression-forbidden'],
      ['null', 'expression-forbidden'],
      ['x', 'expression-unknown-symbol'],
    ];
    for (const [source, code] of payloads) {
      const result = compileExpression(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) {
        expect(result.issue.code, source).toBe(code);
        expect(result.issue.message.length, source).toBeGreaterThan(0);
      }
    }
  });

  it('compileExpression lets no payload touch globals or the mathjs instance', () => {
    const globalsBefore = Object.getOwnPropertyNames(globalThis);
    const payloads = [
      'cos.constructor("globalThis.pwned = 1")()',
      'f = cos.constructor; f("globalThis.pwned = 1")()',
      'sin["constructor"]("globalThis.pwned = 1")',
      'evaluate("f = cos.constructor")',
      'import({pi: 4, exp: 0}, {override: true})',
      'createUnit("month", "1 s")',
    ];
    for (const source of payloads) {
      const result = compileExpression(source);
      expect(result.ok, source).toBe(false);
    }
    expect(Object.getOwnPropertyNames(globalThis)).toEqual(globalsBefore);
    expect('pwned' in globalThis).toBe(false);
    // The import payload would have redefined pi and exp had it run.
    expect(evaluateExpressionOverMonths('pi + exp(0)', 1)).toEqual({ ok: true, values: [Math.PI + 1] });
  });

  it('compileExpression explains rejections in plain words', () => {
    expect(issueOf('import({}, {override: true})').message).toBe(
      'forbidden function "import" (allowed: abs, ceil, cos, exp, floor, log, log10, log2, max, min, mod, pow, round, sign, sin, sqrt, tan)',
    );
    expect(issueOf('2 * x').message).toBe('unknown symbol "x": only t (months since start) and pi, e are available');
    expect(issueOf('a.b').message).toBe('property access is not allowed ("a.b")');
    expect(issueOf('5 cm to inch').message).toBe(
      'operator "to" is not allowed (allowed: + - * / ^ mod < <= > >= == != and or xor not)',
    );
    expect(issueOf('x = 1; x').message).toBe('only a single expression is allowed, not several statements ("x = 1; x")');
    expect(issueOf('exp').message).toBe('"exp" is a function: call it, e.g. exp(t)');
    expect(issueOf('1 +').message).toBe('syntax error: Unexpected end of expression (char 4)');
    expect(issueOf('  ').message).toBe('expression is empty');
  });

  it('compileExpression bounds the source length', () => {
    expect(issueOf(`t${' + 1'.repeat(300)}`)).toEqual({
      code: 'expression-syntax',
      message: 'expression is too long (1201 characters, at most 1000)',
    });
  });

  it('compileExpression returns a function that throws with the issue as cause on a non-number', () => {
    const result = compileExpression('1 / (t - 2)');
    if (!result.ok) throw new Error(result.issue.message);
    expect(result.evaluate(3)).toBe(1);
    const thrown = (() => {
      try {
        return result.evaluate(2);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('value at month 2 is Infinity, not a finite number');
    expect((thrown as Error).cause).toEqual({
      code: 'expression-not-a-number', month: 2, message: 'value at month 2 is Infinity, not a finite number',
    });
  });

  it('compileExpression never throws on random input', () => {
    const alphabet = [...'t0123456789.+-*/^%()[]{}?:<>=!,;"\' abcdeimnoprstx_\n'];
    const input = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 }));
    fc.assert(fc.property(input, (source) => {
      const compiled = compileExpression(source);
      if (!compiled.ok) return CODES.has(compiled.issue.code) && compiled.issue.message.length > 0;
      // Whatever compiles must also evaluate to numbers or a structured issue, never throw.
      const evaluated = evaluateExpressionOverMonths(source, 3);
      return evaluated.ok ? evaluated.values.every(Number.isFinite) : CODES.has(evaluated.issue.code);
    }), { numRuns: 2000 });
  });
});

describe('evaluateExpressionOverMonths', () => {
  it('evaluateExpressionOverMonths evaluates t = 0..months-1', () => {
    expect(evaluateExpressionOverMonths('t < 2 ? 600 : 0', 4)).toEqual({ ok: true, values: [600, 600, 0, 0] });
    expect(evaluateExpressionOverMonths('t^2', 4)).toEqual({ ok: true, values: [0, 1, 4, 9] });
    expect(evaluateExpressionOverMonths('t', 0)).toEqual({ ok: true, values: [] });
  });

  it('evaluateExpressionOverMonths names the month of a non-finite or non-real value', () => {
    expect(issueOf('1 / (t - 2)', 4)).toEqual({
      code: 'expression-not-a-number', month: 2, message: 'value at month 2 is Infinity, not a finite number',
    });
    expect(issueOf('1/0')).toEqual({
      code: 'expression-not-a-number', month: 0, message: 'value at month 0 is Infinity, not a finite number',
    });
    expect(issueOf('0/0').message).toBe('value at month 0 is NaN, not a finite number');
    expect(issueOf('log(abs(t - 2))', 4)).toEqual({
      code: 'expression-not-a-number', month: 2, message: 'value at month 2 is -Infinity, not a finite number',
    });
    expect(issueOf('log(-1)')).toEqual({
      code: 'expression-not-a-number', month: 0, message: 'value at month 0 is a complex number (3.14159i), not a finite number',
    });
    expect(issueOf('sqrt(1 - t)', 4)).toEqual({
      code: 'expression-not-a-number', month: 2, message: 'value at month 2 is a complex number (i), not a finite number',
    });
    expect(issueOf('1e400').code).toBe('expression-not-a-number');
  });

  it('evaluateExpressionOverMonths rejects a bare condition as the final result', () => {
    expect(issueOf('t < 6')).toEqual({
      code: 'expression-not-a-number',
      month: 0,
      message: 'value at month 0 is true, not a number (a condition gives true/false; write e.g. "t < 6 ? 1 : 0")',
    });
  });

  it('evaluateExpressionOverMonths reports a runtime error as a structured issue', () => {
    expect(issueOf('min()')).toMatchObject({ code: 'expression-not-a-number', month: 0 });
  });

  it('evaluateExpressionOverMonths rejects a negative or fractional month count', () => {
    expect(() => evaluateExpressionOverMonths('t', -1)).toThrow('invalid months: -1');
    expect(() => evaluateExpressionOverMonths('t', 1.5)).toThrow('invalid months: 1.5');
  });
});
