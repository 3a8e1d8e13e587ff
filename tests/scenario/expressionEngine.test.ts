// mathjs is loaded on demand (src/scenario/expression.ts): the library's entries provide it at
// load, the CLI loads it before commands that compute and, for `validate`, only when a file holds
// an expression. Without it, compiling an expression throws a setup error (never an issue that
// would blame the scenario). Each test loads fresh modules, without the suite's lazy engine. That
// the entries provide it is checked on the built bundles (tests/package.slow.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const withExpression = { name: 'e', question: 'q', start: '2020-05', months: 6, factors: { covidDiversion: { expression: '0.3 * exp(-t / 6)' } } };
const withoutExpression = { name: 'n', question: 'q', start: '2020-05', months: 6, factors: { covidDiversion: 0.2 } };

beforeEach(() => {
  vi.resetModules();
});

describe('the expression engine, loaded on demand', () => {
  it('without an engine, compiling throws ExpressionEngineNotLoadedError, parseScenario passes it on; loadExpressionEngine fixes both', async () => {
    const expression = await import('../../src/scenario/expression.js');
    const { parseScenario } = await import('../../src/scenario/parseScenario.js');
    expect(() => expression.compileExpression('t + 1')).toThrow(expression.ExpressionEngineNotLoadedError);
    expect(() => parseScenario(withExpression)).toThrow(expression.ExpressionEngineNotLoadedError);
    expect(parseScenario(withoutExpression).ok).toBe(true);
    await expression.loadExpressionEngine();
    const compiled = expression.compileExpression('t < 2 ? 600 : 0');
    expect(compiled.ok && compiled.evaluate(3)).toBe(0);
    expect(parseScenario(withExpression).ok).toBe(true);
  });

  it('resurgence validate loads it only for a file with an expression, and reports a bad one as an issue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-expr-'));
    const files = { plain: join(dir, 'plain.json'), expr: join(dir, 'expr.json'), bad: join(dir, 'bad.json') };
    writeFileSync(files.plain, JSON.stringify(withoutExpression));
    writeFileSync(files.expr, JSON.stringify(withExpression));
    writeFileSync(files.bad, JSON.stringify({ ...withExpression, factors: { covidDiversion: { expression: 'constructor' } } }));
    const { main } = await import('../../src/cli/cli.js');
    let stdout = '';
    const io = { stdout: { isTTY: false, write: (text: string) => ((stdout += text), true) }, stderr: { isTTY: false, write: () => true } };
    expect(await main(['validate', files.plain], io)).toBe(0);
    const expression = await import('../../src/scenario/expression.js');
    expect(() => expression.compileExpression('t'), 'a plain file does not load mathjs').toThrow(expression.ExpressionEngineNotLoadedError);
    expect(await main(['validate', files.expr, files.bad], io)).toBe(1);
    expect(stdout).toContain(`✔ ${files.expr}: valid`);
    expect(stdout).toMatch(/constructor/);
    expect(stdout.match(/✔/g)?.length, 'each file reported once').toBe(2);
  });
});
