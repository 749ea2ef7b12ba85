// Loading trustcheck's three kinds of input (questionnaires, answer files, reports): read with
// limits, parse with positions, check against the generated schema, then the semantic checks
// of the core. Returns data ({ok, value} or {ok: false, issues}); the shell decides what to print.
import * as validators from '../generated/validators.cjs';
import type { ValidateFunction } from '../generated/validators.cjs';
import type { Issue, LocatedIssue, Result } from '../core/issues.js';
import type { AnswerFile, Questionnaire, Report, SchemaName } from '../core/model.js';
import { ANSWERS_FORMAT, QUESTIONNAIRE_FORMAT, REPORT_FORMAT } from '../core/formats.js';
import { checkQuestionnaire } from '../core/questionnaire.js';
import { dateIssues } from '../core/dates.js';
import { forgedClaims } from '../core/derive.js';
import { MAX_SHOWN_ISSUES } from '../core/issues.js';
import { claimIssues } from '../core/verify.js';
import { shellQuote } from '../core/text/shell.js';
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
  // a date of the right form may still be no day at all: said with the schema's problems
  if (kind !== 'questionnaire') issues = [...issues, ...dateIssues(kind, parsed.value)];
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

/**
 * A report as it was written, its verdicts not yet checked against its answers: for `verify`,
 * which says what does not follow. Every other reader takes `loadReportFile`.
 */
export const loadReportClaims = (file: string): Result<Loaded<Report>> =>
  loadFile<Report>(file, 'report');

/**
 * A report whose verdicts follow from its answers: one that claims a verdict its own answers do
 * not give is refused, each such claim at its place in the file, with how to fix it. So every
 * reader (diff, a baseline, summary) works with derived verdicts.
 */
export function loadReportFile(file: string): Result<Loaded<Report>> {
  return withDerivedVerdicts(loadReportClaims(file), file);
}

/** A loaded report, or its forged claims as issues when its verdicts do not follow (derive.ts). */
export function withDerivedVerdicts(
  loaded: Result<Loaded<Report>>,
  file: string,
): Result<Loaded<Report>> {
  if (!loaded.ok) return loaded;
  const claims = forgedClaims(loaded.value.value);
  if (claims.length === 0) return loaded;
  // an error about a file, in English as every other (verify says the same in the report's language)
  const issues = claimIssues(claims, 'en');
  const shown = issues.slice(0, MAX_SHOWN_ISSUES);
  const rest = issues.slice(MAX_SHOWN_ISSUES);
  return {
    ok: false,
    issues: [
      // only the first are printed: those are located, in the file's order; the rest counted
      ...sortIssues(shown.map((issue) => locate(loaded.value.parsed, issue))),
      ...rest.map((issue) => ({ file, message: issue.message })),
    ],
    warnings: [],
    summary: forgedSummary(file, claims.length),
  };
}

/** The line above a report's forged claims: what is wrong, and how to fix it. */
function forgedSummary(file: string, n: number): string {
  const verdicts = n === 1 ? 'a verdict' : `${n} verdicts`;
  return `${file}: ${verdicts} in this report ${n === 1 ? 'does' : 'do'} not follow from its own answers, so the report cannot be trusted as it is; write it again from its answers (trustcheck audit --answers FILE -f json -o ${shellQuote(file)}), or run \`trustcheck verify ${shellQuote(file)}\` for every finding`;
}

/**
 * A report as far as a portfolio summary reads it: the parts a summary uses, checked as the
 * report schema has them (the other fields are not read, so not checked), with its verdicts as
 * its answers give them. A file that is not such a report, or whose claims do not follow, gets
 * loadReportFile's messages.
 */
export function loadReportForSummary(file: string): Result<ReportForSummary> {
  const read = readInputFile(file, KIND_NAMES.report);
  if (!read.ok) return { ok: false, issues: [read.issue], warnings: [] };
  const parsed = parseDocument(read.text, file);
  const value = parsed.ok ? (parsed.parsed.value as { format?: unknown } | null) : undefined;
  if (value?.format === REPORT_FORMAT && validators.reportForSummary(value)) {
    const forSummary = value as unknown as ReportForSummary;
    // the verdicts are used as derived: a report whose claims do not follow, or with a date that
    // does not exist, takes the usual path below, which says where and why
    if (dateIssues('report', forSummary).length === 0 && forgedClaims(forSummary).length === 0) {
      return { ok: true, value: forSummary, warnings: [] };
    }
  }
  const loaded = withDerivedVerdicts(validateText<Report>(read.text, file, 'report'), file);
  return loaded.ok ? { ok: true, value: loaded.value.value, warnings: [] } : loaded;
}
