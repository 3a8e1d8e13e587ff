import type { EnsembleSummary } from '../src/experiment/simulate.js';

/**
 * Escapes text for HTML (the five characters of the HTML spec's "escaping a string" that matter
 * in text and attribute values).
 *
 * @example
 * escapeHtml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function probabilityCell(summary: EnsembleSummary, id: string): string {
  const event = summary.events[id];
  if (event === undefined) return '<td>–</td>';
  const [low, high] = event.ci95;
  const when = event.medianMonth === null ? 'not reached by half the runs' : `median month ${event.medianMonth} (${summary.months[event.medianMonth] ?? '?'})`;
  return (
    `<td data-probability="${event.probability}"><strong>${event.probability.toFixed(3)}</strong> ` +
    `<span class="ci">[${low.toFixed(3)}, ${high.toFixed(3)}]</span><br><span class="when">${escapeHtml(when)}</span></td>`
  );
}

/**
 * An HTML table of the named events: each event's probability within the horizon with its
 * Wilson 95% interval (Wilson 1927, JASA 22:209) and its Kaplan–Meier median month of first
 * occurrence, for the playground's scenario and, when given, the baseline beside it.
 *
 * @example
 * eventsTable(summary, baseline);
 * // '<table class="events"><thead><tr><th>event</th><th>this scenario</th><th>baseline</th></tr></thead>…'
 */
export function eventsTable(summary: EnsembleSummary, baseline?: EnsembleSummary): string {
  const head = `<tr><th>event</th><th>this scenario</th>${baseline ? '<th>baseline</th>' : ''}</tr>`;
  const rows = Object.entries(summary.events).map(
    ([id, event]) =>
      `<tr data-event="${escapeHtml(id)}"><th scope="row"><code>${escapeHtml(id)}</code><br><span class="meaning">${escapeHtml(event.description)}</span></th>` +
      probabilityCell(summary, id) +
      (baseline ? probabilityCell(baseline, id) : '') +
      '</tr>',
  );
  return `<table class="events"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
