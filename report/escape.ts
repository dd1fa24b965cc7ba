/**
 * Escaping for the HTML report. Everything that comes from a draft (paths, evidence excerpts,
 * finding messages) and from a user's rule pack (titles, ids) passes through here, because the
 * report is opened from file shares and e-mail attachments, where a `<script>` in a draft must
 * stay text.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for element content and for quoted attribute values alike: one function for both
 * so that a caller can never pick the weaker one by mistake.
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A fragment identifier made from an id that a user's pack may spell with any characters. It
 * only keeps characters that are safe unquoted in CSS selectors and URLs, so anchors work in
 * every browser; the ids of the built-in pack (kebab-case) come through unchanged.
 */
export function anchorId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)).join('--');
}
