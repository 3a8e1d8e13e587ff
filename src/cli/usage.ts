import type { ProgressStream } from './progressBar.js';

/** A usage mistake (unknown flag, bad number): printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Where a command writes: process.stdout and process.stderr in the CLI, buffers in tests. */
export interface CommandIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}

/** Parses a flag that must be an integer ≥ `min` (default 1); undefined when absent. */
export function integerFlag(flag: string, text: string | undefined, min = 1): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`invalid ${flag}: ${text} (expected an integer ≥ ${min})`);
  }
  return Number(text);
}

/** Parses --seed: an integer stays a number, anything else is a string seed. */
export function seedFlag(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  if (text === '') throw new UsageError('invalid --seed: empty (expected an integer or a word)');
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/** Quotes a shell argument when it needs it (for the reproduce-this commands the CLI prints). */
export function shellQuote(text: string): string {
  return /^[\w./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
