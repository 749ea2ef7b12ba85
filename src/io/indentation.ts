// Finding the line that is out of column in a YAML text. The parser reports a wrongly indented
// line where it notices (often the comment or the value above it: "All mapping items must start
// at the same column"); this finds the line itself and the column its siblings use, so that the
// message can point at it and say how to fix it. One pass over the lines; it gives up (and the
// parser's message stands) on what it does not follow: flow collections and quoted texts over
// several lines, or shapes it cannot place.

import { ANSWER_KEYS, answerMapForm } from '../core/answers.js';
import { shorten } from '../core/text/terminal.js';

/** A line indented otherwise than the lines it stands among. */
export interface OutOfColumn {
  /** 1-based line and column of the line's first character. */
  line: number;
  col: number;
  /** Its indentation, and that of its siblings (spaces). */
  indent: number;
  expected: number;
  /** The key the line starts with, if it is a `key:` line. */
  key?: string;
  /** Whether the line is an item of a list (`- …`). */
  item?: boolean;
  /**
   * Indented deeper than the line above, whose value is on that line already (`renewal-warning:
   * no`): that line's key and value. The keys of the lines indented as deep that follow are
   * `deeper` (with their values), this line's first.
   */
  under?: { key: string; value: string };
  deeper?: [string, string][];
}

interface Frame {
  /** The column (indentation) of the collection's entries. */
  col: number;
  kind: 'map' | 'seq';
}

// a key at the start of the text: plain, or quoted; then a colon before a space or the end
const KEY =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#?:,[\]{}&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** A key's text without its quotes. */
const unquote = (key: string): string => (/^["']/.test(key) ? key.slice(1, -1) : key);

/** Whether a value written after `key:` on its line leaves the value to the lines below. */
function opensBlock(value: string): boolean {
  const v = value.replace(/(^|[ \t])#.*$/, '').trim();
  // nothing; or only an anchor or a tag, whose node is on the lines below
  return v === '' || /^(?:[&!][^\s]*)(?:[ \t]+[&!][^\s]*)?$/.test(v);
}

/** Whether a value starts a block scalar (`|`, `>-`, `|2`): its text is the lines below. */
const blockScalar = (value: string): boolean => /^[|>][0-9+-]*(?:[ \t]+#.*)?[ \t]*$/.test(value);

/** Whether a value is whole on its line: no quoted text or flow collection left open. */
function wholeOnLine(value: string): boolean {
  const first = value[0];
  if (first === '"') return /^"(?:[^"\\]|\\.)*"/.test(value);
  if (first === "'") return /^'(?:[^']|'')*'/.test(value);
  if (first === '[' || first === '{') {
    let depth = 0;
    let quote = '';
    for (const c of value) {
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      else if (c === '#' && depth === 0) break;
    }
    return depth === 0 && quote === '';
  }
  return true;
}

