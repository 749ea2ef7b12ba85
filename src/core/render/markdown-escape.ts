// Escaping user text for Markdown, structurally: whatever a note, subject or evidence holds,
// it renders as the plain text it is. People read the Markdown source too (a git diff, a
// terminal, `| less`), so only what Markdown would misread is escaped; `Bakker & Zn (NL)` stays
// as it is written.
//
// - one line: line breaks and tabs become spaces, other control characters and bidi overrides go;
// - no raw HTML: `<` is escaped only where it could start a tag, comment or autolink (before a
//   letter, / ! or ?; an e-mail autolink cannot form, as its @ is escaped), `&` only where it
//   would start a character reference (`&amp;`, `&#60;`, also at the end of the text, where a
//   `;` may follow);
// - no inline markup: ` * ~ [ ] | are escaped wherever they stand, `_` unless it stands between
//   letters or digits (where it cannot emphasise), `\` before punctuation (or at the end);
// - no block from user text, should it start a line: a leading # > - + = : or "12." is escaped,
//   as is a closing `#` run at its end (a heading would drop it);
// - only http(s) URLs become links, written out explicitly; www. addresses, e-mail addresses
//   (and @mentions) and other schemes (ftp:, javascript:) stay text that no GFM renderer links;
// - no CI runner command if the Markdown is printed in a CI log: `[` is always escaped, so no
//   `##[`, and a leading `::` is escaped.
// Linear: a few regular-expression passes that cannot backtrack.

import { CONTROLS } from '../text/controls.js';

// a character reference: a name (the longest HTML one has 31 letters), a decimal or a hex number,
// ended by `;` or by the end of the text (where the Markdown around it may put one)
const ENTITY = /&(?=(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})(?:;|$))/g;

/** Text with what Markdown would misread escaped; no links made. */
function escapeChars(text: string): string {
  return (
    text
      .replace(ENTITY, '&amp;')
      // a backslash escapes the punctuation after it, and the text may be followed by some
      .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
      .replace(/[`*~[\]|]/g, '\\$&')
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // a scheme's "://", "www." and e-mail addresses or mentions are what GFM's autolinks and
      // GitHub's mentions look for
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(www)\./gi, '$1\\.')
      .replace(/@(?=[A-Za-z0-9_-])/g, '\\@')
      // what would start a block if the text started a line: a heading, quote, list, setext
      // underline, thematic break, or a CI runner's command
      .replace(/^(?:#{1,6}(?= |$)|>|[-=](?=[-= ]|$)|\+(?= |$)|::)/, '\\$&')
      .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
      // a heading's closing sequence, which a renderer would drop
      .replace(/(^| )(#+)$/, '$1\\$2')
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
  return url.replace(/[()]/g, (c) => `\\${c}`).replace(ENTITY, '&amp;');
}

/**
 * Escaped text that an explicit link follows: a last `!` would make the link an image, a last
 * `#` a CI runner's `##[`; escaped unless a backslash escapes it already.
 */
function beforeLink(escaped: string): string {
  const last = escaped.at(-1);
  if (last !== '!' && last !== '#') return escaped;
  let backslashes = 0;
  for (let i = escaped.length - 2; i >= 0 && escaped[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1 ? escaped : `${escaped.slice(0, -1)}\\${last}`;
}

/** Inline text: one line, what Markdown would misread escaped, http(s) URLs as links. */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL)) {
    const url = match[0];
    out += beforeLink(escapeChars(line.slice(last, match.index)));
    // parentheses in a link's text are escaped too: marked would not see the link otherwise
    out += `[${escapeChars(url).replace(/[()]/g, '\\$&')}](${linkDestination(url)})`;
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
