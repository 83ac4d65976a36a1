/** Escaping for the HTML report: every string from an article is hostile until escaped. */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escapes Markdown's active characters so article text cannot inject links, HTML or formatting. */
export function escapeMarkdown(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
