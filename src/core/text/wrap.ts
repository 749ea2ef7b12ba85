// Text for a terminal, wrapped at word boundaries to its width with a hanging indent: a line
// that goes on is indented under the text it continues, and a word is split only when it is
// longer than a whole line. Colour codes take no room.

// SGR colour sequences (chalk's), measured as zero width
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

/** How many columns `text` takes: code points, colour codes not counted. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const _ of text.replace(COLOUR, '')) n++;
  return n;
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
    // a word longer than a whole line is split
    while (currentWidth + before.length + w > width && w > width - displayWidth(hang)) {
      const room = Math.max(1, width - currentWidth - before.length);
      const [head, tail] = splitAt(rest, room);
      current += before + head;
      empty = false;
      flush();
      before = '';
      rest = tail;
      w = displayWidth(rest);
    }
    if (rest === '') continue;
    current += before + rest;
    currentWidth += before.length + w;
    empty = false;
  }
  lines.push(current.trimEnd());
  return lines;
}

/** The first `columns` visible characters of `text` and the rest (colour codes go along). */
function splitAt(text: string, columns: number): [string, string] {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < columns) {
    COLOUR.lastIndex = i;
    const m = text.startsWith('\u001b[', i) ? COLOUR.exec(text) : null;
    if (m !== null && m.index === i) {
      i += m[0].length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    seen++;
  }
  return [text.slice(0, i), text.slice(i)];
}

/** A text of at most `max` characters, cut at a word boundary with "…". */
export function shortenWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // the cut falls at the end of a word: keep it
  const space = text[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
