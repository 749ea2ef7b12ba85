// Text for a terminal, wrapped at word boundaries to its width with a hanging indent: a line
// that goes on is indented under the text it continues, and a word is split only when it is
// longer than a whole line. Widths are a terminal's columns, measured by a maintained library
// (fast-string-truncated-width): a CJK character and an emoji take two, a combining mark none,
// colour codes none. A split falls between user-perceived characters (Intl.Segmenter): never
// inside an emoji sequence or between a letter and its accent.
import measure from 'fast-string-truncated-width';

/** How many columns `text` takes on a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  return measure(text).width;
}

// SGR colour sequences (chalk's): no width, and never cut
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

let segmenter: Intl.Segmenter | undefined;

/**
 * The user-perceived characters of `text` (an emoji sequence, a letter with its accents: one
 * each). The segmenter is made on first use: making one costs milliseconds, and most runs never
 * cut a word.
 */
function characters(text: string): Iterable<Intl.SegmentData> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * How much of `text` (in UTF-16 units) fits in `columns`: whole characters and emoji sequences
 * only, a colour code along with the text before it.
 */
function fitting(text: string, columns: number): number {
  if (displayWidth(text) <= columns) return text.length;
  let used = 0;
  let at = 0;
  for (const part of text.split(new RegExp(`(${COLOUR.source})`))) {
    if (part.startsWith('\u001b[')) {
      at += part.length;
      continue;
    }
    for (const { segment } of characters(part)) {
      const w = displayWidth(segment);
      if (used + w > columns) return at;
      used += w;
      at += segment.length;
    }
  }
  return at;
}

/** The default width when a stream does not say: 80 columns. */
export function terminalWidth(columns: number | undefined): number {
  return columns !== undefined && Number.isFinite(columns) && columns > 0
    ? Math.floor(columns)
    : 80;
}

export interface WrapOptions {
  /** Before the first line. */
  indent?: string;
  /** Before every following line; by default as wide as the first line's marker ("✗ ", "1. "). */
  hang?: string;
}

// a marker at the start of a line that continuation lines are indented under
const MARKER = /^(\s*(?:[✓✗•·–-]|\d+\.|\?)\s+)/u;

/**
 * `text` as lines of at most `width` columns, broken at spaces; every line of `text` is wrapped
 * on its own. On a very narrow terminal the hanging indent shrinks so that words still fit.
 */
export function wrap(text: string, width: number, options: WrapOptions = {}): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) out.push(...wrapLine(line, width, options));
  return out;
}

function wrapLine(line: string, width: number, options: WrapOptions): string[] {
  const indent = options.indent ?? '';
  const plain = line.replace(COLOUR, '');
  let hang = options.hang ?? indent + ' '.repeat(displayWidth(MARKER.exec(plain)?.[1] ?? ''));
  // a hanging indent never takes more than a third of the line
  if (displayWidth(hang) > Math.floor(width / 3)) hang = hang.slice(0, Math.floor(width / 3));
  const lines: string[] = [];
  let current = indent;
  let currentWidth = displayWidth(indent);
  let empty = true;
  const flush = () => {
    lines.push(current.trimEnd());
    current = hang;
    currentWidth = displayWidth(hang);
    empty = true;
  };
  // spaces between words are kept as they are (columns line up), except at a break
  const tokens = line.split(/( +)/);
  let gap = '';
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k % 2 === 1) {
      gap = token;
      continue;
    }
    if (token === '') continue;
    // the leading spaces of a line stay
    const sep = empty ? (lines.length === 0 ? gap : '') : gap;
    let rest = token;
    let w = displayWidth(rest);
    if (!empty && currentWidth + sep.length + w > width) flush();
    let before = empty ? (lines.length === 0 ? gap : '') : gap;
    // a word longer than a whole line is split; its last piece goes on like any word
    while (currentWidth + before.length + w > width && w > width - displayWidth(hang)) {
      const room = Math.max(1, width - currentWidth - before.length);
      const [head, tail] = splitAt(rest, room);
      rest = tail;
      w = displayWidth(rest);
      if (rest === '') {
        rest = head;
        w = displayWidth(head);
        break;
      }
      current += before + head;
      empty = false;
      flush();
      before = '';
    }
    current += before + rest;
    currentWidth += before.length + w;
    empty = false;
  }
  lines.push(current.trimEnd());
  return lines;
}

/**
 * The first `columns` columns of `text` and the rest, never cutting a character or an emoji
 * sequence (at least one is taken, even when it is wider than `columns`).
 */
function splitAt(text: string, columns: number): [string, string] {
  let at = fitting(text, columns);
  // a character wider than the room (a CJK character in one column) goes whole
  if (at === 0) at = [...characters(text)][0]?.segment.length ?? text.length;
  return [text.slice(0, at), text.slice(at)];
}

/** A text of at most `max` columns, cut at a word boundary with "…". */
export function shortenWords(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const cut = text.slice(0, fitting(text, max - 1));
  // the cut falls at the end of a word: keep it
  const space = text[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  const words = space > 0 && displayWidth(cut.slice(0, space)) > max / 2;
  return `${(words ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
