// Loading trustcheck's three kinds of input (questionnaires, answer files, reports): read with
// limits, parse with positions, check against the generated schema, then the semantic checks
// of the core. Returns data ({ok, value} or {ok: false, issues}); the shell decides what to print.
import * as validators from '../generated/validators.cjs';
import type { ValidateFunction } from '../generated/validators.cjs';
import type { Issue, LocatedIssue, Result } from '../core/issues.js';
import type { AnswerFile, Questionnaire, Report, SchemaName } from '../core/model.js';
import { ANSWERS_FORMAT, QUESTIONNAIRE_FORMAT, REPORT_FORMAT } from '../core/formats.js';
import { checkQuestionnaire } from '../core/questionnaire.js';
import type { ReportForSummary } from '../core/model.js';
import { locate, parseDocument, type ParsedDocument } from '../io/document.js';
import { readInputFile } from '../io/read.js';
import { schemaIssues } from '../io/schema-issues.js';
import { createHash } from 'node:crypto';

const KIND_NAMES: Record<SchemaName, string> = {
  questionnaire: 'questionnaire',
  answers: 'answer file',
  report: 'report',
};

const VALIDATORS: Record<SchemaName, ValidateFunction> = {
  questionnaire: validators.questionnaire,
  answers: validators.answers,
  report: validators.report,
};

export interface Loaded<T> {
  value: T;
  parsed: ParsedDocument;
  /** The file's text, as it was read. */
  readonly text: string;
  /** sha256 of the file's bytes, as "sha256:<hex>" (computed when first asked for). */
  readonly digest: string;
}

/** Parses and schema-checks a text. `semantic` adds checks on the typed value. */
export function validateText<T>(
  text: string,
  file: string,
  kind: SchemaName,
  semantic?: (value: T) => Issue[],
): Result<Loaded<T>> {
  const result = parseDocument(text, file);
  if (!result.ok) return { ok: false, issues: result.issues, warnings: [] };
  const { parsed } = result;
  const wrongKind = wrongFormat(parsed, kind);
  if (wrongKind !== undefined) return { ok: false, issues: [wrongKind], warnings: [] };
  let issues = schemaIssues(VALIDATORS[kind], parsed.value);
  if (issues.length === 0 && semantic !== undefined) issues = semantic(parsed.value as T);
  if (issues.length > 0) {
    return { ok: false, issues: sortIssues(issues.map((i) => locate(parsed, i))), warnings: [] };
  }
  return { ok: true, value: new LoadedFile<T>(parsed.value as T, parsed, text), warnings: [] };
}

/** A loaded file; its digest is computed when first asked for. */
class LoadedFile<T> implements Loaded<T> {
  private hash: string | undefined;
  constructor(
    readonly value: T,
    readonly parsed: ParsedDocument,
    readonly text: string,
  ) {}

  get digest(): string {
    return (this.hash ??= digestOf(this.text));
  }
}

const FORMATS: Record<SchemaName, string> = {
  questionnaire: QUESTIONNAIRE_FORMAT,
  answers: ANSWERS_FORMAT,
  report: REPORT_FORMAT,
};

/** Another kind of trustcheck file (a report given as answers, say): one message, not twenty. */
function wrongFormat(parsed: ParsedDocument, kind: SchemaName): LocatedIssue | undefined {
  const value = parsed.value as { format?: unknown } | null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (value.format === undefined || value.format === FORMATS[kind]) return undefined;
  const found = typeof value.format === 'string' ? `"${value.format}"` : 'something else';
  const known = Object.entries(FORMATS).find(([, f]) => f === value.format);
  return locate(parsed, {
    path: ['format'],
    message: `"format" must be "${FORMATS[kind]}", found ${found}${
      known === undefined
        ? ''
        : `: this is ${known[0] === 'answers' ? 'an answer file' : `a ${known[0]}`}, not ${KIND_NAMES[kind] === 'answer file' ? 'an answer file' : `a ${KIND_NAMES[kind]}`}`
    }`,
  });
}

export function digestOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

export function sortIssues(issues: LocatedIssue[]): LocatedIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

/** Reads a file (with limits) and validates it; a file that cannot be read is an issue too. */
export function loadFile<T>(
  file: string,
  kind: SchemaName,
  semantic?: (value: T) => Issue[],
): Result<Loaded<T>> {
  const read = readInputFile(file, KIND_NAMES[kind]);
  if (!read.ok) return { ok: false, issues: [read.issue], warnings: [] };
  return validateText(read.text, file, kind, semantic);
}

export const loadQuestionnaireFile = (file: string): Result<Loaded<Questionnaire>> =>
  loadFile<Questionnaire>(file, 'questionnaire', checkQuestionnaire);

export const loadAnswerFile = (file: string): Result<Loaded<AnswerFile>> =>
  loadFile<AnswerFile>(file, 'answers');

export const loadReportFile = (file: string): Result<Loaded<Report>> =>
  loadFile<Report>(file, 'report');

/**
 * A report as far as a portfolio summary reads it: the parts a summary uses, checked as the
 * report schema has them (the other fields are not read, so not checked). A file that is not such
 * a report gets loadReportFile's messages.
 */
export function loadReportForSummary(file: string): Result<ReportForSummary> {
  const read = readInputFile(file, KIND_NAMES.report);
  if (!read.ok) return { ok: false, issues: [read.issue], warnings: [] };
  const parsed = parseDocument(read.text, file);
  const value = parsed.ok ? (parsed.parsed.value as { format?: unknown } | null) : undefined;
  if (value?.format === REPORT_FORMAT && validators.reportForSummary(value)) {
    return { ok: true, value: value as unknown as ReportForSummary, warnings: [] };
  }
  const loaded = validateText<Report>(read.text, file, 'report');
  return loaded.ok ? { ok: true, value: loaded.value.value, warnings: [] } : loaded;
}
