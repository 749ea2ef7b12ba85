// `trustcheck verify REPORT [--answers FILE…] [-q REF…]`: whether a report holds. Its verdicts
// follow from its answers; each questionnaire is a shipped one or one given with -q (by digest),
// with its questions, statements and texts; and, with --answers, the report is what that file
// gives. Exit 0 when all of it holds, 1 when it does not (each finding said, at its place in the
// report), 2 when it cannot be checked.
import type { Context } from '../context.js';
import type { VerifyOptions } from '../declarations.js';
import { ExitCode, TrustcheckError, unwrap } from '../../errors.js';
import { loadAnswerFile, loadReportClaims } from '../../app/load.js';
import { resolveRef } from '../../app/registry.js';
import { identifyQuestionnaires, reproduce, reproduceTeam } from '../../app/verify.js';
import { expandInputs } from '../inputs.js';
import { capIssues, formatIssue, type LocatedIssue } from '../../core/issues.js';
import {
  CHECKS,
  consistencyFindings,
  namedQuestionnaire,
  questionnaireFindings,
  type Check,
  type Finding,
} from '../../core/verify.js';
import { verifyWordsFor } from '../../core/words.js';
import { prettyJson } from '../../core/text/controls.js';
import { locate } from '../../io/document.js';
import { printLines } from '../report-output.js';

export function verifyCommand(ctx: Context, reportFile: string, options: VerifyOptions): number {
  // what cannot be read or checked ends here, with exit 2: the report, -q, the answer file
  const loaded = unwrap(loadReportClaims(reportFile));
  const report = loaded.value;
  const language = options.lang ?? report.language;
  const w = verifyWordsFor(language);
  const given = (options.questionnaire ?? []).map((ref) => ({
    ref,
    loaded: unwrap(resolveRef(ref)),
  }));
  const answerFiles = expandInputs(
    options.answers ?? [],
    ['.yaml', '.yml', '.json'],
    'answer file',
  );
  const team = report.respondents !== undefined;
  // a one-person report was made from one answer file; a team report from one per respondent
  if (!team && answerFiles.length > 1) {
    throw new TrustcheckError(
      `the report was made from one answer file, and ${answerFiles.length} were given; give that one file with --answers (several files are the respondents of a team report, and this report has none)`,
    );
  }
  if (team && answerFiles.length > 0 && answerFiles.length !== report.respondents!.length) {
    const n = report.respondents!.length;
    throw new TrustcheckError(
      `the report has ${n} respondent${n === 1 ? '' : 's'}, and ${answerFiles.length} answer file${answerFiles.length === 1 ? ' was' : 's were'} given; give each respondent's file, in the order of the report's respondents (as the team audit was given them)`,
    );
  }
  const loadedAnswers = answerFiles.map((file) => ({
    file,
    answers: unwrap(loadAnswerFile(file)),
  }));
  const answers = !team && loadedAnswers.length === 1 ? loadedAnswers[0]!.answers : undefined;
  const identification = identifyQuestionnaires(report, given, language);
  if (identification.cannot.length > 0) {
    throw new TrustcheckError(identification.cannot.join('\n'));
  }
  for (const ref of identification.unused) {
    ctx.warn(`-q ${ref} is not among the report's questionnaires; it is not used`);
  }

  const findings: Finding[] = [
    ...consistencyFindings(report, language),
    ...identification.findings,
    ...identification.questionnaires.flatMap((q, qi) =>
      questionnaireFindings(report, qi, q.loaded.value, language),
    ),
  ];
  if (team && loadedAnswers.length > 0) {
    findings.push(
      ...unwrap(reproduceTeam(report, identification.questionnaires, loadedAnswers, language)),
    );
  } else if (answers !== undefined) {
    const reproduced = reproduce(report, identification.questionnaires, answers, language);
    findings.push(...unwrap(reproduced));
    for (const note of reproduced.warnings) ctx.warn(formatIssue(note));
  }
  const located = placed(findings, (f) => locate(loaded.parsed, f));

  if (options.format === 'json') {
    ctx.stdout.write(
      prettyJson({
        format: 'trustcheck-verification/1',
        report: reportFile,
        holds: located.length === 0,
        questionnaires: identification.questionnaires.map((q, qi) => ({
          id: report.questionnaires[qi]!.id,
          version: report.questionnaires[qi]!.version,
          digest: report.questionnaires[qi]!.digest,
          checkedAgainst: {
            id: q.loaded.value.id,
            version: q.loaded.value.version,
            source: q.source,
            file: q.source === 'shipped' ? null : q.loaded.file,
          },
        })),
        answers: answerFiles.length === 0 ? null : team ? answerFiles : answerFiles[0]!,
        findings: located.map(({ finding, at }) => ({
          check: finding.check,
          path: pointer(finding.path),
          line: at.line ?? null,
          col: at.col ?? null,
          message: finding.message,
        })),
      }),
    );
  } else {
    // the findings are the result: printed under --quiet too, wrapped at words on a terminal
    printLines(
      ctx,
      capIssues(located.map((l) => l.at)).map((text) => ({ text, hang: 2, always: true })),
    );
  }
  if (report.comparison !== null) {
    printLines(ctx, [{ text: w.comparisonUnchecked(report.comparison.baseline.date), hang: 2 }]);
  }
  if (located.length > 0) {
    printLines(ctx, [{ text: w.fails(reportFile, located.length), hang: 2 }]);
    return ExitCode.policyViolated;
  }
  const checked = [
    w.checked.consistent,
    w.checked.questionnaires(
      identification.questionnaires
        .map(
          (q, qi) =>
            `${namedQuestionnaire(report.questionnaires[qi]!)} (${q.source === 'shipped' ? w.checked.shippedLabel : q.loaded.file})`,
        )
        .join(', '),
    ),
    ...(answerFiles.length === 0 ? [] : [w.checked.answers(answerFiles.join(', '), report.date)]),
  ];
  printLines(ctx, [{ text: w.holds(reportFile, checked), hang: 4 }]);
  return ExitCode.ok;
}

/**
 * The findings with their places in the report, one per place (the first check to find
 * something there says it), in the order of the checks and then of the file.
 */
function placed(
  findings: readonly Finding[],
  locateIn: (finding: Finding) => LocatedIssue,
): { finding: Finding; at: LocatedIssue }[] {
  const seen = new Set<string>();
  const order = (check: Check) => CHECKS.indexOf(check);
  return findings
    .filter((f) => {
      const key = `${f.path.join('\u0000')}\u0001${f.check === 'questionnaire' ? f.message : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((finding) => ({ finding, at: locateIn(finding) }))
    .sort(
      (a, b) =>
        order(a.finding.check) - order(b.finding.check) ||
        (a.at.line ?? 0) - (b.at.line ?? 0) ||
        (a.at.col ?? 0) - (b.at.col ?? 0),
    );
}

/** A path as a JSON Pointer (RFC 6901): `/questionnaires/0/passed`. */
function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
