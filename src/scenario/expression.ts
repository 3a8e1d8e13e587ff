// Time-varying scenario inputs written as mathjs expressions of `t` (months since the scenario
// start). The source comes from untrusted JSON, so it goes through two independent layers:
//   1. a dedicated mathjs instance whose parser-level functions (import, evaluate, parse, ...) throw,
//      as https://mathjs.org/docs/expressions/security.html recommends;
//   2. a whitelist check of the parsed tree, so only numbers, `t`, a few constants, arithmetic,
//      comparisons, `a ? b : c` and a few named functions ever reach compilation.
//
// mathjs (~0.8 MB bundled) is not imported here: the library's entries (src/index.ts,
// src/internals.ts, src/node/index.ts and the worker) hand it over with provideExpressionEngine,
// and the CLI loads it with loadExpressionEngine only when a command may meet an expression, so
// `resurgence validate` of a scenario without one never loads it (bench/startup.mjs).
import type { EvalFunction, FactoryFunctionMap, MathNode } from 'mathjs';

/**
 * What expressions need from mathjs: its `create` and its full factory map `all`.
 *
 * @example
 * import { all, create } from 'mathjs';
 * const engine: ExpressionEngine = { all, create };
 */
export interface ExpressionEngine {
  // Declared without mathjs's own types, so that the published type declarations do not import
  // 'mathjs' (bundled, not a dependency of the package: a consumer's tsc could not resolve it).
  // Method syntax keeps mathjs's `create` assignable here.
  create(factories: object, config?: object): unknown;
  readonly all: unknown;
}

let engine: ExpressionEngine | undefined;

/**
 * Thrown when an expression is compiled before mathjs was provided: import the library through
 * one of its entries (`resurgence`, `resurgence/node`, `resurgence/internals`), which provide it,
 * or `await loadExpressionEngine()` first.
 *
 * @example
 * try { compileExpression('t'); } catch (error) { error instanceof ExpressionEngineNotLoadedError; }
 */
export class ExpressionEngineNotLoadedError extends Error {
  constructor() {
    super('the expression engine (mathjs) is not loaded: import the library from its entry (resurgence), or await loadExpressionEngine() first');
    this.name = 'ExpressionEngineNotLoadedError';
  }
}

/**
 * Hands mathjs to the expression compiler (the library's entries call it once at load). The
 * first engine provided stays. Cost: O(1); the restricted instance is still built on first use.
 *
 * @example
 * import { all, create } from 'mathjs';
 * provideExpressionEngine({ all, create });
 */
export function provideExpressionEngine(mathjs: ExpressionEngine): void {
  engine ??= mathjs;
}

/**
 * Loads mathjs on demand (a dynamic import: its own chunk in the bundle) and provides it; does
 * nothing when it is already there. The CLI awaits it before any command that may compile an
 * expression. Cost: one module load (~0.1 s) the first time, O(1) after.
 *
 * @example
 * await loadExpressionEngine();
 * compileExpression('t < 6 ? 600 : 0').ok; // true
 */
export async function loadExpressionEngine(): Promise<void> {
  if (engine) return;
  const mathjs = await import('mathjs');
  provideExpressionEngine({ create: mathjs.create, all: mathjs.all });
}

/** Why an expression was rejected; `month` is set when evaluation failed at a given month. */
export interface ExpressionIssue {
  code: 'expression-syntax' | 'expression-forbidden' | 'expression-unknown-symbol' | 'expression-not-a-number';
  message: string;
  /** e.g. month at which evaluation failed */
  month?: number;
}

/**
 * A checked expression as a function of `t` (months since the scenario start). Throws an `Error`
 * (with the {@link ExpressionIssue} as `cause`) when the value is not a finite number.
 *
 * @example
 * const r = compileExpression('t < 6 ? 600 : 0');
 * if (r.ok) r.evaluate(7); // 0
 */
export type CompiledExpression = (t: number) => number;

