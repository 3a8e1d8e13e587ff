// Tests import modules below the library's entries (src/scenario/…), which do not load mathjs
// themselves (src/scenario/expression.ts). Provide it here as the entries do, but lazily: mathjs
// is required (synchronously, from node_modules) only when a test first compiles an expression,
// so the many test files that never do not pay its load. tests/scenario/expressionEngine.test.ts
// checks the modules without any engine.
import { createRequire } from 'node:module';
import { provideExpressionEngine, type ExpressionEngine } from '../../src/scenario/expression.js';

const require = createRequire(import.meta.url);
let mathjs: ExpressionEngine | undefined;
const load = (): ExpressionEngine => (mathjs ??= require('mathjs') as ExpressionEngine);
provideExpressionEngine({
  get create() {
    return load().create;
  },
  get all() {
    return load().all;
  },
});
