// Characters no report format should pass on from an input: control characters (C0 but tab and
// line breaks, DEL, C1: so the ESC or C1 CSI that starts a terminal escape sequence) and the bidi
// embeddings, overrides and isolates that make a line read otherwise than it is written. Each
// renderer removes them on its way out, whatever else its format escapes: a questionnaire's or
// a baseline report's text can reach a terminal, a CI log or a test viewer through any of them.

export const CONTROLS =
  // eslint-disable-next-line no-control-regex -- control characters are what it matches
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters and bidi controls; tabs and line breaks stay. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

// what JSON.stringify leaves raw: DEL, C1, bidi controls (it escapes C0 itself); and `##[`,
// which GitHub Actions reads anywhere in a log line as the start of an old-style command
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]|##\[/g;

/**
 * Pretty JSON with a final newline, in which no control or bidi character stands raw: each is
 * written as its `\u` escape, the same data for any JSON reader, and harmless on a terminal.
 * `##[` is written `#\u0023[`, so that the JSON printed in a CI log gives the runner no command
 * (a line of it cannot start with `::`: a line break in a string is written `\n`). They can
 * only occur inside strings, where the escape means the same characters.
 */
export function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) =>
    c === '##[' ? '#\\u0023[' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

// GitHub Actions reads a log line that starts with `::` (after white space) as a workflow
// command, and `##[` anywhere in a line as an old-style one. The leading white space stops at a
// line feed, so that a run of blank lines is not searched again from each of them.
const CI_COMMAND = /^([^\S\n]*)::|##\[/gm;

/**
 * The text with the start of every CI runner command written otherwise, so that the runner
 * obeys none: the first colon of a line-start `::` as `colon`, the second hash of `##[` as
 * `hash` (`\u{3a}` and `\u{23}` on a terminal, character references in markup).
 */
export function withoutCiCommands(text: string, colon: string, hash: string): string {
  return text.replace(CI_COMMAND, (_m, space: string | undefined) =>
    space === undefined ? `#${hash}[` : `${space}${colon}:`,
  );
}

/**
 * Text for XML or HTML, content or quoted attribute: controls and bidi overrides removed, line
 * breaks as line feeds, `& < > " '` as the format's `entities`, and the start of a CI runner's
 * command as a character reference (`&#58;:`, `#&#35;[`), should the file be printed in a CI
 * log: the same characters to any reader of the markup.
 */
export function escapeMarkup(text: string, entities: Readonly<Record<string, string>>): string {
  const escaped = withoutControls(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>"']/g, (c) => entities[c]!);
  return withoutCiCommands(escaped, '&#58;', '&#35;');
}
