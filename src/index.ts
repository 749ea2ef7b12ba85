// The library API: the same engine the CLI uses, typed.
//   import { loadQuestionnaire, loadAnswers, score, compare, render } from 'trustcheck'
import { loadAnswerFile } from './app/load.js';
import { builtinMeanings, resolveRef } from './app/registry.js';
import { today } from './app/today.js';
import { resolveAnswers, type QuestionnaireAnswers } from './core/answers.js';
import {
  compare as compareReports,
  type CompareResult,
  type ComparedReport,
  type MeaningsOf,
} from './core/compare.js';
import type { AnswerFile, Questionnaire, Report } from './core/model.js';
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
import { score as scoreQuestionnaire, type QuestionnaireResult } from './core/scoring.js';
import { TrustcheckError, unwrap } from './errors.js';

export {
  hasRegressions,
  renewsBaseline,
  type CompareResult,
  type ComparedReport,
  type MeaningsOf,
} from './core/compare.js';
export {
  renderJson,
  renderMarkdown,
  renderJunit,
  type RenderOptions,
  type ReportFormat,
  type SyncReportFormat,
} from './core/render/index.js';
export { buildReport, type ReportMeta } from './core/report.js';
export {
  auditPassed,
  type QuestionnaireResult,
  type SectionResult,
  type StatementResult,
} from './core/scoring.js';
export { TrustcheckError, ExitCode } from './errors.js';
export type { LocatedIssue, Issue, Result } from './core/issues.js';
export { normalizeAnswer } from './core/answers.js';
export type { GivenAnswer, QuestionnaireAnswers, Choice } from './core/answers.js';
export type * from './core/model.js';

/**
 * Compares a report with a baseline report: regressions, improvements, added and removed
 * statements, and the questionnaires whose version changed. A statement is compared only with the
 * one that means the same (same section, id and meaning), as the built-in questionnaires'
 * meanings records say; `meaningsOf` gives other records.
 */
export function compare(
  baseline: ComparedReport,
  current: ComparedReport,
  meaningsOf: MeaningsOf = builtinMeanings,
): CompareResult {
  return compareReports(baseline, current, meaningsOf);
}

/** A questionnaire by REF: a built-in id, `id@version`, or a path. Throws TrustcheckError. */
export function loadQuestionnaire(ref: string): Questionnaire & { digest: string } {
  const loaded = unwrap(resolveRef(ref));
  return { ...loaded.value, digest: loaded.digest };
}

/** An answer file, parsed and checked against the schema. Throws TrustcheckError. */
export function loadAnswers(file: string): AnswerFile {
  return unwrap(loadAnswerFile(file)).value;
}

/**
 * Scores a questionnaire under all-must-be-true. `answers` is an answer file (its entry for this
 * questionnaire is used) or the answers by section and statement. The date defaults to the
 * answer file's, else today.
 */
export function score(
  questionnaire: Questionnaire,
  answers: AnswerFile | QuestionnaireAnswers,
  options: { date?: string } = {},
): QuestionnaireResult {
  const file = isAnswerFile(answers) ? answers : undefined;
  const date = options.date ?? file?.date ?? today();
  const given =
    file === undefined
      ? (answers as QuestionnaireAnswers)
      : resolveAnswers(file.questionnaires[questionnaire.id], questionnaire, [], {
          allowIncomplete: true,
        }).answers;
  return scoreQuestionnaire(questionnaire, given, { date });
}

function isAnswerFile(answers: AnswerFile | QuestionnaireAnswers): answers is AnswerFile {
  return 'format' in answers && 'questionnaires' in answers;
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
  if (!isSyncReportFormat(format)) throw formatError(format, 'render');
  return syncRenderer(format)(report, options);
}

/** A report as text in any format (html too), its renderer loaded first when needed. */
export async function renderAsync(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<string> {
  if (!isReportFormat(format)) throw formatError(format, 'renderAsync');
  return (await rendererFor(format))(report, options);
}

/** Why `fn` cannot render in `format`, in words. */
function formatError(format: unknown, fn: string): TrustcheckError {
  if (isReportFormat(format)) {
    return new TrustcheckError(
      `${fn}(report, '${format}'): the ${formatName(format)} renderer is loaded on first use; call await renderAsync(report, '${format}') instead`,
    );
  }
  const shown =
    typeof format === 'string'
      ? `"${format}"`
      : `of type ${format === null ? 'null' : typeof format}`;
  return new TrustcheckError(
    `${fn}: unknown report format ${shown}; the formats are ${REPORT_FORMAT_IDS.join(', ')}`,
  );
}
