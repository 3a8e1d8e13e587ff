/**
 * Escapes text for HTML content and double- or single-quoted attribute values: `&`, `<`, `>`,
 * `"` and `'` become character references (HTML Living Standard, §13.1.4 "Character references";
 * OWASP XSS Prevention Cheat Sheet, rule 1). Cost: O(length).
 *
 * @example
 * escapeHtml('<b>"ISIS" & co</b>'); // '&lt;b&gt;&quot;ISIS&quot; &amp; co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
