import { closeSync, constants, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { RunResult } from '../experiment/runOnce.js';
import { runsCsvHeader, runsToCsvRows } from '../report/toCsv.js';

/** What {@link openPerRunFile} writes: the layout of every run's series. */
export interface PerRunLayout {
  /** Column names, in the order of a run's row-major series (OBSERVABLE_IDS). */
  readonly observables: readonly string[];
  /** One YYYY-MM label per month of the scenario. */
  readonly months: readonly string[];
  /** Key–value pairs stored in an Arrow file's schema metadata (scenario, seed, version…). */
  readonly metadata?: Readonly<Record<string, string>>;
  /** Runs per Arrow record batch (default 256: ~9,000 rows, ~1 MB). Part of the bytes. */
  readonly runsPerBatch?: number;
}

/** A per-run file being written: add completed runs in run order, then close (or abort). */
export interface PerRunFile {
  /** Appends one run's rows (one per month). */
  add(run: RunResult): void;
  /** Writes what is left and renames `FILE.partial` to `FILE`. */
  close(): Promise<void>;
  /** Stops and deletes `FILE.partial`; `FILE` is left as it was. */
  abort(): void;
}

/** The formats {@link openPerRunFile} writes, by file extension. */
export const PER_RUN_FILE_FORMATS = { '.arrow': 'arrow', '.feather': 'arrow', '.csv': 'csv' } as const;

/**
 * Opens a file for one row per run and month (wide: `run`, `month`, then one column per
 * observable), in the format its extension names: `.arrow` or `.feather` → an Apache Arrow IPC
 * file (Feather v2; `run` and `month` Int32, `date` a dictionary-encoded YYYY-MM string, each
 * observable Float64, no nulls), which `pandas.read_feather` and `arrow::read_feather` load in one
 * line; `.csv` → the same rows as `runs.csv` (no `date` column). Rows go to `FILE.partial` as runs
 * arrive, in Arrow record batches of `runsPerBatch` runs, and the file is renamed into place on
 * `close`, so a reader never sees half a file. The bytes depend only on the runs added (and the
 * layout): the same seed gives the same file. The `apache-arrow` package is imported here, on the
 * first Arrow file, and by nothing else.
 *
 * Cost: O(months × observables) per run; memory O(runsPerBatch × months × observables).
 * Reference: Apache Arrow columnar format and IPC file format, https://arrow.apache.org/docs/format/Columnar.html
 *
 * @example
 * const file = await openPerRunFile('out/runs.arrow', { observables: OBSERVABLE_IDS, months: monthLabels('2020-05', 36) });
 * await runEnsemble(valid, { runs: 1000, onRun: (run) => file.add(run) });
 * await file.close(); // python: pd.read_feather('out/runs.arrow')
 */
export async function openPerRunFile(path: string, layout: PerRunLayout): Promise<PerRunFile> {
  const format = PER_RUN_FILE_FORMATS[extname(path).toLowerCase() as keyof typeof PER_RUN_FILE_FORMATS];
  if (format === undefined) {
    throw new RangeError(`per-run file ${path}: unknown format (expected a name ending in ${Object.keys(PER_RUN_FILE_FORMATS).join(', ')})`);
  }
  const partial = `${path}.partial`;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  const writeAll = (bytes: Uint8Array) => {
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
  };
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    closeSync(fd);
    renameSync(partial, path);
  };
  const abort = () => {
    if (!closed) {
      closed = true;
      closeSync(fd);
    }
    rmSync(partial, { force: true });
  };
  try {
    if (format === 'csv') {
      writeAll(Buffer.from(`${runsCsvHeader(layout.observables)}\n`));
      return {
        add: (run) => writeAll(Buffer.from(`${runsToCsvRows([run], layout.observables).join('\n')}\n`)),
        close: async () => finish(),
        abort,
      };
    }
    const arrow = await openArrowBatches(layout, writeAll);
    return {
      add: (run) => arrow.add(run),
      close: async () => {
        await arrow.end();
        finish();
      },
      abort: () => {
        arrow.cancel();
        abort();
      },
    };
  } catch (error) {
    abort();
    throw error;
  }
}

/** Arrow record batches of whole runs, handed to `write` as the writer encodes them. */
async function openArrowBatches(layout: PerRunLayout, write: (bytes: Uint8Array) => void) {
  const arrow = await import('apache-arrow');
  const { observables, months } = layout;
  const runsPerBatch = layout.runsPerBatch ?? 256;
  if (!(Number.isInteger(runsPerBatch) && runsPerBatch >= 1)) throw new RangeError(`runsPerBatch must be a positive integer, got ${runsPerBatch}`);
  if (months.length > 32767) throw new RangeError(`too many months for an Int16 dictionary index: ${months.length}`);
  const width = observables.length;
  const dateType = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int16(), 0, true);
  const dictionary = arrow.vectorFromArray([...months], new arrow.Utf8());
  const schema = new arrow.Schema(
    [
      new arrow.Field('run', new arrow.Int32(), false),
      new arrow.Field('month', new arrow.Int32(), false),
      new arrow.Field('date', dateType, false),
      ...observables.map((name) => new arrow.Field(name, new arrow.Float64(), false)),
    ],
    new Map(Object.entries(layout.metadata ?? {})),
  );
  // The writer's sink: an AsyncByteQueue (the one kind of sink it writes to synchronously) whose
  // write goes straight to the file, so memory holds one record batch at most, not the file.
  class FileSink extends arrow.AsyncByteQueue {
    override write(value: unknown): void {
      write(value as Uint8Array);
    }
  }
  const writer = new arrow.RecordBatchFileWriter();
  writer.reset(new FileSink());
  let pending: RunResult[] = [];
  let batches = 0;

  const flush = () => {
    if (pending.length === 0) return;
    const rows = pending.length * months.length;
    const run = new Int32Array(rows);
    const month = new Int32Array(rows);
    const date = new Int16Array(rows);
    const columns = observables.map(() => new Float64Array(rows));
    let row = 0;
    for (const result of pending) {
      if (result.series.length !== months.length * width) {
        throw new RangeError(`run ${result.run}: ${result.series.length} values, expected ${months.length} months × ${width} observables`);
      }
      for (let m = 0; m < months.length; m++, row++) {
        run[row] = result.run;
        month[row] = m;
        date[row] = m;
        for (let k = 0; k < width; k++) (columns[k] as Float64Array)[row] = result.series[m * width + k] as number;
      }
    }
    const children = [
      arrow.makeData({ type: new arrow.Int32(), length: rows, nullCount: 0, data: run }),
      arrow.makeData({ type: new arrow.Int32(), length: rows, nullCount: 0, data: month }),
      arrow.makeData({ type: dateType, length: rows, nullCount: 0, data: date, dictionary }),
      ...columns.map((data) => arrow.makeData({ type: new arrow.Float64(), length: rows, nullCount: 0, data })),
    ];
    const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length: rows, nullCount: 0, children });
    writer.write(new arrow.RecordBatch(schema, struct));
    batches++;
    pending = [];
  };

  return {
    add(result: RunResult) {
      pending.push(result);
      if (pending.length >= runsPerBatch) flush();
    },
    async end() {
      flush();
      // With no run at all (every run failed), still a readable file: the schema and no rows.
      if (batches === 0) writer.reset(undefined, schema);
      await writer.close(); // writes the footer
    },
    cancel() {
      writer.abort();
    },
  };
}
