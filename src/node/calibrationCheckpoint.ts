import { closeSync, existsSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CompletedDraw } from '../calibration/abcTypes.js';

/** What a checkpoint belongs to: draws from another config, setup, seed or version are not reused. */
export interface CalibrationCheckpointKey {
  readonly configHash: string;
  readonly setup: string;
  readonly seed: number | string;
  readonly version: string;
}

/** A checkpoint file, open for appending the draws simulated from now on. */
export interface CalibrationCheckpoint {
  /** The draws 0 … k−1 the file already held (empty for a new file). */
  readonly completed: readonly CompletedDraw[];
  /** Appends draw `index` (the next one after those held). */
  append(index: number, draw: CompletedDraw): void;
  close(): void;
}

/** A checkpoint file that cannot be used, with the reason (which file, which line, what was expected). */
export class CalibrationCheckpointError extends Error {
  override readonly name = 'CalibrationCheckpointError';
}

const FORMAT = 'resurgence-calibration-checkpoint';

// JSON has no NaN or ±Infinity; a statistic can be either (an empty window's ratio), so they are
// written as strings and read back exactly. Finite doubles round-trip exactly through JSON.
const encode = (values: readonly number[]) => values.map((value) => (Number.isFinite(value) ? value : String(value)));
const decode = (value: unknown): number => (typeof value === 'number' ? value : value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? Number(value) : Number.NaN);
const isNumberList = (value: unknown): value is unknown[] => Array.isArray(value) && value.every((v) => typeof v === 'number' || v === 'NaN' || v === 'Infinity' || v === '-Infinity');

/**
 * Opens (or creates) the checkpoint of an ABC calibration at `path`: one header line naming the
 * config hash, setup, seed and package version, then one JSON line per simulated prior draw,
 * `[index, θ, statistics]`, appended as each simulation finishes, so an interrupted run (Ctrl-C,
 * a killed job, a power cut) loses at most the draw it was computing. Reopening the file resumes
 * from the draws it holds: ABC draw i depends only on (seed, i), so a resumed run gives the same
 * posterior, bit for bit, as an uninterrupted one. A last line cut short by the interruption (no
 * newline yet) is dropped and cut from the file; a malformed whole line, or a header for another config,
 * setup, seed or version, throws a {@link CalibrationCheckpointError} that says what differs.
 *
 * Cost: reading O(size of the file); one small write per draw.
 *
 * @example
 * const checkpoint = openCalibrationCheckpoint('fit.ckpt', { configHash, setup: 'start-2018', seed: 2020, version: '0.1.0' });
 * calibrate(config, { completedDraws: checkpoint.completed, onDraw: checkpoint.append }); checkpoint.close();
 */
export function openCalibrationCheckpoint(path: string, key: CalibrationCheckpointKey): CalibrationCheckpoint {
  const header = JSON.stringify({ format: FORMAT, ...key });
  const completed: CompletedDraw[] = [];
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  // Each line is written whole by one write: what follows the last newline was being written
  // when the run stopped, so it is dropped (and cut from the file); every whole line must be valid.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = whole === '' ? [] : whole.slice(0, -1).split('\n');
  const notACheckpoint = () => new CalibrationCheckpointError(`${path}: not a calibration checkpoint (line 1 should be its header); remove it or choose another --checkpoint file`);
  if (lines.length === 0 && text.trim() !== '') throw notACheckpoint();
  if (lines.length > 0) {
    const first = parseLine(lines[0] as string) as Record<string, unknown> | undefined;
    if (typeof first !== 'object' || first === null || first.format !== FORMAT) throw notACheckpoint();
    for (const field of ['configHash', 'setup', 'seed', 'version'] as const) {
      if (first[field] !== key[field]) {
        throw new CalibrationCheckpointError(
          `${path}: written for ${field} ${JSON.stringify(first[field])}, this run has ${JSON.stringify(key[field])}; its draws cannot be reused (remove the file to start again)`,
        );
      }
    }
    for (const [n, line] of lines.slice(1).entries()) {
      const row = parseLine(line);
      if (!(Array.isArray(row) && row.length === 3 && row[0] === n && isNumberList(row[1]) && isNumberList(row[2]))) {
        throw new CalibrationCheckpointError(`${path}: line ${n + 2} is not draw ${n} as [index, θ, statistics]; the file is damaged (remove it to start again)`);
      }
      completed.push({ theta: (row[1] as unknown[]).map(decode), summary: (row[2] as unknown[]).map(decode) });
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  if (whole.length < text.length) truncateSync(path, Buffer.byteLength(whole));
  const fd = openSync(path, 'a');
  if (lines.length === 0) writeSync(fd, `${header}\n`);
  return {
    completed,
    append(index, draw) {
      writeSync(fd, `${JSON.stringify([index, encode(draw.theta), encode(draw.summary)])}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
