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

// the characters that matter between strings; a string is skipped in one native search
const STRUCTURE = /["{}[\]]/g;

/**
 * One linear pass over the text: false when an object repeats a key (spelled the same), has a
 * `__proto__` key, or nesting goes deeper than MAX_DEPTH. Doubtful text (a key with an escape)
 * is false too: the positioned parser decides.
 */
function plainObjectKeys(text: string): boolean {
  const stack: (Set<string> | null)[] = [];
  STRUCTURE.lastIndex = 0;
  for (let m = STRUCTURE.exec(text); m !== null; m = STRUCTURE.exec(text)) {
    const c = m[0];
    const at = m.index;
    if (c === '"') {
      // the closing quote: the next one not escaped by an odd run of backslashes
      let close = text.indexOf('"', at + 1);
      while (close !== -1) {
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      if (close === -1) return false;
      STRUCTURE.lastIndex = close + 1;
      const keys = stack[stack.length - 1];
      if (keys === undefined || keys === null) continue;
      let j = close + 1;
      while (j < text.length && text.charCodeAt(j) <= 0x20) j++;
      if (text.charCodeAt(j) !== 0x3a /* : */) continue;
      const raw = text.slice(at + 1, close);
      if (raw === '__proto__' || keys.has(raw) || raw.includes('\\')) return false;
      keys.add(raw);
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? new Set() : null);
      if (stack.length > MAX_DEPTH) return false;
    } else {
      stack.pop();
    }
  }
  return true;
}