/**
 * Functions an expression may call.
 *
 * @example
 * ALLOWED_FUNCTIONS.includes('exp'); // true
 */
export const ALLOWED_FUNCTIONS: readonly string[] = Object.freeze([
  'abs', 'ceil', 'cos', 'exp', 'floor', 'log', 'log10', 'log2', 'max', 'min',
  'mod', 'pow', 'round', 'sign', 'sin', 'sqrt', 'tan',
]);

/**
 * Named constants an expression may use besides `t`.
 *
 * @example
 * ALLOWED_CONSTANTS; // ['pi', 'e']
 */
export const ALLOWED_CONSTANTS: readonly string[] = Object.freeze(['pi', 'e']);

// Operator nodes by their mathjs function name. Excluded on purpose: 'to' (unit conversion),
// element-wise, bitwise, factorial, transpose and '??' — none is needed for a scalar curve.
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'xor', 'not',
]);
const OPERATOR_LIST = '+ - * / ^ mod < <= > >= == != and or xor not';

// Tree node kinds that are never valid in a scalar expression, with the user-facing reason.
const FORBIDDEN_NODES: Readonly<Record<string, string>> = {
  AccessorNode: 'property access is not allowed',
  IndexNode: 'indexing is not allowed',
  ArrayNode: 'arrays and matrices are not allowed',
  ObjectNode: 'objects are not allowed',
  RangeNode: 'ranges are not allowed',
  AssignmentNode: 'assignments are not allowed',
  FunctionAssignmentNode: 'function definitions are not allowed',
  BlockNode: 'only a single expression is allowed, not several statements',
};

// Property-name tricks aimed at the JS prototype chain; reported as forbidden, not merely unknown.
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype']);

// A long source is certainly not a hand-written curve, and bounding it bounds parser recursion.
const MAX_SOURCE_LENGTH = 1000;

// Most levels of parentheses or chained prefix operators (- + not !) an expression may nest.
const MAX_NESTING = 40;

// The deepest nesting of parentheses plus the longest chain of prefix operators: an upper bound
// on the parser's recursion that does not need the parser.
function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let chain = 0;
  for (const token of source.match(/\(|\)|\bnot\b|[-+!]|[^\s()\-+!]+/g) ?? []) {
    if (token === '(') depth++;
    else if (token === ')') depth--;
    if (token === '-' || token === '+' || token === '!' || token === 'not') chain++;
    else if (token !== '(') chain = 0;
    deepest = Math.max(deepest, depth + chain);
  }
  return deepest;
}

// Everything that parses, rewrites or compiles expression text, or alters the instance. `typed`
// cannot be overridden (mathjs's lazy factories resolve `typed` from the namespace, so replacing
// it breaks the instance); only the whitelist in findIssue keeps it out.
const DISABLED_FUNCTIONS = [
  'import', 'createUnit', 'reviver', 'evaluate', 'parse', 'compile', 'parser', 'Parser', 'chain',
  'simplify', 'simplifyConstant', 'simplifyCore', 'rationalize', 'derivative', 'resolve',
  'symbolicEqual', 'leafCount', 'help', 'config',
];

type MathInstance = ReturnType<typeof import('mathjs').create>;
let restricted: { math: MathInstance; parse: (source: string) => MathNode } | undefined;

/**
 * The restricted instance and its parser, created on first use: building a full mathjs
 * instance takes a noticeable fraction of a second, which every CLI call would otherwise pay
 * even when no scenario uses an expression.
 */
function restrictedMath(): { math: MathInstance; parse: (source: string) => MathNode } {
  if (!restricted) {
    if (!engine) throw new ExpressionEngineNotLoadedError();
    // The engine is mathjs's `create` and `all` (see ExpressionEngine for why it is typed loosely).
    const create = engine.create as typeof import('mathjs').create;
    const math = create(engine.all as FactoryFunctionMap);
    // Captured before the overrides below, which replace `parse` on the instance. Nodes compiled
    // from this parser still work: node.compile() does not go through the overridden functions.
    const parse = math.parse;
    math.import(
      Object.fromEntries(DISABLED_FUNCTIONS.map((name) => [name, () => {
        throw new Error(`function ${name} is disabled`);
      }])),
      { override: true },
    );
    restricted = { math, parse: (source) => parse(source) };
  }
  return restricted;
}

