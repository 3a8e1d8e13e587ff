import { parseHTML } from 'linkedom';

/**
 * The few DOM node methods the charts use after Plot has rendered: enough for a browser element
 * or a linkedom one (the library compiles without the DOM lib, so it names only what it needs).
 */
export interface ChartNode {
  readonly nodeName: string;
  readonly childNodes: ArrayLike<ChartNode>;
  readonly firstChild: ChartNode | null;
  readonly outerHTML: string;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  appendChild(node: ChartNode): ChartNode;
  insertBefore(node: ChartNode, before: ChartNode | null): ChartNode;
}

/** A document the charts can render into: a browser `document` or a linkedom one. */
export interface ChartDocument {
  createElementNS(namespace: string, name: string): ChartNode;
}

let defaultDocument: ChartDocument | undefined;

/**
 * The document charts render into when none is given: a linkedom document (a DOM without a
 * browser), created on first use and shared afterwards. In a browser pass `window.document`
 * instead through each chart's `document` option.
 *
 * @example
 * chartDocument().createElementNS('http://www.w3.org/2000/svg', 'g').nodeName; // 'g'
 */
export function chartDocument(given?: ChartDocument): ChartDocument {
  if (given) return given;
  defaultDocument ??= parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as ChartDocument;
  return defaultDocument;
}

/** The SVG namespace, which standalone SVG files (and resvg) need on the root element. */
export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
