// The fast way to read a well-formed JSON file: JSON.parse, plus the checks the positioned
// parser would make (duplicate keys, `__proto__`, nesting). Anything doubtful returns undefined
// and the caller falls back to the positioned parser, which says what is wrong and where.
// Kept because it is measured: on a 25 KB report JSON.parse takes about 0.04 ms and the YAML
// parser about 4.5 ms, and `summary` reads a thousand reports. tests/pure/json-fast.test.ts
// checks it against JSON.parse on generated values.

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
