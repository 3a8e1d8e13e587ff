import { DOMParser } from 'linkedom';
import { simulate, type EnsembleSummary } from '../../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../../src/scenario/shippedScenarios.js';

/** The parts of a parsed element the tests read. */
export interface ParsedElement {
  readonly textContent: string | null;
  readonly parentNode: ParsedElement | null;
  getAttribute(name: string): string | null;
}

/** The parts of a parsed document the tests read. */
export interface ParsedSvg {
  querySelector(selector: string): ParsedElement | null;
  querySelectorAll(selector: string): ArrayLike<ParsedElement> & Iterable<ParsedElement>;
}

/** Parses an SVG string as XML; a malformed SVG has no <svg> root and fails the callers' checks. */
export function parseSvg(svg: string): ParsedSvg {
  return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as ParsedSvg;
}

/** Decodes the five predefined XML entities (linkedom's XML parser leaves them in attribute values). */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] as string);
}

/** The elements of a chart with exactly this aria-label. */
export function labelled(svg: string, selector: string, label: string): { getAttribute(name: string): string | null }[] {
  return [...parseSvg(svg).querySelectorAll(`${selector}[aria-label]`)].filter((node) => decodeXml(node.getAttribute('aria-label') ?? '') === label);
}

/** The (x, y) points of an SVG path made of M/L/H/V commands with absolute coordinates. */
export function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const numbers = (args ?? '').split(/[ ,]+/).filter((s) => s !== '').map(Number);
    const last = points[points.length - 1] ?? [0, 0];
    if (command === 'M' || command === 'L') for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i] as number, numbers[i + 1] as number]);
    else if (command === 'H') points.push([numbers[0] as number, last[1]]);
    else if (command === 'V') points.push([last[0], numbers[0] as number]);
  }
  return points;
}

const cache = new Map<string, EnsembleSummary>();

/** A small fixed-seed ensemble of a shipped scenario (50 runs, seed 1, inputs fixed: `uncertainty: 'none'`), computed once per test file. */
export function smallEnsemble(name: string): EnsembleSummary {
  let summary = cache.get(name);
  if (!summary) {
    summary = simulate(SHIPPED_SCENARIOS[name], { runs: 50, seed: 1, uncertainty: 'none' }).summary;
    cache.set(name, summary);
  }
  return summary;
}
