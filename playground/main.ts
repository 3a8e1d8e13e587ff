// The playground page: one slider per factor of the article, a Web Worker that runs the
// ensemble, fan charts of the result over the baseline, and the events' probabilities.
//
// Exposed for tests and for anyone inspecting the page: #results carries data-state
// ("running" | "done" | "error"), data-key (the slider overrides the shown result belongs to,
// as JSON), data-runs, data-progress (runs done in the current run) and data-cancelled (stale
// runs cancelled so far); each chart panel carries data-observable and data-median (the median
// trajectory shown, as a JSON array, one value per month).
import type { EnsembleSummary } from '../src/experiment/simulate.js';
import { FACTORS, type FactorDefinition, type FactorId } from '../src/model/factors.js';
import { OBSERVABLES, OBSERVABLE_IDS } from '../src/model/observables.js';
import type { ChartDocument } from '../src/report/charts/chartDocument.js';
import { fanChart } from '../src/report/charts/fanChart.js';
import { bandLabel } from '../src/report/bandLabel.js';
import { eventsTable, escapeHtml } from './eventsTable.js';
import { overridesKey, playgroundScenario, type SliderOverrides } from './playgroundScenario.js';
import type { RunRequest, WorkerReply } from './protocol.js';
import { sliderSpec, sliderValue, type SliderSpec } from './sliderSpec.js';

/** Runs per ensemble: 200 by default (about 1–3 s here), `?runs=N` (10–2,000) to change it. */
const RUNS = integerParameter('runs', 200, 10, 2000);
/** The baseline scenario's own seed, so that the page's numbers match `resurgence run --runs N`. */
const SEED = 2020;
/** Wait this long after the last slider move before starting a run (a drag fires many events); `?debounce=ms` (0–2,000) to change it. */
const DEBOUNCE_MS = integerParameter('debounce', 250, 0, 2000);
/** The two charts' observables at start; each chart has a menu to change it. */
const INITIAL_OBSERVABLES = ['attacks', 'fighters'] as const;

