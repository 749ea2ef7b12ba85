// The library API: the same engine the CLI uses, typed.
//   import { loadQuestionnaire, loadAnswers, score, compare, render } from 'trustcheck'
// Every function checks its arguments first (app/arguments.ts): a wrong one is a TrustcheckError
// in words, never a TypeError from deep inside.
import * as check from './app/arguments.js';
import { checkArguments } from './app/arguments.js';
import { loadAnswerFile } from './app/load.js';
import { builtinMeanings, resolveRef } from './app/registry.js';
import { today } from './app/today.js';
import {
  normalizeAnswer as normalizeEntry,
  resolveAnswers,
  type GivenAnswer,
  type QuestionnaireAnswers,
} from './core/answers.js';
import {
  compare as compareReports,
  hasRegressions as comparisonHasRegressions,
  renewsBaseline as changeRenewsBaseline,
  type CompareResult,
  type MeaningsOf,
} from './core/compare.js';
import type {
  AnswerEntry,
  AnswerFile,
  Comparison,
  Questionnaire,
  Report,
  VersionChange,
} from './core/model.js';
import {
  REPORT_FORMAT_IDS,
  formatName,
  isReportFormat,
  isSyncReportFormat,
  rendererFor,
  syncRenderer,
  type RenderOptions,
  type ReportFormat,
  type SyncReportFormat,
} from './core/render/index.js';
import { buildReport as buildReportDocument, type ReportMeta } from './core/report.js';
import {
  auditPassed as resultsPassed,
  score as scoreQuestionnaire,
  type QuestionnaireResult,
} from './core/scoring.js';
import { unwrap } from './errors.js';

export type { CompareResult, ComparedReport, MeaningsOf } from './core/compare.js';
export type { RenderOptions, ReportFormat, SyncReportFormat } from './core/render/index.js';
export type { ReportMeta } from './core/report.js';
export type { QuestionnaireResult, SectionResult, StatementResult } from './core/scoring.js';
export { TrustcheckError, ExitCode } from './errors.js';
export type { LocatedIssue, Issue, Result } from './core/issues.js';
export type { GivenAnswer, QuestionnaireAnswers, Choice } from './core/answers.js';
export type * from './core/model.js';
/** A questionnaire by REF: a built-in id, `id@version`, or a path. Throws TrustcheckError. */
export function loadQuestionnaire(ref: string): Questionnaire & { digest: string } {
  checkArguments('loadQuestionnaire', [
    {
      name: 'the reference',
      problem: check.name(
        ref,
        'a text naming a questionnaire: a built-in id such as "trustability", an id@version such as "trustability@1.0.0", or a file path',
      ),
    },
  ]);
  const loaded = unwrap(resolveRef(ref));
  return { ...loaded.value, digest: loaded.digest };
}

/** An answer file, parsed and checked against the schema. Throws TrustcheckError. */
export function loadAnswers(file: string): AnswerFile {
  checkArguments('loadAnswers', [
    { name: 'the file', problem: check.name(file, 'the path of an answer file, as a text') },
  ]);
  return unwrap(loadAnswerFile(file)).value;
}

/**
 * Scores a questionnaire under all-must-be-true. `answers` is an answer file (its entry for this
 * questionnaire is used) or the answers by section and statement. The date defaults to the
 * answer file's, else today. Unanswered statements count as not true; answers that do not fit
 * the questionnaire (an unknown id, an N/A it does not allow) throw a TrustcheckError.
 */
export function score(
  questionnaire: Questionnaire,
  answers: AnswerFile | QuestionnaireAnswers,
  options: { date?: string } = {},
): QuestionnaireResult {
  const file = check.isAnswerFileLike(answers) ? (answers as AnswerFile) : undefined;
  checkArguments('score', [
    { name: 'the questionnaire', problem: check.questionnaire(questionnaire) },
    {
      name: 'the answers',
      problem: file === undefined ? check.sectionAnswers(answers) : check.answerFile(file),
      plural: true,
    },
    { name: 'the options', problem: check.scoreOptions(options), plural: true },
  ]);
  const date = options.date ?? file?.date ?? today();
  const entry =
    file === undefined
      ? { answers: answers as QuestionnaireAnswers }
      : Object.hasOwn(file.questionnaires, questionnaire.id)
        ? file.questionnaires[questionnaire.id]
        : undefined;
  const { answers: given, issues } = resolveAnswers(
    entry,
    questionnaire,
    file === undefined ? [] : ['questionnaires', questionnaire.id],
    { allowIncomplete: true },
  );
  checkArguments('score', [
    { name: 'the questionnaire', problem: undefined },
    {
      name: 'the answers',
      problem:
        issues.length === 0
          ? undefined
          : `do not fit ${questionnaire.id}@${questionnaire.version}: ${issues
              .slice(0, 3)
              .map((i) => i.message)
              .join('; ')}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`,
    },
  ]);
  return scoreQuestionnaire(questionnaire, given, { date });
}

/**
 * Compares a report with a baseline report: regressions, improvements, added and removed
 * statements, and the questionnaires whose version changed. A statement is compared only with the
 * one that means the same (same section, id and meaning), as the built-in questionnaires'
 * meanings records say; `meaningsOf` gives other records.
 */
