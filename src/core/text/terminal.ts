// Text from inputs on its way to a terminal: control characters (so every escape sequence:
// CSI, OSC, DCS, their C1 forms) and bidi controls are made visible, so that a subject,
// note or key cannot retitle the window, clear the screen, fake a link or reverse a line; and
// as a terminal's text often ends up in a CI log, the start of a CI runner's command is shown
// too. Linear: a few regular-expression passes over the text, no backtracking.

import { withoutCiCommands } from './controls.js';

export interface TerminalOptions {
  /**
   * Keep line breaks (and tabs) as they are: for multi-line output. Off by default: one line,
   * where a line break is shown as `\n`.
   */
  multiline?: boolean;
}

// Controls (C0 but tab and line feed, DEL, C1), and the invisible marks that reorder text.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** How an unsafe character is shown: `\u{1b}`, and `\n`, `\t`, `\r` by their usual names. */
function visible(c: string): string {
  return NAMES[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

const LINE_BREAKS = /[\n\t]/g;

/** The start of a CI command shown as `\u{3a}` (a colon) or `\u{23}` (a hash): not obeyed. */
export function shownCiCommands(text: string): string {
  return withoutCiCommands(text, '\\u{3a}', '\\u{23}');
}

/**
 * Text safe to print: every control character (so the ESC or C1 CSI that starts an escape
 * sequence: `ESC[2J` shows as `\u{1b}[2J`, harmless) and bidi mark shown as `\u{…}`; printable
 * text is returned unchanged, but for what would start a CI runner's command: `::` at the start
 * of a line and `##[` show as `\u{3a}:` and `#\u{23}[`. With `multiline`, line feeds and tabs
 * stay; else they show as `\n`, `\t`.
 */
export function safeForTerminal(text: string, options: TerminalOptions = {}): string {
  const out = shownCiCommands(text.replace(UNSAFE, visible));
  return options.multiline === true ? out : out.replace(LINE_BREAKS, visible);
}

/** One line of text, safe to print: line breaks and tabs made visible too. */
export function safeLine(text: string): string {
  return safeForTerminal(text);
}

/**
 * Input quoted in a message, at most `max` characters: a longer text is cut once and says how
 * long it was, e.g. "overbuying-adv…(1,048,576 characters)". A surrogate pair is never split.
 */
export function shorten(text: string, max = 80): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…(${groupDigits(text.length)} characters)`;
}

/** 1048576 -> "1,048,576", the same in every locale. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
