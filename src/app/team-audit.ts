// A team audit: several respondents' answer files for one organisation -> one report. Each file
// is checked against the others (one subject, the same questionnaires at the same versions, a
// different assessor in each), audited on its own at the team's date, and the reports are
// combined by the core (core/team.ts). Prints nothing; problems are located in their files.
import { auditReport } from '../core/audit-report.js';
import { actionsAgainstBaseline, withActionTotals } from '../core/actions.js';
import { compare } from '../core/compare.js';
import type { LocatedIssue, Result } from '../core/issues.js';
import type { AnswerFile, Report } from '../core/model.js';
import { combineTeam, sameName, sameSubject, type TeamMember } from '../core/team.js';
import { locate } from '../io/document.js';
import { VERSION } from '../version.js';
import { sortIssues, type Loaded } from './load.js';
import { baselineWarnings } from './run-audit.js';
import { selectQuestionnaires } from './select.js';

export interface TeamAuditRequest {
  /** The respondents' answer files, in the order given. */
  files: readonly { file: string; answers: Loaded<AnswerFile> }[];
  questionnaires?: readonly string[] | undefined;
  allowIncomplete?: boolean | undefined;
  /** Overrides every file's subject (then the subjects need not match). */
  subject?: string | undefined;
  language: string;
  today: string;
  anonymous?: boolean | undefined;
  baseline?: { file: string; report: Report } | undefined;
  strict?: boolean | undefined;
}

const quoted = (text: string): string => JSON.stringify(text);

export function runTeamAudit(request: TeamAuditRequest): Result<Report> {
  const { files } = request;
  const issues: LocatedIssue[] = [];
  const warnings: LocatedIssue[] = [];
  const at = (f: (typeof files)[number], path: (string | number)[], message: string) =>
    locate(f.answers.parsed, { path, at: 'key', message });
  let summary: string | undefined;

  // who: every file names its person, and no person answers twice
  const seen = new Map<string, string>();
  for (const f of files) {
    const assessor = f.answers.value.assessor;
    if (assessor === undefined || assessor.trim() === '') {
      issues.push({
        file: f.file,
        message:
          'a team audit needs to know who answered: add "assessor: NAME" (and optionally "role: ROLE") to this file',
      });
      continue;
    }
    const key = sameName(assessor);
    const other = seen.get(key);
    if (other !== undefined) {
      issues.push(
        at(
          f,
          ['assessor'],
          `${quoted(assessor.trim())} also answered in ${other}: each respondent answers once, in one file; remove one of the files, or correct the assessor`,
        ),
      );
    } else seen.set(key, f.file);
  }

  // one subject, unless --subject names it for all
  if (request.subject === undefined) {
    const subjects = new Map<string, string[]>();
    for (const f of files) {
      const key = sameSubject(f.answers.value.subject);
      subjects.set(key, [...(subjects.get(key) ?? []), f.file]);
    }
    if (subjects.size > 1) {
      const first = sameSubject(files[0]!.answers.value.subject);
      for (const f of files) {
        if (sameSubject(f.answers.value.subject) === first) continue;
        issues.push(
          at(
            f,
            ['subject'],
            `the subject ${quoted(f.answers.value.subject)} is not ${quoted(first)}, the subject of ${files[0]!.file}`,
          ),
        );
      }
      summary = `the answer files do not name the same subject: ${[...subjects]
        .map(([subject, named]) => `${quoted(subject)} in ${named.join(', ')}`)
        .join('; ')}; correct the subject, or give --subject NAME for all`;
    }
  }

  // the same questionnaires at the same versions
  const selections = files.map((f) => selectQuestionnaires(f.answers, request.questionnaires));
  selections.forEach((s) => {
    issues.push(...s.issues);
    warnings.push(...s.warnings);
  });
  const signature = (i: number): string =>
    selections[i]!.selected.map((q) => {
      const pinned = files[i]!.answers.value.questionnaires[q.value.id]?.version;
      return `${q.value.id}@${pinned ?? q.value.version}`;
    })
      .sort()
      .join(', ');
  const signatures = files.map((_, i) => signature(i));
  if (issues.length === 0 && new Set(signatures).size > 1) {
    const groups = new Map<string, string[]>();
    files.forEach((f, i) =>
      groups.set(signatures[i]!, [...(groups.get(signatures[i]!) ?? []), f.file]),
    );
    files.forEach((f, i) => {
      if (signatures[i] === signatures[0]) return;
      issues.push({
        file: f.file,
        message: `answers ${signatures[i] || 'no questionnaire'}, but ${files[0]!.file} answers ${signatures[0] || 'none'}: every respondent answers the same questionnaires at the same versions`,
      });
    });
    summary = `the answer files do not answer the same questionnaires at the same versions: ${[
      ...groups,
    ]
      .map(([s, named]) => `${named.join(', ')}: ${s || 'none'}`)
      .join('; ')}; give every respondent the same template (trustcheck init DIR --respondents …)`;
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues), warnings, summary };

  // the team's date: the latest of the files' dates
  const dates = files.flatMap((f) =>
    f.answers.value.date === undefined ? [] : [f.answers.value.date],
  );
  const date = dates.length === 0 ? request.today : dates.reduce((a, b) => (b > a ? b : a));
  const members: TeamMember[] = [];
  const open: string[] = [];
  files.forEach((f, i) => {
    const audited = auditReport({
      answers: { ...f.answers.value, date },
      questionnaires: selections[i]!.selected.map((q) => ({
        questionnaire: q.value,
        digest: q.digest,
      })),
      allowIncomplete: request.allowIncomplete === true,
      subject: request.subject ?? sameSubject(files[0]!.answers.value.subject),
      language: request.language,
      today: request.today,
      toolVersion: VERSION,
    });
    if (!audited.ok) {
      issues.push(...audited.issues.map((issue) => locate(f.answers.parsed, issue)));
      open.push(`${f.answers.value.assessor!.trim()} (${f.file})`);
      return;
    }
    members.push({
      name: f.answers.value.assessor!.trim(),
      role: f.answers.value.role?.trim() || undefined,
      digest: f.answers.digest,
      report: audited.report,
    });
  });
  if (issues.length > 0) {
    return {
      ok: false,
      issues: sortIssues(issues),
      warnings,
      summary: `${open.join(', ')} ${open.length === 1 ? 'has' : 'have'} not answered everything: every respondent answers every statement, or run with --allow-incomplete (an open statement then counts as not true)`,
    };
  }
  let report = combineTeam(members, {
    subject: members[0]!.report.subject,
    anonymous: request.anonymous === true,
  });
  if (request.baseline !== undefined) {
    const compared = compare(request.baseline.report, report);
    report = {
      ...actionsAgainstBaseline(report, request.baseline.report),
      comparison: compared.comparison,
    };
    warnings.push(...baselineWarnings(request.baseline, report, compared.warnings));
  }
  report = withActionTotals(report);
  if (request.strict === true && warnings.length > 0) {
    const n = warnings.length;
    return {
      ok: false,
      issues: warnings,
      warnings: [],
      summary: `${warnings[0]!.file}: ${n === 1 ? 'a warning is an error' : `${n} warnings are errors`} under --strict; fix ${n === 1 ? 'it' : 'them'}, or run without --strict`,
    };
  }
  return { ok: true, value: report, warnings };
}