export function compare(
  baseline: Report,
  current: Report,
  meaningsOf: MeaningsOf = builtinMeanings,
): CompareResult {
  checkArguments('compare', [
    { name: 'the baseline', problem: check.report(baseline) },
    { name: 'the current report', problem: check.report(current) },
    {
      name: 'the meanings records',
      problem:
        typeof meaningsOf === 'function'
          ? undefined
          : `must be a function from a questionnaire id to its meanings record (or undefined), found ${check.described(meaningsOf)}`,
    },
  ]);
  // each record given is checked as it is asked for, as a file's would be
  const checked: MeaningsOf = (id) => {
    const record = meaningsOf(id);
    checkArguments('compare', [
      { name: 'the baseline', problem: undefined },
      { name: 'the current report', problem: undefined },
      {
        name: `the meanings records' answer for "${id}"`,
        problem: check.meaningsRecord(record),
      },
    ]);
    return record;
  };
  return compareReports(baseline, current, checked);
}

/** Whether a comparison holds anything that counts as a regression. */
export function hasRegressions(comparison: Comparison): boolean {
  checkArguments('hasRegressions', [
    { name: 'the comparison', problem: check.comparison(comparison) },
  ]);
  return comparisonHasRegressions(comparison);
}

/**
 * Whether a version change of a comparison asks for a new baseline: a newer major version, or a
 * newer version that removed or re-meant statements (the baseline's statements that nothing
 * compares any more).
 */
export function renewsBaseline(change: VersionChange): boolean {
  checkArguments('renewsBaseline', [
    { name: 'the version change', problem: check.versionChange(change) },
  ]);
  return changeRenewsBaseline(change);
}

/** The report of scored questionnaires: the one input of every renderer and of compare. */
export function buildReport(results: readonly QuestionnaireResult[], meta: ReportMeta): Report {
  checkArguments('buildReport', [
    { name: 'the results', problem: check.results(results), plural: true },
    { name: 'the details', problem: check.reportMeta(meta), plural: true },
  ]);
  return buildReportDocument(results, meta);
}

/** The audit passes only if every questionnaire in it passes (and it has at least one). */
export function auditPassed(results: readonly QuestionnaireResult[]): boolean {
  checkArguments('auditPassed', [
    { name: 'the results', problem: check.results(results), plural: true },
  ]);
  return resultsPassed(results);
}

/** An answer as an answer file may write it, in the one form scoring reads. */
export function normalizeAnswer(entry: AnswerEntry | undefined): GivenAnswer {
  checkArguments('normalizeAnswer', [{ name: 'the answer', problem: check.answerEntry(entry) }]);
  return normalizeEntry(entry);
}

/** The JSON report (format trustcheck-report/1), deterministic. */
export function renderJson(report: Report, options: RenderOptions = {}): string {
  return renderAs('renderJson', 'json', report, options);
}

/** The Markdown report. */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  return renderAs('renderMarkdown', 'md', report, options);
}

/** The JUnit XML report. */
export function renderJunit(report: Report, options: RenderOptions = {}): string {
  return renderAs('renderJunit', 'junit', report, options);
}

/**
 * A report as text in a format that needs no loading: md, json, junit or github. HTML is rendered
 * by `renderAsync`, which loads its renderer on first use.
 */
export function render(
  report: Report,
  format: SyncReportFormat,
  options: RenderOptions = {},
): string {
  checkRender('render', report, format, options, true);
  return syncRenderer(format)(report, options);
}

/** A report as text in any format (html too), its renderer loaded first when needed. */
export async function renderAsync(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<string> {
  checkRender('renderAsync', report, format, options, false);
  return (await rendererFor(format))(report, options);
}

/** A renderer of the library by name (renderJson, …): its arguments checked, then rendered. */
function renderAs(
  fn: string,
  format: SyncReportFormat,
  report: Report,
  options: RenderOptions,
): string {
  checkArguments(fn, [
    { name: 'the report', problem: check.report(report) },
    { name: 'the options', problem: check.renderOptions(options), plural: true },
  ]);
  return syncRenderer(format)(report, options);
}

function checkRender(
  fn: string,
  report: unknown,
  format: unknown,
  options: unknown,
  sync: boolean,
): void {
  checkArguments(fn, [
    { name: 'the report', problem: check.report(report) },
    { name: 'the format', problem: formatProblem(format, sync) },
    { name: 'the options', problem: check.renderOptions(options), plural: true },
  ]);
}

/** What is wrong with a format for render (`sync`) or renderAsync, in words. */
function formatProblem(format: unknown, sync: boolean): string | undefined {
  if (sync ? isSyncReportFormat(format) : isReportFormat(format)) return undefined;
  if (isReportFormat(format)) {
    return `is ${formatName(format)}, whose renderer is loaded on first use: call await renderAsync(report, '${format}') instead`;
  }
  const formats = REPORT_FORMAT_IDS.filter((f) => !sync || isSyncReportFormat(f));
  const lazy = REPORT_FORMAT_IDS.filter((f) => !formats.includes(f));
  return `must be one of ${formats.map((f) => `'${f}'`).join(', ')}${
    lazy.length === 0 ? '' : ` (${lazy.join(', ')} through renderAsync)`
  }, found ${check.described(format)}`;
}
