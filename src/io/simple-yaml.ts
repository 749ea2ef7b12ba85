// A fast path for the common shape of an answer file: nested block maps of plain keys, with
// yes/no/na-like values, quoted texts, versions and dates. One pass over the lines, about ten
// times faster than building a YAML Document. It answers only when it is certain to give what
// the YAML parser (version 1.2, core schema) gives; on anything else (or any doubt) it gives up,
// and the file goes through the full parser, which also gives every message with its position.
// tests/pure/simple-yaml.test.ts checks it against the full parser on generated files.
//
// Kept because it is measured (whole-process CPU time, side by side, on this project's 2-core
// machine): a batch of 1,000 answer files takes 0.94 times a floor that reads and yaml.parse's
// them with it and 2.30 times without it, at 1.13 and 1.44 times the floor's peak memory; a
// 40,000-statement questionnaire is validated in 0.4 s of CPU with it and 2.3 s without.

/** Keys that resolve to a string (letters first, or digits then a hyphen): never a number or null. */
const KEY = /^(?:[A-Za-z_][A-Za-z0-9_-]*|[0-9]+-[A-Za-z0-9_-]*)$/;
/** Keys that are not text in YAML's core schema, and keys refused as prototype names. */
const SPECIAL_KEYS = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '__proto__',
  'constructor',
  'prototype',
]);
/** A key line: indentation, key, and what follows the colon. */
const KEY_LINE = /^( *)([^\s:#][^\s:]*):(?:$| +(.*)$)/;
/** Plain values that are text: starting with a letter, without YAML indicators. */
const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 ._/()+@,?-]*$/;
/** A word in a flow list: letters, digits, `_` and `-`, starting with a letter. */
const FLOW_WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Versions (1.1.0) and dates (2026-11-23): text in YAML 1.2, not numbers or timestamps. */
const DIGITS_TEXT = /^(?:[0-9]+(?:\.[0-9]+){2,}|[0-9]{4}-[0-9]{2}-[0-9]{2})$/;
/** Plain words that are not text: the only ones starting with a letter are these spellings. */
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Tabs, CR, control characters, other line breaks, BOMs and non-characters: left to the parser. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const MAX_DEPTH = 50;

const GIVE_UP = Symbol('give up');

/** A key's path as one string: the keys from the root, each ended by NUL. */
export function pathKey(parent: string, key: string): string {
  return `${parent}${key}\u0000`;
}
type Value = string | boolean | null | Record<string, unknown>;

/** The value of a scalar after `key: `, or GIVE_UP. `text` has no line break. */
function scalar(text: string): Value | typeof GIVE_UP {
  const first = text.charCodeAt(0);
  let value: string;
  let rest: string;
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    const end = text.indexOf(text[0]!, 1);
    if (end < 0) return GIVE_UP;
    value = text.slice(1, end);
    // no escapes, no doubled quotes
    if (/[\\"']/.test(value)) return GIVE_UP;
    rest = text.slice(end + 1);
    if (rest !== '' && !/^ +(?:#.*)?$/.test(rest)) return GIVE_UP;
    return value;
  }
  const hash = text.indexOf(' #');
  value = (hash < 0 ? text : text.slice(0, hash)).replace(/ +$/, '');
  if (value === '') return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null' || value === '~') return null;
  if (NOT_TEXT.test(value)) return GIVE_UP;
  if (PLAIN_TEXT.test(value) || DIGITS_TEXT.test(value)) return value;
  return GIVE_UP;
}

/** A flow sequence of plain words after `key: `, as `[en, nl]`, or GIVE_UP. */
function flowWords(text: string): string[] | typeof GIVE_UP {
  const match = /^\[([^[\]{}#"'&*!|>%@`]*)\](?: +#.*)? *$/.exec(text);
  if (match === null) return GIVE_UP;
  const inner = match[1]!.trim();
  if (inner === '') return [];
  const words = inner.split(',').map((w) => w.trim());
  for (const w of words) if (!FLOW_WORD.test(w) || NOT_TEXT.test(w)) return GIVE_UP;
  return words;
}

type Container =
  | { kind: 'map'; indent: number; map: Record<string, unknown>; path: string }
  | { kind: 'seq'; indent: number; seq: unknown[]; path: string };

/**
 * The data of `source` (without a BOM) if it is a simple document: block maps of plain keys,
 * block sequences of scalars or of maps (`- id: x`), and flow lists of plain words. A value of
 * undefined says nothing about the file: the full parser decides. `keyPositions` gets where
 * each key is (for files without sequences), so that a key's place needs no Document.
 */
export function parseSimpleYaml(
  source: string,
  keyPositions?: Map<string, { line: number; col: number }>,
): Record<string, unknown> | undefined {
  if (UNUSUAL.test(source)) return undefined;
  const root: Record<string, unknown> = {};
  // the open containers, innermost last: a map with the column of its keys, a sequence with
  // the column of its dashes
  const stack: Container[] = [{ kind: 'map', indent: 0, map: root, path: '' }];
  // a key with nothing after its colon: a map or a sequence if deeper lines follow, else null
  let open: { indent: number; map: Record<string, unknown>; key: string; path: string } | undefined;
  const positions = new Map<string, { line: number; col: number }>();
  let sequences = false;
  let keys = 0;
  let start = 0;
  let lineNumber = 0;

  /** A `key: value` at column `indent` of the map on top of the stack; false to give up. */
  const putKey = (text: string, indent: number): boolean => {
    const match = KEY_LINE.exec(text);
    if (match === null) return false;
    const key = match[2]!;
    if (!KEY.test(key) || SPECIAL_KEYS.has(key)) return false;
    const current = stack[stack.length - 1]!;
    if (current.kind !== 'map' || current.indent !== indent) return false;
    if (Object.hasOwn(current.map, key)) return false;
    const rest = match[3] ?? '';
    const empty = rest === '' || rest.charCodeAt(0) === 0x23; /* # */
    const value = empty
      ? null
      : rest.charCodeAt(0) === 0x5b /* [ */
        ? flowWords(rest)
        : scalar(rest);
    if (value === GIVE_UP) return false;
    current.map[key] = value;
    const path = pathKey(current.path, key);
    positions.set(path, { line: lineNumber, col: indent + 1 });
    if (empty) open = { indent, map: current.map, key, path };
    keys++;
    return true;
  };

  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end);
    start = end + 1;
    lineNumber++;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.charCodeAt(0) === 0x23 /* # */) continue;
    const indent = line.length - trimmed.length;
    const dash = trimmed.charCodeAt(0) === 0x2d /* - */ && trimmed.charCodeAt(1) === 0x20;
    // a dash that is not `- item` (alone, or before a tab): the full parser decides
    if (!dash && /^-(?:\t|$)/.test(trimmed)) return undefined;
    if (open !== undefined) {
      if (indent > open.indent) {
        if (stack.length >= MAX_DEPTH) return undefined;
        const path = open.path;
        if (dash) {
          const seq: unknown[] = [];
          open.map[open.key] = seq;
          stack.push({ kind: 'seq', indent, seq, path });
          sequences = true;
        } else {
          const child: Record<string, unknown> = {};
          open.map[open.key] = child;
          stack.push({ kind: 'map', indent, map: child, path });
        }
      }
      open = undefined;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
    if (!dash) {
      if (!putKey(line.slice(indent), indent)) return undefined;
      continue;
    }
    // `- item`: the next item of the sequence whose dashes are at this column
    const seq = stack[stack.length - 1]!;
    if (seq.kind !== 'seq' || seq.indent !== indent) return undefined;
    const after = trimmed.slice(2);
    const item = after.trimStart();
    const itemIndent = indent + 2 + (after.length - item.length);
    if (item === '' || item.charCodeAt(0) === 0x23 || item.startsWith('- ') || item === '-')
      return undefined;
    const itemPath = pathKey(seq.path, String(seq.seq.length));
    if (KEY_LINE.test(item)) {
      if (stack.length >= MAX_DEPTH) return undefined;
      const map: Record<string, unknown> = {};
      seq.seq.push(map);
      stack.push({ kind: 'map', indent: itemIndent, map, path: itemPath });
      if (!putKey(item, itemIndent)) return undefined;
    } else {
      const value = scalar(item);
      if (value === GIVE_UP || value === null) return undefined;
      seq.seq.push(value);
    }
  }
  if (keys === 0) return undefined;
  // positions only where every path is a map's: a sequence's items are placed by the parser
  if (keyPositions !== undefined && !sequences) {
    for (const [path, at] of positions) keyPositions.set(path, at);
  }
  return root;
}