function parse(source: string): MathNode {
  return restrictedMath().parse(source);
}

const excerpt = (node: MathNode): string => {
  const text = node.toString().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const fail = (code: ExpressionIssue['code'], message: string, month?: number) =>
  ({ ok: false as const, issue: month === undefined ? { code, message } : { code, message, month } });

// Returns the first disallowed node in a depth-first walk, or undefined when the tree is clean.
function findIssue(node: MathNode): ExpressionIssue | undefined {
  const { math } = restrictedMath();
  if (math.isConstantNode(node)) {
    const value: unknown = node.value;
    if (typeof value === 'number' || typeof value === 'boolean') return undefined;
    return { code: 'expression-forbidden', message: `only numbers and true/false are allowed as values, not ${excerpt(node)}` };
  }
  if (math.isSymbolNode(node)) return checkSymbol(node.name);
  if (math.isParenthesisNode(node)) return findIssue(node.content);
  if (math.isConditionalNode(node)) {
    return findIssue(node.condition) ?? findIssue(node.trueExpr) ?? findIssue(node.falseExpr);
  }
  if (math.isOperatorNode(node)) {
    if (!ALLOWED_OPERATORS.has(node.fn)) {
      return { code: 'expression-forbidden', message: `operator "${node.op}" is not allowed (allowed: ${OPERATOR_LIST})` };
    }
    return firstIssue(node.args);
  }
  if (math.isRelationalNode(node)) {
    // Chained comparisons such as `0 < t < 6` only ever hold comparison operators.
    return firstIssue(node.params);
  }
  if (math.isFunctionNode(node)) {
    // Typed as SymbolNode, but a method call such as `a.b(1)` puts an AccessorNode here.
    const fn: MathNode = node.fn;
    if (!math.isSymbolNode(fn)) {
      return findIssue(fn) ?? { code: 'expression-forbidden', message: `only named functions can be called ("${excerpt(node)}")` };
    }
    if (!ALLOWED_FUNCTIONS.includes(fn.name)) {
      return { code: 'expression-forbidden', message: `forbidden function "${fn.name}" (allowed: ${ALLOWED_FUNCTIONS.join(', ')})` };
    }
    return firstIssue(node.args);
  }
  const reason = FORBIDDEN_NODES[node.type] ?? `${node.type} is not allowed`;
  return { code: 'expression-forbidden', message: `${reason} ("${excerpt(node)}")` };
}

function firstIssue(nodes: readonly MathNode[]): ExpressionIssue | undefined {
  for (const child of nodes) {
    const issue = findIssue(child);
    if (issue) return issue;
  }
  return undefined;
}

function checkSymbol(name: string): ExpressionIssue | undefined {
  if (name === 't' || ALLOWED_CONSTANTS.includes(name)) return undefined;
  const available = `only t (months since start) and ${ALLOWED_CONSTANTS.join(', ')} are available`;
  if (ALLOWED_FUNCTIONS.includes(name)) {
    return { code: 'expression-unknown-symbol', message: `"${name}" is a function: call it, e.g. ${name}(t)` };
  }
  // `name in math` also catches Object.prototype members such as `constructor` and `toString`.
  if (PROTOTYPE_NAMES.has(name) || name in restrictedMath().math) {
    return { code: 'expression-forbidden', message: `symbol "${name}" is not allowed: ${available}` };
  }
  return { code: 'expression-unknown-symbol', message: `unknown symbol "${name}": ${available}` };
}

// Completes "value at month N is ...", with a hint where a fix is obvious.
function describeValue(value: unknown): string {
  const { math } = restrictedMath();
  if (typeof value === 'number') return `${value}, not a finite number`;
  if (typeof value === 'boolean') {
    return `${value}, not a number (a condition gives true/false; write e.g. "t < 6 ? 1 : 0")`;
  }
  const kind = math.typeOf(value) === 'Complex' ? 'a complex number' : `a ${math.typeOf(value)}`;
  try {
    return `${kind} (${math.format(value, { precision: 6 })}), not a finite number`;
  } catch {
    return `${kind}, not a finite number`;
  }
}

function evaluateAt(code: EvalFunction, t: number) {
  let value: unknown;
  try {
    // A fresh scope per call holding only `t`: nothing persists between evaluations.
    value = code.evaluate(new Map([['t', t]]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('expression-not-a-number', `evaluation failed at month ${t}: ${reason}`, t);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true as const, value };
  return fail('expression-not-a-number', `value at month ${t} is ${describeValue(value)}`, t);
}

function check(source: string): { ok: true; code: EvalFunction } | { ok: false; issue: ExpressionIssue } {
  // Typed as string, but it comes straight from JSON: guard anyway so bad input never throws.
  if (typeof source !== 'string') return fail('expression-syntax', 'expression must be a string');
  if (source.trim() === '') return fail('expression-syntax', 'expression is empty');
  if (source.length > MAX_SOURCE_LENGTH) {
    return fail('expression-syntax', `expression is too long (${source.length} characters, at most ${MAX_SOURCE_LENGTH})`);
  }
  // Nesting is bounded before parsing, so the outcome never depends on the stack left (a
  // 499-deep expression was once refused or accepted depending on JIT warm-up).
  const depth = nestingDepth(source);
  if (depth > MAX_NESTING) return fail('expression-syntax', `expression is nested too deeply (${depth} levels, at most ${MAX_NESTING})`);
  // Outside the try below: a missing engine is a setup error to throw, not a syntax issue.
  restrictedMath();
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    return fail('expression-syntax', `syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const issue = findIssue(node);
  return issue ? { ok: false, issue } : { ok: true, code: node.compile() };
}

/**
 * Parses and checks once; returns either a compiled function or a structured issue (never throws
 * for bad input). The compiled function throws if a value is not a finite number.
 *
 * @example
 * const r = compileExpression('min(1, 0.2 + 0.05 * t)');
 * if (r.ok) r.evaluate(4); // 0.4
 * compileExpression('import({}, {override: true})');
 * // { ok: false, issue: { code: 'expression-forbidden', message: 'forbidden function "import" (allowed: abs, ceil, ...)' } }
 */
export function compileExpression(source: string):
  { ok: true; evaluate: CompiledExpression } | { ok: false; issue: ExpressionIssue } {
  const checked = check(source);
  if (!checked.ok) return checked;
  const { code } = checked;
  return {
    ok: true,
    evaluate: (t) => {
      const result = evaluateAt(code, t);
      if (!result.ok) throw new Error(result.issue.message, { cause: result.issue });
      return result.value;
    },
  };
}

/**
 * Evaluates at t = 0..months-1, returns values or the first issue (non-finite / non-number result
 * names the month). Throws a RangeError if `months` is not a non-negative integer.
 *
 * @example
 * evaluateExpressionOverMonths('t < 2 ? 600 : 0', 4); // { ok: true, values: [600, 600, 0, 0] }
 * evaluateExpressionOverMonths('1 / (t - 2)', 4);
 * // { ok: false, issue: { code: 'expression-not-a-number', month: 2,
 * //   message: 'value at month 2 is Infinity, not a finite number' } }
 */
export function evaluateExpressionOverMonths(source: string, months: number):
  { ok: true; values: number[] } | { ok: false; issue: ExpressionIssue } {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`invalid months: ${months}`);
  const checked = check(source);
  if (!checked.ok) return checked;
  const values: number[] = [];
  for (let t = 0; t < months; t++) {
    const result = evaluateAt(checked.code, t);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return { ok: true, values };
}
