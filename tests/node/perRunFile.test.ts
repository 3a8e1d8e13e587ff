// Issue 13, item 2: per-run rows in a columnar file pandas and R load in one line. The Arrow IPC
// file is read back with the library that wrote it (apache-arrow) and compared value for value
// with the runs' own series; the same seed gives the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/experiment/runOnce.js';
import { monthLabels } from '../../src/experiment/simulate.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { openPerRunFile } from '../../src/node/perRunFile.js';
import { runEnsemble } from '../../src/node/runEnsemble.js';
import { runsCsvHeader, runsToCsvRows } from '../../src/report/toCsv.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { UsageError } from '../../src/cli/usage.js';

const MONTHS = 12;
const scenario = { ...(SHIPPED_SCENARIOS['baseline-2020'] as { start: string }), months: MONTHS };
const labels = monthLabels(scenario.start, MONTHS);
const dir = mkdtempSync(join(tmpdir(), 'per-run-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ensemble in this thread and writes its runs to `path`; returns the runs. */
async function ensembleTo(path: string, seed: number, runs = 20): Promise<RunResult[]> {
  const file = await openPerRunFile(path, { observables: OBSERVABLE_IDS, months: labels, metadata: { seed: String(seed) }, runsPerBatch: 8 });
  const kept: RunResult[] = [];
  await runEnsemble(scenario, {
    runs,
    seed,
    workers: 1,
    onRun: (run) => {
      kept.push(run);
      file.add(run);
    },
  });
  await file.close();
  return kept;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('openPerRunFile', () => {
  it('openPerRunFile (.arrow): read back with apache-arrow, every value equals the runs’ series; run, month, date and metadata as written', async () => {
    const path = join(dir, 'a.arrow');
    const runs = await ensembleTo(path, 7);
    expect(existsSync(`${path}.partial`)).toBe(false);
    const table = tableFromIPC(readFileSync(path));
    expect(table.numRows).toBe(20 * MONTHS);
    expect(table.batches).toHaveLength(3); // 8 + 8 + 4 runs
    expect(table.schema.fields.map((f) => f.name)).toEqual(['run', 'month', 'date', ...OBSERVABLE_IDS]);
    expect(table.schema.metadata.get('seed')).toBe('7');
    const run = table.getChild('run')!.toArray() as Int32Array;
    const month = table.getChild('month')!.toArray() as Int32Array;
    const date = table.getChild('date')!;
    const width = OBSERVABLE_IDS.length;
    const columns = OBSERVABLE_IDS.map((id) => table.getChild(id)!.toArray() as Float64Array);
    let row = 0;
    let compared = 0;
    for (const result of runs) {
      for (let m = 0; m < MONTHS; m++, row++) {
        expect(run[row]).toBe(result.run);
        expect(month[row]).toBe(m);
        expect(date.get(row)).toBe(labels[m]);
        for (let k = 0; k < width; k++) {
          if (!Object.is(columns[k]![row], result.series[m * width + k])) {
            throw new Error(`row ${row} (run ${result.run}, month ${m}) ${OBSERVABLE_IDS[k]}: ${columns[k]![row]} in the file, ${result.series[m * width + k]} in the run`);
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(20 * MONTHS * width);
    // Not a constant column: the runs differ, so the comparison above compared something.
    expect(new Set(columns[OBSERVABLE_IDS.indexOf('fighters')]).size).toBeGreaterThan(MONTHS);
  });

  it('openPerRunFile (.arrow): the same seed gives the same bytes, another seed other bytes', async () => {
    await ensembleTo(join(dir, 'b1.arrow'), 11);
    await ensembleTo(join(dir, 'b2.arrow'), 11);
    await ensembleTo(join(dir, 'b3.arrow'), 12);
    expect(sha256(join(dir, 'b1.arrow'))).toBe(sha256(join(dir, 'b2.arrow')));
    expect(sha256(join(dir, 'b1.arrow'))).not.toBe(sha256(join(dir, 'b3.arrow')));
  });

  it('openPerRunFile (.csv) writes the rows of runs.csv; with no run an Arrow file still has its schema', async () => {
    const runs = await ensembleTo(join(dir, 'c.csv'), 7, 5);
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe(`${[runsCsvHeader(OBSERVABLE_IDS), ...runsToCsvRows(runs, OBSERVABLE_IDS)].join('\n')}\n`);
    const empty = await openPerRunFile(join(dir, 'empty.arrow'), { observables: OBSERVABLE_IDS, months: labels });
    await empty.close();
    const table = tableFromIPC(readFileSync(join(dir, 'empty.arrow')));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields).toHaveLength(3 + OBSERVABLE_IDS.length);
  });

  it('openPerRunFile streams: each full record batch is on disk (FILE.partial) before close; abort leaves neither file; unknown extensions are refused', async () => {
    await expect(openPerRunFile(join(dir, 'x.parquet'), { observables: OBSERVABLE_IDS, months: labels })).rejects.toThrow(/unknown format/);
    const file = await openPerRunFile(join(dir, 'aborted.arrow'), { observables: OBSERVABLE_IDS, months: labels, runsPerBatch: 2 });
    const partial = join(dir, 'aborted.arrow.partial');
    const run = (index: number): RunResult => ({ run: index, series: new Float64Array(MONTHS * OBSERVABLE_IDS.length).fill(index), eventMonths: new Int32Array() });
    file.add(run(0));
    const before = statSync(partial).size;
    file.add(run(1)); // completes a batch of 2 runs: written at once, synchronously
    const batchBytes = statSync(partial).size - before;
    expect(batchBytes).toBeGreaterThan(2 * MONTHS * OBSERVABLE_IDS.length * 8);
    file.add(run(2));
    expect(statSync(partial).size - before).toBe(batchBytes);
    file.abort();
    expect(existsSync(join(dir, 'aborted.arrow.partial'))).toBe(false);
    expect(existsSync(join(dir, 'aborted.arrow'))).toBe(false);
  });
});

describe('resurgence run --per-run-file', () => {
  const quietIo = () => {
    const err: string[] = [];
    return { io: { stdout: { write: () => true }, stderr: { isTTY: false, write: (text: string) => err.push(text) } }, err };
  };

  it('run --per-run-file FILE.arrow writes every run × month of the ensemble, seed and scenario in the metadata', async () => {
    const path = join(dir, 'cli.arrow');
    const { io } = quietIo();
    expect(await runCommand(['baseline-2020', '--runs', '3', '--seed', '5', '--workers', '1', '--per-run-file', path, '--quiet'], io)).toBe(0);
    const table = tableFromIPC(readFileSync(path));
    expect(table.numRows).toBe(3 * 36);
    expect([...new Set(table.getChild('run')!.toArray())]).toEqual([0, 1, 2]);
    expect(table.schema.metadata.get('resurgence.seed')).toBe('5');
    expect(table.schema.metadata.get('resurgence.scenario')).toBe('baseline-2020');
  });

  it('run --per-run-file: another extension, or with --resume, is a usage error', async () => {
    const { io } = quietIo();
    await expect(runCommand(['baseline-2020', '--runs', '2', '--per-run-file', join(dir, 'r.parquet')], io)).rejects.toThrow(UsageError);
    await expect(runCommand(['baseline-2020', '--runs', '2', '--out', join(dir, 'o'), '--resume', '--per-run-file', join(dir, 'r.arrow')], io)).rejects.toThrow(/--resume/);
  });
});
