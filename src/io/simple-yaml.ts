// A fast path for the common shape of an answer file: nested block maps of plain keys, with
// yes/no/na-like values, quoted texts, versions and dates. One pass over the lines, about ten
// times faster than building a YAML Document. It answers only when it is certain to give what
// the YAML parser (version 1.2, core schema) gives; on anything else (or any doubt) it gives up,
// and the file goes through the full parser, which also gives every message with its position.
// tests/unit/simple-yaml.test.ts checks it against the full parser on generated files.

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
const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 ._/()+@,-]*$/;
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

/**
 * The data of `source` (without a BOM) if it is a simple block-map document, else undefined.
 * A value of undefined says nothing about the file: the full parser decides.
 */
export function parseSimpleYaml(
  source: string,
  keyPositions?: Map<string, { line: number; col: number }>,
): Record<string, unknown> | undefined {
  if (UNUSUAL.test(source)) return undefined;
  const root: Record<string, unknown> = {};
  // the open maps, innermost last, each with the indentation of its keys and its path
  const maps: { indent: number; map: Record<string, unknown>; path: string }[] = [
    { indent: 0, map: root, path: '' },
  ];
  // a key with nothing after its colon: a map if deeper lines follow, else null
  let open: { indent: number; map: Record<string, unknown>; key: string; path: string } | undefined;
  let keys = 0;
  let start = 0;
  let lineNumber = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end);
    start = end + 1;
    lineNumber++;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.charCodeAt(0) === 0x23 /* # */) continue;
    const match = KEY_LINE.exec(line);
    if (match === null) return undefined;
    const indent = match[1]!.length;
    const key = match[2]!;
    if (!KEY.test(key) || SPECIAL_KEYS.has(key)) return undefined;
    if (open !== undefined) {
      if (indent > open.indent) {
        if (maps.length >= MAX_DEPTH) return undefined;
        const child: Record<string, unknown> = {};
        open.map[open.key] = child;
        maps.push({ indent, map: child, path: open.path });
      }
      open = undefined;
    }
    while (maps.length > 1 && maps[maps.length - 1]!.indent > indent) maps.pop();
    const current = maps[maps.length - 1]!;
    if (current.indent !== indent) return undefined;
    if (Object.hasOwn(current.map, key)) return undefined;
    const rest = match[3] ?? '';
    const value = rest === '' || rest.charCodeAt(0) === 0x23 /* # */ ? null : scalar(rest);
    if (value === GIVE_UP) return undefined;
    current.map[key] = value;
    const path = pathKey(current.path, key);
    keyPositions?.set(path, { line: lineNumber, col: indent + 1 });
    if (value === null && !(rest !== '' && rest.charCodeAt(0) !== 0x23)) {
      open = { indent, map: current.map, key, path };
    }
    keys++;
  }
  return keys === 0 ? undefined : root;
}
