// Problems found in an input, as data. The core reports them by path into the document; the
// shell turns paths into file:line:col and decides how to print them.

export type Path = readonly (string | number)[];

/** A problem at a path inside a parsed document. `at: 'key'` points at the key, not the value. */
export interface Issue {
  path: Path;
  message: string;
  at?: 'key' | 'value';
}

/** A problem with its place in a file: what, where, and how to fix it (in the message). */
export interface LocatedIssue {
  /** The file, or '' for a problem of the command line itself (such as an unknown REF). */
  file: string;
  line?: number;
  col?: number;
  message: string;
}

export type Result<T> =
  | { ok: true; value: T; warnings: LocatedIssue[] }
  | { ok: false; issues: LocatedIssue[]; warnings: LocatedIssue[]; summary?: string };

export function formatIssue(issue: LocatedIssue): string {
  if (issue.file === '') return issue.message; // a problem of the command line, not of a file
  const where =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.col ?? 1}`;
  return `${where}: ${issue.message}`;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const guess = nearest(word, list);
  if (guess !== undefined) return `; did you mean "${guess}"?`;
  return list.length > 0 && list.length <= 8 ? `; expected one of: ${list.join(', ')}` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
