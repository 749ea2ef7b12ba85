// A path or word as a shell reads it back: left as it is when it is plain, else in single quotes
// (a quote inside written as '\''); a word with control characters (a line break in a file
// name) in bash's $'…' form, so that a printed command stays one line and can be pasted and run.
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(word)) {
    // eslint-disable-next-line no-control-regex
    const escaped = word.replace(/[\\'\u0000-\u001f\u007f]/g, (c) =>
      c === '\\'
        ? '\\\\'
        : c === "'"
          ? "\\'"
          : c === '\n'
            ? '\\n'
            : c === '\t'
              ? '\\t'
              : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
    return `$'${escaped}'`;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
