import { describe, expect, it } from 'vitest';
import { FACTORS } from '../../../src/model/factors.js';
import { MECHANISMS } from '../../../src/model/mechanisms.js';
import { OBSERVABLE_IDS } from '../../../src/model/observables.js';
import { factorGraph, factorGraphLayout } from '../../../src/report/charts/factorGraph.js';
import { MECHANISM_OUTPUTS } from '../../../src/report/charts/mechanismOutputs.js';
import { decodeXml, parseSvg } from './svgTestHelpers.js';

/** Edge crossings between two adjacent columns: pairs of edges whose ends are in opposite order. */
function crossings(edges: { a: number; b: number }[]): number {
  let count = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const e = edges[i] as { a: number; b: number };
      const f = edges[j] as { a: number; b: number };
      if ((e.a - f.a) * (e.b - f.b) < 0) count++;
    }
  return count;
}

function totalCrossings(position: (column: number, id: string) => number): number {
  const left = FACTORS.flatMap((f) => f.mechanisms.map((m) => ({ a: position(0, f.id), b: position(1, m) })));
  const right = Object.entries(MECHANISM_OUTPUTS).flatMap(([m, outputs]) => outputs.map((o) => ({ a: position(1, m), b: position(2, o) })));
  return crossings(left) + crossings(right);
}

describe('factorGraph', () => {
  it('factorGraph matches its file snapshot', async () => {
    await expect(factorGraph()).toMatchFileSnapshot('./__snapshots__/factor-graph.svg');
  });

  it('factorGraph names every factor, mechanism and observable, and draws one link per metadata edge', () => {
    const svg = factorGraph();
    const texts = [...parseSvg(svg).querySelectorAll('text')].map((t) => decodeXml(t.textContent ?? ''));
    for (const factor of FACTORS) expect(texts, factor.id).toContain(factor.label);
    for (const mechanism of Object.keys(MECHANISMS)) expect(texts).toContain(mechanism);
    for (const observable of OBSERVABLE_IDS) expect(texts).toContain(observable);
    const expectedLinks = FACTORS.reduce((n, f) => n + f.mechanisms.length, 0) + Object.values(MECHANISM_OUTPUTS).reduce((n, o) => n + o.length, 0);
    expect(parseSvg(svg).querySelectorAll('g[aria-label="link"] path')).toHaveLength(expectedLinks);
  });

  it('factorGraphLayout puts factors, mechanisms and observables in three columns, each spread over [0, 1]', () => {
    const { nodes } = factorGraphLayout();
    expect(nodes.filter((n) => n.column === 0).map((n) => n.id).sort()).toEqual(FACTORS.map((f) => f.id).sort());
    expect(nodes.filter((n) => n.column === 1).map((n) => n.id).sort()).toEqual(Object.keys(MECHANISMS).sort());
    expect(nodes.filter((n) => n.column === 2).map((n) => n.id).sort()).toEqual([...OBSERVABLE_IDS].sort());
    for (const node of nodes) expect(node.y).toBeGreaterThan(0), expect(node.y).toBeLessThan(1);
  });

  it('factorGraphLayout has fewer edge crossings than the registries\' own order (the barycentre ordering works)', () => {
    const { nodes } = factorGraphLayout();
    const laid = new Map(nodes.map((n) => [`${n.column}:${n.id}`, n.y]));
    const registryOrder = [FACTORS.map((f) => f.id), Object.keys(MECHANISMS), [...OBSERVABLE_IDS]];
    const naive = totalCrossings((column, id) => (registryOrder[column] as string[]).indexOf(id));
    const ordered = totalCrossings((column, id) => laid.get(`${column}:${id}`) as number);
    expect(ordered).toBeLessThan(naive);
  });
});
