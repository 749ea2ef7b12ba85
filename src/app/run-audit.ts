// Running one scripted audit: a loaded answer file -> the questionnaires it answers -> the
// report, with every problem and warning located in its file. Prints nothing; under --strict,
// warnings are problems.
import { auditReport } from '../core/audit-report.js';
import type { LocatedIssue, Result } from '../core/issues.js';
import type { AnswerFile, Report } from '../core/model.js';
import { locate } from '../io/document.js';
import { VERSION } from '../version.js';
import { sortIssues, type Loaded } from './load.js';
import { builtinMeanings } from './registry.js';
import { selectQuestionnaires } from './select.js';

export interface AuditRequest {
  file: string;
  answers: Loaded<AnswerFile>;
  /** -q: questionnaire REFs to include; default: those the answer file answers. */
  questionnaires?: readonly string[] | undefined;
  allowIncomplete?: boolean | undefined;
  subject?: string | undefined;
  language: string;
  /** The report's date when the answer file gives none (YYYY-MM-DD). */
  today: string;
  baseline?: { file: string; report: Report } | undefined;
  /** Warnings become problems. */
  strict?: boolean | undefined;
}

export function runAudit(request: AuditRequest): Result<Report> {
  const { answers, baseline } = request;
  const selection = selectQuestionnaires(answers, request.questionnaires);
  const warnings = [...selection.warnings];
  let issues = [...selection.issues];
  let report: Report | undefined;
  // a REF that names nothing says so alone
  if (selection.selected.length > 0 || issues.length === 0) {
    const audited = auditReport({
      answers: answers.value,
      questionnaires: selection.selected.map((q) => ({ questionnaire: q.value, digest: q.digest })),
      allowIncomplete: request.allowIncomplete === true,
      subject: request.subject,
      language: request.language,
      today: request.today,
      toolVersion: VERSION,
      baseline: baseline?.report,
      meaningsOf: builtinMeanings,
    });
    if (audited.ok) {
      report = audited.report;
      if (baseline !== undefined)
        warnings.push(...baselineWarnings(baseline, report, audited.warnings));
    } else {
      issues = sortIssues([...issues, ...audited.issues.map((i) => locate(answers.parsed, i))]);
    }
  }
  if (request.strict === true && warnings.length > 0) {
    // the first line names the file the first warning is about (the baseline, say), not
    // the answers file the audit was run on
    const about = warnings[0]!.file === '' ? request.file : warnings[0]!.file;
    const n = warnings.length;
    return {
      ok: false,
      issues: [...warnings, ...issues],
      warnings: [],
      summary: `${about}: ${n === 1 ? 'a warning is an error' : `${n} warnings are errors`} under --strict; fix ${n === 1 ? 'it' : 'them'}, or run without --strict`,
    };
  }
  if (report === undefined || issues.length > 0) return { ok: false, issues, warnings };
  return { ok: true, value: report, warnings };
}

export function baselineWarnings(
  baseline: { file: string; report: Report },
  report: Report,
  comparisonWarnings: string[],
): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  if (baseline.report.subject !== report.subject) {
    out.push({
      file: baseline.file,
      message: `the baseline is a report of "${baseline.report.subject}", not of "${report.subject}"`,
    });
  }
  for (const message of comparisonWarnings) out.push({ file: baseline.file, message });
  return out;
}
