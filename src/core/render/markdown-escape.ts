// Escaping user text for Markdown, structurally: whatever a note, subject or evidence holds,
// it renders as the plain text it is, on whatever line the report's wrapping puts each word.
//
// - one line: line breaks and tabs become spaces, other control characters and bidi overrides go;
// - no raw HTML: < and > become entities, & is written &amp;;
// - every inline metacharacter (` * _ [ ] ( ) # + ! | ~ \ { }) is escaped wherever it stands;
// - no word can start a block on a line of its own: a leading - = or "12." is escaped too
//   (list, setext underline, thematic break; the rest are escaped everywhere: heading #, quote >,
//   fence ` ~, table |, HTML <), and runs of spaces are one space (no indented code);
// - only http(s) URLs become links, written out explicitly; www. addresses, e-mail addresses
//   and other schemes (ftp:, javascript:) stay text that no GFM renderer links.
// Linear: a few regular-expression passes that cannot backtrack.

import { CONTROLS } from '../text/controls.js';

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Text with every character that means something in Markdown escaped; no links made. */
function escapeChars(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]()#+!|~@<>&]/g, (c) => ENTITIES[c] ?? `\\${c}`)
      // a scheme's "://" and "www." are what GFM's autolinks look for
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(www)\./gi, '$1\\.')
      // what would start a list, setext heading or thematic break at the start of a line
      .replace(/(^| )([-=])/g, '$1\\$2')
      .replace(/(^| )(\d+)\.(?= |$)/g, '$1$2\\.')
  );
}

/** One line: controls removed, line breaks, tabs and runs of spaces made one space, trimmed. */
function oneLine(text: string): string {
  return text
    .replace(/\r\n?|[\n\t\f\v\u2028\u2029]/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// an http(s) URL up to a space or a character that cannot be part of it; trailing punctuation
// (a full stop after the URL) is left out of it
const URL = /\bhttps?:\/\/[^\s<>"`\\|]*[^\s<>"`\\|.,:;!?'*_~)\]]/gi;

/** The destination of an explicit link: what could end or break it is escaped. */
function linkDestination(url: string): string {
  return url.replace(/[()]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/** Inline text: one line, Markdown and HTML metacharacters escaped, http(s) URLs as links. */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL)) {
    const url = match[0];
    out += escapeChars(line.slice(last, match.index));
    out += `[${escapeChars(url)}](${linkDestination(url)})`;
    last = match.index + url.length;
  }
  return out + escapeChars(line.slice(last));
}

/**
 * Escaped text of at most `room` characters: a longer text is cut (before escaping, so that no
 * escape is cut in half) and ends with "…". Linear: escaping never shortens the one-line text,
 * so at most `room` of its characters are tried, and only `room` times.
 */
export function escapeMarkdownShort(text: string, room: number): string {
  const line = oneLine(text);
  const escaped = escapeChars(line);
  if (escaped.length <= room) return escaped;
  let cut = line.slice(0, Math.max(0, room - 1));
  while (cut.length > 0 && escapeChars(cut.trimEnd()).length + 1 > room) cut = cut.slice(0, -1);
  return `${escapeChars(cut.trimEnd())}…`;
}
