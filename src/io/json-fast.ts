// The fast way to read a well-formed JSON file: JSON.parse, plus the checks the positioned
// parser would make (duplicate keys, `__proto__`, nesting). Anything doubtful returns undefined
// and the caller falls back to the positioned parser, which says what is wrong and where.

const MAX_DEPTH = 100;

/** The value of a JSON text, or undefined when it needs the positioned parser. */
export function parseJsonFast(text: string): { value: unknown } | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!plainObjectKeys(source)) return undefined;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * One linear pass over the text: false when an object repeats a key (spelled the same), has a
 * `__proto__` key, or nesting goes deeper than MAX_DEPTH.
 */
function plainObjectKeys(text: string): boolean {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i + 1;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      const raw = text.slice(start, i);
      i++;
      const keys = stack[stack.length - 1];
      if (keys !== undefined && keys !== null) {
        let j = i;
        while (j < n && text.charCodeAt(j) <= 0x20) j++;
        if (text.charCodeAt(j) === 0x3a /* : */) {
          if (raw.includes('\\') || raw === '__proto__' || keys.has(raw)) return false;
          keys.add(raw);
        }
      }
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push(c === 0x7b ? new Set() : null);
      if (stack.length > MAX_DEPTH) return false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    }
    i++;
  }
  return true;
}
