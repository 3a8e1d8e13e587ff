import { INK } from './palette.js';
import { SVG_NAMESPACE, type ChartDocument, type ChartNode } from './chartDocument.js';

/** One entry of a chart's legend. */
export interface LegendItem {
  readonly label: string;
  /** How the swatch is drawn: a filled band, a line (optionally dashed) or a dot. */
  readonly kind: 'band' | 'line' | 'dot' | 'rule';
  readonly color: string;
  /** Fill opacity of a band swatch. Default 1. */
  readonly opacity?: number;
  /** Dash pattern of a line swatch (`'6,3'`). Default solid. */
  readonly dash?: string;
  /** Draw a line swatch thin (as for band edges). Default false. */
  readonly thin?: boolean;
}

/** What {@link frameChart} adds around a rendered plot. */
export interface ChartFrame {
  /** The chart's title, drawn at the top and used as its accessible name. */
  readonly title: string;
  /** A smaller line under the title (units, what the bands are). Default none. */
  readonly subtitle?: string;
  /** A sentence or two saying what the chart shows, for screen readers (`<desc>`). */
  readonly description: string;
  /** Legend entries, drawn in a row under the subtitle. Default none. */
  readonly legend?: readonly LegendItem[];
}

const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 11;
const LEGEND_SIZE = 11;
/**
 * Average advance of a character as a share of the font size, for laying out legend entries
 * without measuring text: 0.6 em is DejaVu Sans's mean advance over Latin text (wider than
 * Helvetica's ≈0.55 em), so entries never overlap with the fonts the PNGs use.
 */
const CHAR_WIDTH = 0.6;

/**
 * Splits `value` into lines of at most `maxChars` characters at spaces (a word longer than the
 * line stands alone). Greedy, as text layout without font metrics can only be.
 *
 * Cost: O(length).
 *
 * @example
 * wrapText('run-to-run randomness + parameters', 20); // ['run-to-run', 'randomness +', 'parameters']
 */
export function wrapText(value: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Escapes text for XML character data and attribute values (XML 1.0, §2.4 and §3.3.3). */
function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escapes `&`, `<` and `>` inside the quoted attribute values of serialised markup, leaving
 * existing character references alone: linkedom (and HTML serialisers, per the HTML standard's
 * "serializing HTML fragments") leave them raw, which is not well-formed XML, so a label with
 * `&` or `<` would break a standalone SVG file. Text outside tags is not touched.
 */
function escapeAttributeValues(markup: string): string {
  let out = '';
  let inTag = false;
  let quote = '';
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i] as string;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '<') {
        out += '&lt;';
        continue;
      } else if (c === '>') {
        out += '&gt;';
        continue;
      } else if (c === '&' && !/^&(?:[a-zA-Z]+|#\d+|#x[\da-fA-F]+);/.test(markup.slice(i, i + 12))) {
        out += '&amp;';
        continue;
      }
    } else if (inTag) {
      if (c === '"' || c === "'") quote = c;
      else if (c === '>') inTag = false;
    } else if (c === '<') inTag = true;
    out += c;
  }
  return out;
}

