import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScenarioJson, type ValidScenario } from '../scenario/parseScenario.js';
import { ScenarioError } from '../scenario/issues.js';

/** Reads and validates a scenario file; throws a ScenarioError naming the file on any problem. */
export function loadScenarioFile(path: string): ValidScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    throw new ScenarioError([{ code: 'unreadable-file', path: [], message: `cannot read the scenario file: ${reason}` }], path);
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, path);
  return parsed.value;
}

/**
 * Writes a file atomically: to a temporary name beside it, then renamed over the target, so a
 * reader (or an interrupted run) never sees half a file.
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${Date.now().toString(36)}-${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
