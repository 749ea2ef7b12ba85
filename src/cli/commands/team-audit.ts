// `trustcheck audit --team`: several respondents' answer files for one organisation, one report.
// Which options go with it is said here; the audit itself is app/team-audit.ts, and the report
// takes the one path of every audit (render, write, policy) in audit.ts.
import { unwrap } from '../../errors.js';
import { loadAnswerFile } from '../../app/load.js';
import { answersSource } from '../../app/source.js';
import { runTeamAudit } from '../../app/team-audit.js';
import { today } from '../../app/today.js';
import { defaultLanguage } from '../../core/language.js';
import { teamCounts } from '../../core/team.js';
import { teamWordsFor } from '../../core/words.js';
import type { Report } from '../../core/model.js';
import type { AnswersSource } from '../../core/render/options.js';
import { annotationPath } from '../annotation-path.js';
import type { Context } from '../context.js';
import type { AuditOptions } from '../declarations.js';
import { printWarnings } from '../report-output.js';
import type { Baseline } from '../scripted-audit.js';

/** What does not go with --team or --anonymous, in words; undefined when all is well. */
export function teamProblem(options: AuditOptions, interactive: boolean): string | undefined {
  if (options.anonymous === true && options.team !== true) {
    return '--anonymous goes with --team: it hides who answered in a team audit';
  }
  if (interactive) {
    return '--team combines answer files that each respondent filled in: give them with --answers (a folder, or several files); each person answers on their own with trustcheck audit --save-answers FILE --assessor NAME';
  }
  if (options.outDir !== undefined)
    return '--out-dir does not go with --team: a team audit writes one report (use -o FILE)';
  if (options.name !== undefined)
    return '--name does not go with --team: a team audit writes one report (use -o FILE)';
  if (options.anonymous === true) {
    const github =
      (options.format ?? []).includes('github') ||
      (options.output ?? []).some((o) => /\.github$/i.test(o));
    if (github) {
      return "-f github does not go with --anonymous: its annotations point at each respondent's file";
    }
  }
  return undefined;
}

/** Audits the team's files into one report; problems are a TrustcheckError (exit 2). */
export function teamAudit(
  ctx: Context,
  files: readonly string[],
  options: AuditOptions,
  baseline: Baseline | undefined,
): { report: Report; sources: AnswersSource[] } {
  const loaded = files.map((file) => ({ file, answers: unwrap(loadAnswerFile(file)) }));
  const result = runTeamAudit({
    files: loaded,
    questionnaires: options.questionnaire,
    allowIncomplete: options.allowIncomplete,
    subject: options.subject,
    language: options.lang ?? defaultLanguage(ctx.env, loaded[0]?.answers.value.language),
    today: today(ctx.env),
    anonymous: options.anonymous,
    baseline,
    strict: options.strict,
  });
  if (result.ok || result.summary === undefined) printWarnings(ctx, result.warnings);
  const report = unwrap(result);
  // how far the team agrees, before the questions and the verdict
  ctx.info(teamWordsFor(report.language).counts(teamCounts(report)));
  return {
    report,
    sources: loaded.map(({ file, answers }) =>
      answersSource(file, answers, annotationPath(file, ctx.env.GITHUB_WORKSPACE)),
    ),
  };
}
