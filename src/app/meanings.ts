// The meanings records of the built-ins (questionnaires/<id>/meanings.yaml): read with
// positions, checked against every shipped version, and compiled by the build beside the
// built-ins (dist/questionnaires/<id>.meanings.json). The record's format and checks are the
// core's (meanings-record.ts, meanings.ts); this module only reads files.
import { join } from 'node:path';
import type { LocatedIssue, Result } from '../core/issues.js';
import { checkMeaningsAgainst } from '../core/meanings.js';
import { parseMeanings, type Meanings } from '../core/meanings-record.js';
import type { Questionnaire } from '../core/model.js';
import { unwrap } from '../errors.js';
import { locate, parseDocument } from '../io/document.js';
import { readInputFile } from '../io/read.js';
import { sortIssues } from './load.js';
import { builtinDir, MEANINGS_FILE } from './registry.js';

export { MEANINGS_FILE };

/** A record as the build compiles it: its text (to tell whether the file changed) and value. */
export interface CompiledMeanings {
  text: string;
  value: Meanings;
}

/** Reads a record and checks it, and, given them, against the versions it describes. */
export function loadMeaningsFile(
  file: string,
  versions?: readonly Questionnaire[],
): Result<CompiledMeanings> {
  const read = readInputFile(file, 'meanings record');
  if (!read.ok) return { ok: false, issues: [read.issue], warnings: [] };
  const document = parseDocument(read.text, file, { fast: false });
  if (!document.ok) return { ok: false, issues: document.issues, warnings: [] };
  const { parsed } = document;
  const record = parseMeanings(parsed.value);
  const issues = record.ok
    ? versions === undefined
      ? []
      : checkMeaningsAgainst(record.value, versions)
    : record.issues;
  if (!record.ok || issues.length > 0) {
    const located: LocatedIssue[] = sortIssues(issues.map((issue) => locate(parsed, issue)));
    return { ok: false, issues: located, warnings: [] };
  }
  return { ok: true, value: { text: read.text, value: record.value }, warnings: [] };
}

/**
 * Every built-in's record, checked against its shipped versions (for the build): a built-in
 * without one, or a record that disagrees with the files, stops the build with file:line:col.
 */
export function compileMeanings(
  builtins: readonly Questionnaire[],
): Record<string, CompiledMeanings> {
  const byId = new Map<string, Questionnaire[]>();
  for (const q of builtins) byId.set(q.id, [...(byId.get(q.id) ?? []), q]);
  const out: Record<string, CompiledMeanings> = {};
  for (const [id, versions] of byId) {
    out[id] = unwrap(loadMeaningsFile(join(builtinDir(), id, MEANINGS_FILE), versions));
  }
  return out;
}
