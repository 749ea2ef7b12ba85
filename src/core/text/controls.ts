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

// what JSON.stringify leaves raw: DEL, C1, bidi controls (it escapes C0 itself)
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Pretty JSON with a final newline, in which no control or bidi character stands raw: each is
 * written as its `\u` escape, the same data for any JSON reader, and harmless on a terminal.
 * (They can only occur inside strings, where the escape means the same character.)
 */
export function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

/**
 * For XML and HTML: a line of the text that would start with `::` (a GitHub Actions workflow
 * command, should the file be printed in a CI log) starts with the character reference `&#58;`
 * instead: the same colon to any reader of the markup. Call after escaping `&`.
 */
export function noWorkflowCommands(escaped: string): string {
  return escaped.replace(/(^|\n)([ \t]*)::/g, '$1$2&#58;:');
}
