import * as Plot from '@observablehq/plot';
import { FACTORS } from '../../model/factors.js';
import { MECHANISMS, type MechanismId } from '../../model/mechanisms.js';
import { OBSERVABLES, type ObservableId } from '../../model/observables.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart } from './frameChart.js';
import { MECHANISM_OUTPUTS } from './mechanismOutputs.js';
import { INK, OKABE_ITO } from './palette.js';

/** Options of {@link factorGraph}. */
export interface FactorGraphOptions {
  /** Title. Default `'How the article's factors reach the model's outputs'`. */
  readonly title?: string;
  /** Width in pixels. Default 900. */
  readonly width?: number;
  /** Document to render into: `window.document` in a browser. Default: a shared linkedom document. */
  readonly document?: ChartDocument;
}

/** A node of the graph, placed in its column. */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly column: 0 | 1 | 2;
  /** Vertical position in [0, 1], top to bottom. */
  readonly y: number;
}

/** The graph's layout: nodes in three columns and the edges between them. */
export interface FactorGraphLayout {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly mechanism: MechanismId }[];
}

/** One colour per mechanism: the eight Okabe–Ito colours, yellow swapped for grey (too light on white). */
const MECHANISM_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  '#777777',
  OKABE_ITO.black,
] as const;

/** Orders ids by the mean position of their neighbours (ties keep the given order). */
function byBarycentre(ids: readonly string[], neighbours: (id: string) => readonly string[], position: ReadonlyMap<string, number>): string[] {
  const centre = (id: string) => {
    const positions = neighbours(id).map((n) => position.get(n) ?? 0);
    return positions.length === 0 ? Number.POSITIVE_INFINITY : positions.reduce((a, b) => a + b, 0) / positions.length;
  };
  return ids
    .map((id, index) => ({ id, index, centre: centre(id) }))
    .sort((a, b) => a.centre - b.centre || a.index - b.index)
    .map(({ id }) => id);
}

function positions(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, (i + 0.5) / ids.length]));
}

/**
 * Lays out the causal graph factors → mechanisms → observables from the model's own metadata
 * (`FACTORS[].mechanisms`, `MECHANISMS`, {@link MECHANISM_OUTPUTS}) in three columns, ordering
 * each column to reduce edge crossings with the barycentre heuristic of Sugiyama, Tagawa and
 * Toda (1981), "Methods for visual understanding of hierarchical system structures", IEEE
 * Trans. SMC 11(2): two sweeps, factors and observables by the mean position of their
 * mechanisms, then mechanisms by the mean position of both neighbours. Deterministic.
 *
 * @example
 * const layout = factorGraphLayout();
 * layout.nodes.filter((n) => n.column === 1).length; // 8 (the mechanisms)
 */
export function factorGraphLayout(): FactorGraphLayout {
  const mechanismIds = Object.keys(MECHANISMS) as MechanismId[];
  const observableIds = Object.keys(OBSERVABLES) as ObservableId[];
  const factorsOf = (mechanism: string) => FACTORS.filter((f) => (f.mechanisms as readonly string[]).includes(mechanism)).map((f) => f.id);
  const observablesOf = (mechanism: string) => [...(MECHANISM_OUTPUTS[mechanism as MechanismId] ?? [])];
  const mechanismsOfFactor = (id: string) => [...(FACTORS.find((f) => f.id === id)?.mechanisms ?? [])];
  const mechanismsOfObservable = (id: string) => mechanismIds.filter((m) => MECHANISM_OUTPUTS[m].includes(id as ObservableId));

  let mechanisms: string[] = mechanismIds;
  let factors: string[] = FACTORS.map((f) => f.id);
  let observables: string[] = observableIds;
  for (let sweep = 0; sweep < 2; sweep++) {
    const mechanismPosition = positions(mechanisms);
    factors = byBarycentre(factors, mechanismsOfFactor, mechanismPosition);
    observables = byBarycentre(observables, mechanismsOfObservable, mechanismPosition);
    const factorPosition = positions(factors);
    const observablePosition = positions(observables);
    const both = new Map<string, number>();
    mechanisms = byBarycentre(
      mechanisms,
      (m) => {
        const f = factorsOf(m).map((id) => factorPosition.get(id) ?? 0);
        const o = observablesOf(m).map((id) => observablePosition.get(id) ?? 0);
        both.set(m, [...f, ...o].reduce((a, b) => a + b, 0) / Math.max(1, f.length + o.length));
        return [m];
      },
      both,
    );
  }
  const nodes: GraphNode[] = [
    ...factors.map((id, i) => ({ id, label: FACTORS.find((f) => f.id === id)?.label ?? id, column: 0 as const, y: (i + 0.5) / factors.length })),
    ...mechanisms.map((id, i) => ({ id, label: id, column: 1 as const, y: (i + 0.5) / mechanisms.length })),
    ...observables.map((id, i) => ({ id, label: id, column: 2 as const, y: (i + 0.5) / observables.length })),
  ];
  const edges = [
    ...FACTORS.flatMap((f) => f.mechanisms.map((m) => ({ from: f.id, to: m as string, mechanism: m }))),
    ...mechanismIds.flatMap((m) => MECHANISM_OUTPUTS[m].map((o) => ({ from: m as string, to: o as string, mechanism: m }))),
  ];
  return { nodes, edges };
}