/** The first line of `text` that is out of column, if there is one the lines show. */
export function outOfColumn(text: string): OutOfColumn | undefined {
  const lines = text.split(/\r?\n/);
  const stack: Frame[] = [{ col: 0, kind: 'map' }];
  // the last line held a key (or a dash) whose value is on the lines below
  let pending = false;
  // while in a block scalar: the indentation its lines must exceed
  let scalarParent: number | undefined;
  // the last `key: value` line, to say what a deeper line was put under
  let previous: { key: string; value: string; indent: number } | undefined;
  let seen = false;

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const content = raw.trimStart();
    const indent = raw.length - content.length;
    if (content === '' || content.startsWith('#')) continue;
    if (scalarParent !== undefined) {
      if (indent > scalarParent) continue;
      scalarParent = undefined;
    }
    // a tab in the indentation has a message of its own
    if (raw.slice(0, indent).includes('\t')) return undefined;
    if (/^(?:---|\.\.\.)(?:\s|$)|^%/.test(content)) {
      // a document's start before anything else is no level; anything more, the parser says
      if (seen || !/^---\s*$/.test(content)) return undefined;
      continue;
    }
    seen = true;
    const dash = /^-(?:[ \t]|$)/.test(content);
    const keyMatch = dash ? null : KEY.exec(content);
    let top = stack.at(-1)!;

    if (pending) {
      pending = false;
      if (indent > top.col || (indent === top.col && dash && top.kind === 'map')) {
        stack.push({ col: indent, kind: dash ? 'seq' : 'map' });
        top = stack.at(-1)!;
      }
    } else if (indent > top.col) {
      // a plain text going on over a deeper line is one value, not a line out of column
      if (keyMatch === null && !dash) continue;
      const found: OutOfColumn = {
        line: n + 1,
        col: indent + 1,
        indent,
        expected: top.col,
        ...(keyMatch === null ? { item: true } : { key: unquote(keyMatch[1]!) }),
      };
      if (previous !== undefined && previous.indent === top.col && keyMatch !== null) {
        found.under = { key: previous.key, value: previous.value };
        found.deeper = deeperKeys(lines, n, indent);
      }
      return found;
    }
    const popped: number[] = [];
    while (stack.length > 1 && stack.at(-1)!.col > indent) popped.push(stack.pop()!.col);
    top = stack.at(-1)!;
    if (top.col === indent && top.kind === 'seq' && !dash && stack.length > 1) {
      // a sequence written at its key's column ends where the next key is
      stack.pop();
      top = stack.at(-1)!;
    }
    if (top.col !== indent) {
      // between two levels: it belongs to the nearer one (the deeper one when as near)
      const deeper = popped.at(-1);
      const expected =
        deeper !== undefined && deeper - indent <= indent - top.col ? deeper : top.col;
      return {
        line: n + 1,
        col: indent + 1,
        indent,
        expected,
        ...(keyMatch === null ? { item: dash } : { key: unquote(keyMatch[1]!) }),
      };
    }
    if (dash && top.kind === 'map') {
      // an item of a list written at the column of a map's keys: where its list's dashes are
      const list = stack.findLast((frame) => frame.kind === 'seq');
      if (list === undefined) return undefined;
      return { line: n + 1, col: indent + 1, indent, expected: list.col, item: true };
    }
    if (top.kind === 'seq' && !dash) return undefined;

    // what the line holds: after a dash, an item (perhaps the first key of a map)
    let rest = content;
    let restCol = indent;
    if (dash) {
      const item = content.slice(1).trimStart();
      restCol = indent + (content.length - item.length);
      rest = item;
      if (rest === '' || rest.startsWith('#')) {
        pending = true;
        continue;
      }
    }
    const key = dash ? KEY.exec(rest) : keyMatch;
    if (key === null) {
      if (!dash) return undefined; // not a key where keys are: the parser's message stands
      if (!wholeOnLine(rest)) return undefined;
      previous = undefined;
      continue;
    }
    if (dash) stack.push({ col: restCol, kind: 'map' });
    const value = rest.slice(key[0].length).trim();
    if (blockScalar(value)) {
      scalarParent = restCol;
      previous = undefined;
    } else if (opensBlock(value)) {
      pending = true;
      previous = undefined;
    } else if (!wholeOnLine(value)) {
      return undefined;
    } else {
      previous = {
        key: unquote(key[1]!),
        value: value.replace(/[ \t]+#.*$/, ''),
        indent: restCol,
      };
    }
  }
  return undefined;
}

/** The `key: value` lines indented `indent` from line `from` on (comments skipped). */
function deeperKeys(lines: readonly string[], from: number, indent: number): [string, string][] {
  const out: [string, string][] = [];
  for (let n = from; n < lines.length; n++) {
    const raw = lines[n]!;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    if (raw.length - content.length !== indent) break;
    const key = KEY.exec(content);
    if (key === null) break;
    out.push([
      unquote(key[1]!),
      content
        .slice(key[0].length)
        .replace(/[ \t]+#.*$/, '')
        .trim(),
    ]);
  }
  return out;
}

/** The parser's errors that a line out of column causes. */
export const INDENTATION_ERRORS: ReadonlySet<string> = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
]);

/** What is wrong with a line out of column, and how to fix it. */
function indentationMessage(found: OutOfColumn): string {
  const { key, under } = found;
  const what =
    key !== undefined
      ? `"${shorten(key, 60)}:"`
      : found.item === true
        ? 'this list item'
        : 'this line';
  const others =
    key !== undefined
      ? 'the keys at its level'
      : found.item === true
        ? 'the items of its list'
        : 'the lines at its level';
  if (
    under !== undefined &&
    key !== undefined &&
    ANSWER_KEYS.has(key) &&
    !ANSWER_KEYS.has(under.key)
  ) {
    // `renewal-warning: no` with its note indented below it: the form that works
    const fields: [string, string][] = [];
    for (const field of found.deeper ?? []) {
      if (!ANSWER_KEYS.has(field[0])) break;
      fields.push(field);
    }
    return `${what} is indented under ${shorten(under.key, 60)}, which has its answer on its own line already; write that answer as a map: ${answerMapForm(under.key, under.value, fields)}`;
  }
  const by = Math.abs(found.indent - found.expected);
  const column = found.expected + 1;
  return `${what} starts at column ${found.col}, but ${others} start at column ${column}; indent it ${by} ${by === 1 ? 'space' : 'spaces'} ${found.indent > found.expected ? 'less' : 'more'}, to column ${column}`;
}

/**
 * The line out of column that the parser noticed at line `noticed` (or after it: it notices at
 * the comment or value above), with a message that says how to fix it.
 */
export function lineOutOfColumn(
  text: string,
  noticed: number,
): { line: number; col: number; message: string } | undefined {
  const found = outOfColumn(text);
  if (found === undefined || found.line < noticed) return undefined;
  return { line: found.line, col: found.col, message: indentationMessage(found) };
}
