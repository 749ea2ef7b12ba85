// One audit as a pure function: an answer file and the questionnaires it is read against ->
// the report (with the comparison, given a baseline), or the problems of the answers by path.
import { resolveAnswers, type QuestionnaireAnswers } from './answers.js';
import { compare, type MeaningsOf } from './compare.js';
import type { Issue } from './issues.js';
import type { AnswerFile, Questionnaire, Report } from './model.js';
import { buildReport } from './report.js';
import { score } from './scoring.js';

export interface AuditInput {
  answers: AnswerFile;
  /** The questionnaires, each with the digest of its file. */
  questionnaires: readonly { questionnaire: Questionnaire; digest: string }[];
  allowIncomplete: boolean;
  /** Overrides the answer file's subject. */
  subject?: string | undefined;
  language: string;
  /** The report's date when the answer file gives none (YYYY-MM-DD). */
  today: string;
  toolVersion: string;
  baseline?: Report | undefined;
  /** The meanings records, for a baseline of another version of a questionnaire. */
  meaningsOf?: MeaningsOf | undefined;
}

export type AuditReport =
  { ok: true; report: Report; warnings: string[] } | { ok: false; issues: Issue[] };

export function auditReport(input: AuditInput): AuditReport {
  const file = input.answers;
  const issues: Issue[] = [];
  const given: QuestionnaireAnswers[] = input.questionnaires.map(({ questionnaire: q }) => {
    const resolved = resolveAnswers(file.questionnaires[q.id], q, ['questionnaires', q.id], {
      allowIncomplete: input.allowIncomplete,
    });
    issues.push(...resolved.issues);
    return resolved.answers;
  });
  if (issues.length > 0) return { ok: false, issues };

  const date = file.date ?? input.today;
  const results = input.questionnaires.map(({ questionnaire }, i) =>
    score(questionnaire, given[i]!, { date }),
  );
  const report = buildReport(results, {
    toolVersion: input.toolVersion,
    subject: input.subject ?? file.subject,
    assessor: file.assessor,
    date,
    language: input.language,
    digests: Object.fromEntries(input.questionnaires.map((q) => [q.questionnaire.id, q.digest])),
  });
  if (input.baseline === undefined) return { ok: true, report, warnings: [] };
  const compared = compare(input.baseline, report, input.meaningsOf);
  return {
    ok: true,
    report: { ...report, comparison: compared.comparison },
    warnings: compared.warnings,
  };
}
