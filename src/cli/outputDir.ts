import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage.js';

/** Options of {@link prepareOutputDir}. */
export interface PrepareOutputOptions {
  /** Overwrite a previous result (`--force`). */
  readonly force: boolean;
  /** Finishing an interrupted run (`--resume`): its checkpoint and partial files are expected. */
  readonly resume: boolean;
}

/**
 * Checks an output folder before any computation, so that a mistake costs seconds, not the whole
 * run: `--out ''` and `--out FILE` are usage errors; the folder is created and a probe file is
 * written and removed (a read-only folder or a full disk fails here, with the errno rendered by
 * `renderUserError`); a previous result (`summary.json`) or an unfinished run (`.checkpoint.json`)
 * is not overwritten without `--force` (or `--resume` for the latter).
 *
 * Cost: a few file-system calls.
 *
 * @example
 * prepareOutputDir('out/us-stays', { force: false, resume: false }); // creates out/us-stays
 */
export function prepareOutputDir(out: string, options: PrepareOutputOptions): void {
  if (out.trim() === '') throw new UsageError('--out needs a folder name (it was empty)');
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} names a file, not a folder: choose a folder name`);
  mkdirSync(out, { recursive: true });
  const probe = join(out, `.write-probe-${process.pid}`);
  closeSync(openSync(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644));
  rmSync(probe, { force: true });
  const has = (name: string) => {
    try {
      lstatSync(join(out, name));
      return true;
    } catch {
      return false;
    }
  };
  if (options.force || options.resume) return;
  if (has('.checkpoint.json')) {
    throw new UsageError(`${out} holds an unfinished run (.checkpoint.json): add --resume to finish it, or --force to start afresh`);
  }
  if (has('summary.json')) {
    throw new UsageError(`${out} already holds a result (summary.json): add --force to overwrite it, or choose another --out`);
  }
}
