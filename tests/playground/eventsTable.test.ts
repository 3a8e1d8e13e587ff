import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { escapeHtml, eventsTable } from '../../playground/eventsTable.js';

describe('escapeHtml', () => {
  it('escapeHtml escapes the characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`a < b & "c" 'd' >`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;');
  });
});

describe('eventsTable', () => {
  // 40 runs: only the table's shape and its numbers' provenance are checked, not their values.
  const worst = simulate(SHIPPED_SCENARIOS['worst-case'], { runs: 40, seed: 3 }).summary;
  const baseline = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 40, seed: 3 }).summary;

  it('eventsTable shows each event with its probability and Wilson interval, beside the baseline', () => {
    const html = eventsTable(worst, baseline);
    expect(html).toContain('<th>baseline</th>');
    for (const [id, event] of Object.entries(worst.events)) {
      expect(html).toContain(`data-event="${id}"`);
      expect(html).toContain(`<strong>${event.probability.toFixed(3)}</strong>`);
      expect(html).toContain(`[${event.ci95[0].toFixed(3)}, ${event.ci95[1].toFixed(3)}]`);
    }
    expect(html.match(/data-probability=/g)).toHaveLength(2 * Object.keys(worst.events).length);
  });

  it('eventsTable without a baseline has one column of numbers', () => {
    const html = eventsTable(worst);
    expect(html).not.toContain('<th>baseline</th>');
    expect(html.match(/data-probability=/g)).toHaveLength(Object.keys(worst.events).length);
  });
});
