import { parseArgs } from '../parseArgs.js';
import { FACTORS } from '../../model/factors.js';
import { PARAMETERS } from '../../model/parameters.js';
import { ExpressionEngineNotLoadedError, loadExpressionEngine } from '../../scenario/expression.js';
import { formatIssues, ScenarioError } from '../../scenario/issues.js';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import { SHIPPED_SCENARIOS } from '../../scenario/shippedScenarios.js';
import { loadScenarioFile } from '../files.js';
import { formatFactorTable } from '../formatFactorTable.js';
import { UsageError, type CommandIo } from '../usage.js';

/**
 * loadScenarioFile, loading mathjs first when the file turns out to hold an expression (so a
 * scenario without one validates without it: start-up, bench/startup.mjs). Cost: one parse, two
 * for a file with an expression the first time.
 */
async function loadScenarioFileWithExpressions(file: string) {
  try {
    return loadScenarioFile(file);
  } catch (error) {
    if (!(error instanceof ExpressionEngineNotLoadedError)) throw error;
    await loadExpressionEngine();
    return loadScenarioFile(file);
  }
}

/** `resurgence validate <files…>`: every problem with its JSON path; exit 1 if any file is invalid. */
export async function validateCommand(args: string[], io: CommandIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file');
  let failures = 0;
  for (const file of positionals) {
    try {
      const valid = await loadScenarioFileWithExpressions(file);
      io.stdout.write(`✔ ${file}: valid (${valid.scenario.name}, ${valid.scenario.months} months from ${valid.scenario.start})\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stdout.write(`${formatIssues(error.issues, file)}\n`);
      failures++;
    }
  }
  return failures > 0 ? 1 : 0;
}

/** `resurgence factors [--json]`: the article's factors (and with --json the parameters too). */
export async function factorsCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  if (values.json) io.stdout.write(`${JSON.stringify({ factors: FACTORS, parameters: PARAMETERS }, null, 2)}\n`);
  else io.stdout.write(`${formatFactorTable(FACTORS)}\n`);
  return 0;
}

/** `resurgence scenarios`: the shipped scenarios and their questions. */
export async function scenariosCommand(args: string[], io: CommandIo): Promise<number> {
  parseArgs({ args, options: {} });
  for (const [name, scenario] of Object.entries(SHIPPED_SCENARIOS)) {
    const { title, question } = scenario as { title?: string; question: string };
    io.stdout.write(`${name.padEnd(20)} ${title ?? ''}\n${' '.repeat(21)}${question}\n`);
  }
  return 0;
}

/** `resurgence schema`: the JSON Schema of scenario files. */
export async function schemaCommand(args: string[], io: CommandIo): Promise<number> {
  parseArgs({ args, options: {} });
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
