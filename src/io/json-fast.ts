// The fast way to read a well-formed JSON file: JSON.parse, plus the checks the positioned
// parser would make (duplicate keys, `__proto__`, nesting). Anything doubtful returns undefined
// and the caller falls back to the positioned parser, which says what is wrong and where.
import { isUtf8 } from 'node:buffer';

const MAX_DEPTH = 100;

/** The value of a JSON text, or undefined when it needs the positioned parser. */
export function parseJsonFast(text: string): { value: unknown } | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source) as unknown;
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of two equal keys. Every key of the text ends in `"`, JSON
  // whitespace and `:`, and a string may hold that too: so the text has at least as many key
  // ends as the parsed value has keys, and exactly as many only when no key was dropped (nor any
  // string holds one).
  const keys = countKeys(value, 0);
  return keys === keyEnds(source) ? { value } : undefined;
}

/** How many colons of `text` follow a double quote and JSON whitespace. */
function keyEnds(text: string): number {
  let n = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let c = text.charCodeAt(before);
    // space, tab, line feed, carriage return
    while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = text.charCodeAt(--before);
    if (c === 0x22) n++;
  }
  return n;
}

/** The keys of a parsed value, or -1 for `__proto__` or nesting deeper than MAX_DEPTH. */
function countKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth >= MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const k = countKeys(item, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  if (Object.hasOwn(value, '__proto__')) return -1;
  for (const key in value) {
    const k = countKeys((value as Record<string, unknown>)[key], depth + 1);
    if (k < 0) return -1;
    n += k + 1;
  }
  return n;
}

/**
 * The value of well-formed UTF-8 JSON bytes, parsed from their Latin-1 reading: one character
 * per byte, so that nothing is decoded before parsing (the decoding of a whole file costs about
 * as much as parsing it). Every string of the value is then in that reading too, and a caller
 * turns the strings it uses back into text with `textOf`. Exact because JSON's syntax is ASCII
 * and UTF-8 never uses an ASCII byte inside a longer character, so each string's bytes are whole
 * characters; undefined (use the usual path) for bytes that are not UTF-8 or not JSON (a raw
 * NUL is not JSON), or that hold a `\u` escape (which would mix a decoded character into the
 * bytes of a string).
 */
export function parseJsonBytes(bytes: Uint8Array): { value: unknown } | undefined {
  if (!isUtf8(bytes)) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('\\u', 0, 'latin1')) return undefined;
  return parseJsonFast(buffer.toString('latin1'));
}

// a Latin-1 reading holds no character above U+00FF; above U+007F it is part of a longer one
const BYTES_OF_LONGER = /[\u0080-\u00ff]/;

/** A string of a value from `parseJsonBytes`, as the text it is. */
export function textOf(latin1: string): string {
  return BYTES_OF_LONGER.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}
