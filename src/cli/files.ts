import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfinedFile, readRegularFile } from '../node/readConfinedFile.js';
import { SIZE_LIMITS } from '../scenario/bounds.js';
import { resolveScenarioFiles } from '../scenario/posterior.js';
import { parseScenario, parseScenarioJson, type ValidScenario } from '../scenario/parseScenario.js';
import { ScenarioError } from '../scenario/issues.js';
import { SHIPPED_SCENARIOS } from '../scenario/shippedScenarios.js';
import { closestName } from '../scenario/suggest.js';

/**
 * Reads and validates a scenario file; throws a ScenarioError naming the file on any problem.
 * A name that is not a file but names a shipped scenario (`baseline-2020`, `us-stays`, …) loads
 * that scenario, so `npx resurgence run us-stays` (or `scenarios/us-stays.json`) works from any folder.
 */
export function loadScenarioFile(path: string, options: { readonly allowFileReferences?: boolean } = {}): ValidScenario {
  let text: string;
  try {
    text = readRegularFile(path, { maxBytes: SIZE_LIMITS.fileBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // `us-stays`, `us-stays.json` or `scenarios/us-stays.json` (README's paths, from any folder).
    const name = path.replace(/^scenarios\//, '').replace(/\.json$/, '');
    const shipped = SHIPPED_SCENARIOS[name];
    if (code === 'ENOENT' && shipped !== undefined && !name.includes('/')) {
      const parsed = parseScenario(shipped);
      if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
      return parsed.value;
    }
    const names = Object.keys(SHIPPED_SCENARIOS);
    const suggestion = closestName(path.replace(/^.*\//, '').replace(/\.json$/, ''), names);
    const hint = code === 'ENOENT' ? ` (shipped scenarios: ${suggestion ? `did you mean "${suggestion}"? ` : ''}${names.join(', ')})` : '';
    const reason = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ScenarioError([{ code: 'unreadable-file', path: [], message: `cannot read the scenario file: ${reason}${hint}` }], path);
  }
  // Syntax errors first (with their line and column), then file references: a posterior given as
  // a path is read relative to the scenario file and inlined, so workers get a self-contained scenario.
  const syntax = parseScenarioJson(text);
  if (!syntax.ok && syntax.issues.some((issue) => issue.code === 'invalid-json')) throw new ScenarioError(syntax.issues, path);
  // A posterior path must name a regular file in the scenario's own folder (or below), read with a size cap.
  const reader = (options.allowFileReferences ?? true) ? (reference: string) => readConfinedFile(dirname(path), reference, { maxBytes: SIZE_LIMITS.posteriorFileBytes }) : null;
  const resolved = resolveScenarioFiles(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), reader);
  if (!resolved.ok) throw new ScenarioError(resolved.issues, path);
  const parsed = parseScenario(resolved.value);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
  return parsed.value;
}

/** The installed package's folder (holding scenarios/, calibration/, data/): from dist/ or src/cli/. */
export function packageRoot(): string {
  for (const candidate of ['..', '../..']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'calibration'))) return dir;
  }
  return process.cwd();
}

/**
 * The names of the files shipped in one of the package's folders (`calibration`), without `.json`.
 *
 * @example
 * shippedNames('calibration'); // ['mid-2020']
 */
export function shippedNames(folder: string): string[] {
  const dir = join(packageRoot(), folder);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort() : [];
}

/**
 * A file argument as the user meant it: the path when it exists, else the file the package ships
 * in `folder` under that name (`mid-2020`, `mid-2020.json` or `calibration/mid-2020.json` from any
 * folder, so `npx resurgence calibrate mid-2020` works in an empty project); else the path unchanged,
 * for the caller's "no such file" error. Cost: a few `stat` calls.
 *
 * @example
 * resolveShippedFile('mid-2020', 'calibration'); // '/…/node_modules/resurgence/calibration/mid-2020.json'
 */
export function resolveShippedFile(path: string, folder: string): string {
  if (existsSync(path)) return path;
  const relative = path.replace(/\\/g, '/');
  if (relative.includes('/') && !relative.startsWith(`${folder}/`)) return path;
  const shipped = join(packageRoot(), folder, `${basename(relative).replace(/\.json$/, '')}.json`);
  return existsSync(shipped) ? shipped : path;
}

export { writeFileAtomic } from '../node/writeFileAtomic.js';