function element(document: ChartDocument, name: string, attributes: Record<string, string | number>): ChartNode {
  const node = document.createElementNS(SVG_NAMESPACE, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function text(document: ChartDocument, content: string, attributes: Record<string, string | number>): ChartNode {
  const node = element(document, 'text', attributes);
  node.textContent = content;
  return node;
}

function swatch(document: ChartDocument, item: LegendItem, x: number, y: number): ChartNode {
  switch (item.kind) {
    case 'band':
      return element(document, 'rect', { x, y: y - 6, width: 18, height: 10, fill: item.color, 'fill-opacity': item.opacity ?? 1 });
    case 'dot':
      return element(document, 'circle', { cx: x + 9, cy: y - 1, r: 3.5, fill: item.color, stroke: 'white', 'stroke-width': 1 });
    case 'rule':
      return element(document, 'path', { d: `M${x + 9},${y - 7}V${y + 5}`, stroke: item.color, 'stroke-width': 1.5 });
    case 'line':
      return element(document, 'path', {
        d: `M${x},${y - 1}H${x + 18}`,
        stroke: item.color,
        'stroke-width': item.thin ? 1 : 2.5,
        ...(item.dash && item.dash !== 'none' ? { 'stroke-dasharray': item.dash } : {}),
      });
  }
}

/**
 * Turns an SVG element rendered by Observable Plot into a standalone, accessible SVG string:
 * moves the plot down to make room for a title, a subtitle and a legend row drawn inside the
 * SVG (Plot would put them in an HTML `<figure>`, which neither an SVG file nor resvg can
 * show), adds `<title>` and `<desc>` (the accessible name and description, per the SVG
 * Accessibility API Mappings, W3C 2018, §5.2), `role="img"`, an `aria-label`, and the SVG
 * namespace. Mutates and serialises `svg`.
 *
 * @example
 * frameChart(Plot.plot({ document, marks: [Plot.lineY([1, 2])] }), document, { title: 'Rising', description: 'A line from 1 to 2.' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Rising" …><title>Rising</title><desc>A line from 1 to 2.</desc>…</svg>'
 */
export function frameChart(svg: ChartNode, document: ChartDocument, frame: ChartFrame): string {
  const width = Number(svg.getAttribute('width'));
  const plotHeight = Number(svg.getAttribute('height'));
  const legend = frame.legend ?? [];
  let top = 10 + TITLE_SIZE;
  const header: ChartNode[] = [
    text(document, frame.title, { x: 10, y: top, 'font-size': TITLE_SIZE, 'font-weight': 'bold', fill: INK, 'text-anchor': 'start' }),
  ];
  if (frame.subtitle) {
    // Wrapped to the chart's width: what a band includes is said at the end of the line, so a
    // clipped subtitle would hide exactly the words that matter.
    for (const line of wrapText(frame.subtitle, Math.floor((width - 20) / (SUBTITLE_SIZE * CHAR_WIDTH)))) {
      top += SUBTITLE_SIZE + 7;
      header.push(text(document, line, { x: 10, y: top, 'font-size': SUBTITLE_SIZE, fill: '#555555', 'text-anchor': 'start' }));
    }
  }
  if (legend.length > 0) {
    top += LEGEND_SIZE + 10;
    let x = 10;
    for (const item of legend) {
      const itemWidth = 24 + item.label.length * LEGEND_SIZE * CHAR_WIDTH + 14;
      if (x > 10 && x + itemWidth > width - 10) {
        x = 10;
        top += LEGEND_SIZE + 8;
      }
      const group = element(document, 'g', { 'aria-label': `legend: ${item.label}` });
      group.appendChild(swatch(document, item, x, top));
      group.appendChild(text(document, item.label, { x: x + 24, y: top + 3, 'font-size': LEGEND_SIZE, fill: INK, 'text-anchor': 'start' }));
      header.push(group);
      x += itemWidth;
    }
  }
  const offset = top + 8;

  const body = element(document, 'g', { transform: `translate(0,${offset})` });
  const children = Array.from(svg.childNodes);
  for (const child of children) if (child.nodeName.toLowerCase() !== 'style') body.appendChild(child);
  const height = plotHeight + offset;
  svg.setAttribute('xmlns', SVG_NAMESPACE);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', frame.title);
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.appendChild(element(document, 'rect', { x: 0, y: 0, width, height, fill: 'white', 'aria-hidden': 'true' }));
  const headerGroup = element(document, 'g', { 'aria-label': 'title and legend' });
  for (const node of header) headerGroup.appendChild(node);
  svg.appendChild(headerGroup);
  svg.appendChild(body);
  // <title> and <desc> are spliced into the serialised string rather than added as nodes:
  // linkedom serialises a <title>'s text unescaped (it treats it as HTML's raw-text <title>).
  const markup = escapeAttributeValues(svg.outerHTML);
  const openEnd = markup.indexOf('>') + 1;
  return `${markup.slice(0, openEnd)}<title>${escapeXml(frame.title)}</title><desc>${escapeXml(frame.description)}</desc>${markup.slice(openEnd)}`;
}
