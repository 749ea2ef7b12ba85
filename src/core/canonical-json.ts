// One spelling of a JSON value: keys sorted, no white space, strings and numbers as JSON.stringify
// writes them. Two files that hold the same value (whatever their key order, indentation,
// escapes or number forms) have the same canonical text, and so the same digest.

/** The canonical JSON text of a parsed JSON value. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  out.push('{');
  Object.keys(record)
    .sort()
    .forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(record[key], out);
    });
  out.push('}');
}