function integerParameter(name: string, fallback: number, min: number, max: number): number {
  const raw = Number(new URLSearchParams(location.search).get(name));
  return Number.isInteger(raw) && raw >= min && raw <= max ? raw : fallback;
}

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`playground: missing element ${selector}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Workers. simulate() is synchronous, so a run in progress cannot read new messages; a stale
// run is cancelled by terminating its worker and starting a fresh one.

interface Runner {
  /** Starts a run, terminating the worker first if it is still busy with an older one. */
  run(request: RunRequest): void;
  /** How many runs were cancelled that way so far. */
  readonly cancelled: () => number;
}

function createRunner(onReply: (reply: WorkerReply) => void): Runner {
  let worker: Worker | undefined;
  let busy = false;
  let cancelled = 0;
  const start = (): Worker => {
    const created = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type !== 'progress') busy = false;
      onReply(event.data);
    };
    created.onerror = (event) => {
      busy = false;
      onReply({ type: 'error', id: -1, message: event.message || 'the worker failed to start', issues: [] });
    };
    return created;
  };
  return {
    run(request) {
      if (worker && busy) {
        worker.terminate();
        worker = undefined;
        cancelled++;
      }
      worker ??= start();
      busy = true;
      worker.postMessage(request);
    },
    cancelled: () => cancelled,
  };
}

// ---------------------------------------------------------------------------------------------
// State.

const overrides: Partial<Record<FactorId, number>> = {};
let baseline: EnsembleSummary | undefined;
let shown: { key: string; summary: EnsembleSummary } | undefined;
let latestId = 0;
let debounce: ReturnType<typeof setTimeout> | undefined;

const results = element<HTMLElement>('#results');
const status = element<HTMLElement>('#status');
const progress = element<HTMLProgressElement>('#progress');
const events = element<HTMLElement>('#events');
const article = element<HTMLElement>('#article');

const baselineRunner = createRunner((reply) => {
  if (reply.type === 'result') {
    baseline = reply.summary;
    if (overridesKey(overrides) === '{}') setStatus('done', `baseline: ${RUNS} runs in ${seconds(reply.milliseconds)} (seed ${SEED})`);
    render();
  } else if (reply.type === 'error') {
    setStatus('error', `the baseline failed: ${reply.message}`);
  } else if (overridesKey(overrides) === '{}') {
    showProgress(reply.done, reply.total, 'baseline');
  }
});

const scenarioRunner = createRunner((reply) => {
  if (reply.id !== latestId && reply.id !== -1) return; // a stale reply from before the last move
  if (reply.type === 'progress') showProgress(reply.done, reply.total, 'scenario');
  else if (reply.type === 'result') {
    shown = { key: overridesKey(overrides), summary: reply.summary };
    setStatus('done', `${RUNS} runs in ${seconds(reply.milliseconds)} (seed ${SEED}), against the baseline with the same seed`);
    render();
  } else {
    const details = reply.issues.map((issue) => issue.message).join('; ');
    setStatus('error', `this run failed: ${details || reply.message}`);
  }
});

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function setStatus(state: 'running' | 'done' | 'error', text: string): void {
  results.dataset.state = state;
  status.textContent = text;
  progress.hidden = state !== 'running';
}

function showProgress(done: number, total: number, what: string): void {
  results.dataset.state = 'running';
  results.dataset.progress = String(done);
  progress.hidden = false;
  progress.max = total;
  progress.value = done;
  status.textContent = `running the ${what}: ${done} of ${total} runs…`;
}

function requestRun(): void {
  clearTimeout(debounce);
  const key = overridesKey(overrides);
  if (key === '{}') {
    // Every slider at its baseline: the scenario is the baseline, already run (or running).
    latestId++;
    shown = undefined;
    if (baseline) setStatus('done', `the baseline (${RUNS} runs, seed ${SEED})`);
    else setStatus('running', 'running the baseline…');
    render();
    return;
  }
  setStatus('running', 'waiting for the sliders to settle…');
  debounce = setTimeout(() => {
    latestId++;
    scenarioRunner.run({ id: latestId, scenario: playgroundScenario(overrides as SliderOverrides), runs: RUNS, seed: SEED });
    results.dataset.cancelled = String(scenarioRunner.cancelled());
    showProgress(0, RUNS, 'scenario');
  }, DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------------------------
// Sliders.

function describeValue(factor: FactorDefinition, spec: SliderSpec, value: number | undefined): string {
  if (value === undefined) return `baseline: ${spec.baselineText} (${factor.unit})`;
  const note = spec.scheduled ? `constant from month 0 (replaces the baseline ${spec.baselineText})` : `baseline ${spec.baselineText}`;
  return `${value.toLocaleString('en-US')} ${factor.unit}, ${note}`;
}

function showArticle(factor: FactorDefinition): void {
  article.innerHTML =
    `<h3>${escapeHtml(factor.label)}</h3><blockquote>“${escapeHtml(factor.article)}”</blockquote>` +
    `<p class="description">${escapeHtml(factor.description)}</p><p class="source"><strong>Baseline and range:</strong> ${escapeHtml(factor.source)}</p>`;
}

function buildSliders(): void {
  const list = element<HTMLElement>('#factors');
  for (const factor of FACTORS as readonly FactorDefinition[]) {
    const spec = sliderSpec(factor);
    const row = document.createElement('div');
    row.className = 'factor';
    row.dataset.factor = factor.id;
    row.title = `“${factor.article}”`;
    row.innerHTML =
      `<label for="factor-${factor.id}">${escapeHtml(factor.label)} <span class="unit">(${escapeHtml(factor.unit)})</span></label>` +
      `<input type="range" id="factor-${factor.id}" min="${spec.min}" max="${spec.max}" step="${spec.step}" value="${spec.start}" list="ticks-${factor.id}">` +
      `<datalist id="ticks-${factor.id}"><option value="${spec.start}"></option></datalist>` +
      `<div class="value"><output for="factor-${factor.id}"></output> <button type="button" class="reset" hidden>reset</button></div>`;
    const input = row.querySelector('input') as HTMLInputElement;
    const output = row.querySelector('output') as HTMLOutputElement;
    const reset = row.querySelector('button') as HTMLButtonElement;
    const update = (): void => {
      const value = overrides[factor.id as FactorId];
      output.textContent = describeValue(factor, spec, value);
      row.classList.toggle('moved', value !== undefined);
      reset.hidden = value === undefined;
    };
    input.addEventListener('input', () => {
      overrides[factor.id as FactorId] = sliderValue(spec, input.valueAsNumber);
      update();
      requestRun();
    });
    reset.addEventListener('click', () => {
      delete overrides[factor.id as FactorId];
      input.value = String(spec.start);
      update();
      requestRun();
    });
    row.addEventListener('mouseenter', () => showArticle(factor));
    row.addEventListener('focusin', () => showArticle(factor));
    update();
    list.append(row);
  }
  element<HTMLButtonElement>('#reset-all').addEventListener('click', () => {
    for (const id of Object.keys(overrides)) delete overrides[id as FactorId];
    for (const row of list.querySelectorAll<HTMLElement>('.factor')) {
      const factor = FACTORS.find((f) => f.id === row.dataset.factor) as FactorDefinition;
      (row.querySelector('input') as HTMLInputElement).value = String(sliderSpec(factor).start);
      (row.querySelector('output') as HTMLOutputElement).textContent = describeValue(factor, sliderSpec(factor), undefined);
      (row.querySelector('button') as HTMLButtonElement).hidden = true;
      row.classList.remove('moved');
    }
    requestRun();
  });
}

// ---------------------------------------------------------------------------------------------
// Charts and events.

function buildCharts(): void {
  const charts = element<HTMLElement>('#charts');
  INITIAL_OBSERVABLES.forEach((initial, index) => {
    const panel = document.createElement('figure');
    panel.className = 'chart';
    panel.id = `chart-${index}`;
    panel.dataset.observable = initial;
    const options = OBSERVABLE_IDS.map(
      (id) => `<option value="${id}"${id === initial ? ' selected' : ''}>${id} (${escapeHtml(OBSERVABLES[id].unit)})</option>`,
    ).join('');
    panel.innerHTML = `<figcaption><label>Chart ${index + 1}: <select>${options}</select></label></figcaption><div class="svg"></div>`;
    const select = panel.querySelector('select') as HTMLSelectElement;
    select.addEventListener('change', () => {
      panel.dataset.observable = select.value;
      render();
    });
    charts.append(panel);
  });
}

function render(): void {
  const key = overridesKey(overrides);
  const current = key === '{}' ? baseline : shown?.key === key ? shown.summary : undefined;
  if (current === undefined) return; // a run is under way; keep the last picture until it lands
  const compare = key === '{}' ? undefined : baseline;
  results.dataset.key = key;
  results.dataset.runs = String(current.provenance.runs);
  for (const panel of document.querySelectorAll<HTMLElement>('#charts .chart')) {
    const observable = panel.dataset.observable ?? 'attacks';
    const series = current.series[observable];
    panel.dataset.median = JSON.stringify(series?.p50 ?? []);
    const svg = fanChart(current, {
      observable,
      ...(compare ? { compare } : {}),
      width: 620,
      height: 260,
      document: document as unknown as ChartDocument,
    });
    (panel.querySelector('.svg') as HTMLElement).innerHTML = svg;
  }
  events.innerHTML = eventsTable(current, compare);
  element<HTMLElement>('#bands-include').textContent = bandLabel([current.uncertainty]);
}

buildSliders();
buildCharts();
element<HTMLElement>('#runs').textContent = String(RUNS);
setStatus('running', 'running the baseline…');
baselineRunner.run({ id: 0, scenario: playgroundScenario({}), runs: RUNS, seed: SEED });
