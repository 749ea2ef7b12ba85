// The scripted audit of one answer file, shared by `audit`, its batch and its interactive
// ending: load the answers, audit them (against a baseline), print the warnings.
import { unwrap } from '../errors.js';
import { loadAnswerFile, loadReportFile } from '../app/load.js';
import { isPathRef } from '../app/registry.js';
import { runAudit } from '../app/run-audit.js';
import { answersSource } from '../app/source.js';
import { today } from '../app/today.js';
import { defaultLanguage, type Language } from '../core/language.js';
import type { Report } from '../core/model.js';
import type { AnswersSource } from '../core/render/options.js';
import type { Context } from './context.js';
import type { AuditOptions } from './declarations.js';
import { printWarnings } from './report-output.js';
import { annotationPath } from './annotation-path.js';

/** A loaded baseline report with the file it came from. */
export interface Baseline {
  file: string;
  report: Report;
}

/** The baseline file of a run: --baseline or the config file's; none with --no-baseline. */
export function baselineFile(options: Pick<AuditOptions, 'baseline'>): string | undefined {
  return typeof options.baseline === 'string' ? options.baseline : undefined;
}

/** The files a run reads besides its answer files: the baseline and questionnaires given by path. */
export function otherInputs(options: AuditOptions): string[] {
  const baseline = baselineFile(options);
  return [
    ...(baseline === undefined ? [] : [baseline]),
    ...(options.questionnaire ?? []).filter(isPathRef),
  ];
}

export function loadBaseline(file: string | undefined): Baseline | undefined {
  return file === undefined ? undefined : { file, report: unwrap(loadReportFile(file)).value };
}

export interface Audited {
  report: Report;
  /** Where each statement stands in the answers file. */
  source: AnswersSource;
}

/** Audits one answer file; problems are a TrustcheckError (exit 2), warnings are printed. */
export function auditFile(
  ctx: Context,
  file: string,
  options: AuditOptions,
  baseline: Baseline | undefined,
  language: Language | undefined = options.lang,
): Audited {
  const answers = unwrap(loadAnswerFile(file));
  const result = runAudit({
    file,
    answers,
    questionnaires: options.questionnaire,
    allowIncomplete: options.allowIncomplete,
    subject: options.subject,
    language: language ?? defaultLanguage(ctx.env, answers.value.language),
    today: today(ctx.env),
    baseline,
    strict: options.strict,
  });
  if (result.ok || result.summary === undefined) printWarnings(ctx, result.warnings);
  return {
    report: unwrap(result),
    source: answersSource(file, answers, annotationPath(file, ctx.env.GITHUB_WORKSPACE)),
  };
}
