// Escaping user text for Markdown, so that a note full of pipes, backticks, HTML and newlines
// renders as the plain text it is.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Inline text: one line, Markdown and HTML metacharacters escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/&(?!lt;|gt;)/g, '&amp;')
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.')
    .trim();
}
