// Problems found in an input, as data. The core reports them by path into the document; the
// shell turns paths into file:line:col and decides how to print them.
import { groupDigits, safeLine, shorten } from './text/terminal.js';

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

/** How many issues are printed at most; the rest are counted in one line. */
export const MAX_SHOWN_ISSUES = 20;

/** One issue as a line safe for a terminal: the file name and message cannot hold controls. */
export function formatIssue(issue: LocatedIssue): string {
  if (issue.file === '') return issue.message; // a problem of the command line, not of a file
  const where =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.col ?? 1}`;
  return safeLine(`${where}: ${issue.message}`);
}

/**
 * The lines to print for a list of issues: the first `max`, then "and 19,980 more" when there
 * are more (a file with thousands of mistakes does not flood the terminal).
 */
export function capIssues(issues: readonly LocatedIssue[], max = MAX_SHOWN_ISSUES): string[] {
  const lines = issues.slice(0, max).map(formatIssue);
  const rest = issues.length - lines.length;
  if (rest > 0) lines.push(`and ${groupDigits(rest)} more`);
  return lines;
}

/** Input quoted in a message: in double quotes, shortened to 80 characters. */
export function quote(text: string): string {
  return `"${shorten(text)}"`;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // the distance is at least the difference in length: too far is skipped without computing
    const floor = Math.abs(word.length - candidate.length);
    if (floor >= bestDistance || floor > closeEnough(word, candidate)) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= closeEnough(word, best) ? best : undefined;
}

/** How many edits still make `candidate` a likely typo of `word`. */
function closeEnough(word: string, candidate: string): number {
  return Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  return suggestion(nearest(word, list), list);
}

/** "; did you mean …?" for a guess already made, else the list of choices when it is short. */
export function suggestion(guess: string | undefined, candidates: readonly string[]): string {
  if (guess !== undefined) return `; did you mean "${guess}"?`;
  return candidates.length > 0 && candidates.length <= 8
    ? `; expected one of: ${candidates.join(', ')}`
    : '';
}

/** The Levenshtein distance between two texts: the insertions, deletions and substitutions between them. */
export function editDistance(a: string, b: string): number {
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