/**
 * The model's causal graph drawn in three columns: the article's factors (left, by label), the
 * mechanisms they drive (middle, one colour each, Okabe–Ito) and the observables each mechanism
 * changes directly (right), with curved links (layout: {@link factorGraphLayout}). Built only
 * from the model's metadata, so it changes when the model does. Returns a standalone,
 * accessible SVG string whose `<desc>` lists every link in words; deterministic.
 *
 * @example
 * factorGraph(); // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="How the article's factors reach the model's outputs" …>…</svg>'
 */
export function factorGraph(options: FactorGraphOptions = {}): string {
  const document = chartDocument(options.document);
  const { nodes, edges } = factorGraphLayout();
  const byId = new Map(nodes.map((node) => [`${node.column}:${node.id}`, node]));
  const mechanismIds = Object.keys(MECHANISMS);
  const colour = (mechanism: string) => MECHANISM_COLORS[mechanismIds.indexOf(mechanism) % MECHANISM_COLORS.length] as string;
  const links = edges.map((edge) => {
    const fromFactor = byId.has(`0:${edge.from}`);
    const from = byId.get(`${fromFactor ? 0 : 1}:${edge.from}`) as GraphNode;
    const to = byId.get(`${fromFactor ? 1 : 2}:${edge.to}`) as GraphNode;
    return { x1: from.column, y1: from.y, x2: to.column, y2: to.y, mechanism: edge.mechanism, label: `${from.label} → ${to.label}` };
  });
  const rows = Math.max(...[0, 1, 2].map((c) => nodes.filter((n) => n.column === c).length));
  const width = options.width ?? 900;
  const column = (c: number) => nodes.filter((n) => n.column === c);
  const headers = [
    { x: 0, text: 'Factors (the article)', anchor: 'end' as const, dx: -10 },
    { x: 1, text: 'Mechanisms (model rules)', anchor: 'middle' as const, dx: 0 },
    { x: 2, text: 'Observables (outputs)', anchor: 'start' as const, dx: 10 },
  ];
  const svg = Plot.plot({
    document: document as never,
    width,
    height: 40 + rows * 25,
    marginLeft: 260, // the longest factor label ("Syrian operations tempo (SDF and others)", 11 px) needs about 240
    marginRight: 150,
    marginTop: 30,
    marginBottom: 10,
    style: { color: INK },
    x: { domain: [0, 2], axis: null },
    y: { domain: [0, 1], reverse: true, axis: null },
    marks: [
      Plot.link(links, {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        curve: 'bump-x',
        stroke: (d: { mechanism: string }) => colour(d.mechanism),
        strokeOpacity: 0.6,
        strokeWidth: 1.5,
        ariaLabel: (d: { label: string }) => d.label,
      }),
      Plot.dot(nodes, { x: 'column', y: 'y', r: 4, fill: (n: GraphNode) => (n.column === 1 ? colour(n.id) : INK), ariaLabel: (n: GraphNode) => `node ${n.id}` }),
      Plot.text(column(0), { x: 'column', y: 'y', text: 'label', textAnchor: 'end', dx: -10, fill: INK, fontSize: 11 }),
      Plot.text(column(1), {
        x: 'column',
        y: 'y',
        text: 'label',
        textAnchor: 'middle',
        dy: -11,
        fill: INK,
        fontSize: 11,
        fontWeight: 'bold',
        stroke: 'white',
        strokeWidth: 4,
        paintOrder: 'stroke',
      }),
      Plot.text(column(2), { x: 'column', y: 'y', text: 'label', textAnchor: 'start', dx: 10, fill: INK, fontSize: 11 }),
      ...headers.map((h) =>
        Plot.text([h], { x: 'x', frameAnchor: 'top', text: 'text', textAnchor: h.anchor, dx: h.dx, dy: -22, fill: '#555555', fontSize: 11, fontStyle: 'italic' }),
      ),
    ],
  }) as unknown as ChartNode;
  const described = FACTORS.map((f) => `${f.label} drives ${f.mechanisms.join(', ')}.`)
    .concat((Object.keys(MECHANISM_OUTPUTS) as MechanismId[]).map((m) => `${m} changes ${MECHANISM_OUTPUTS[m].join(', ')}.`))
    .join(' ');
  return frameChart(svg, document, {
    title: options.title ?? "How the article's factors reach the model's outputs",
    subtitle: 'Each factor acts through the mechanisms it drives; each mechanism changes these observables directly.',
    description: described,
  });
}
