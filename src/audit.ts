// Running one scripted audit: an answer file (already parsed) + the questionnaires it answers
// -> a report. Collects every problem with its position; prints nothing.
import { resolveAnswers, type QuestionnaireAnswers } from './core/answers.js';
import { compare, type CompareResult } from './core/compare.js';
import { didYouMean, type Issue, type LocatedIssue } from './core/issues.js';
import type { AnswerFile, Report } from './core/model.js';
import { buildReport } from './core/report.js';
import { score, type QuestionnaireResult } from './core/scoring.js';
import { majorOf } from './core/semver.js';
import { locate } from './io/document.js';
import { sortIssues, type Loaded } from './load.js';
import { resolvePinned, resolveRef, type LoadedQuestionnaire } from './questionnaires.js';

export interface AuditOptions {
  /** -q: questionnaire REFs to include; default: those the answer file answers. */
  questionnaires?: string[] | undefined;
  allowIncomplete?: boolean | undefined;
  subject?: string | undefined;
  language: string;
  /** The audit date (YYYY-MM-DD) when the answer file gives none. */
  today: string;
  toolVersion: string;
  baseline?: Report | undefined;
}

export interface AuditOutcome {
  report: Report;
  results: QuestionnaireResult[];
  comparison: CompareResult | null;
  /** Warnings with their place (a version fallback, a changed questionnaire). */
  warnings: LocatedIssue[];
}

export type AuditResult =
  | { ok: true; outcome: AuditOutcome; warnings: LocatedIssue[] }
  | { ok: false; issues: LocatedIssue[]; warnings: LocatedIssue[] };

/** The questionnaires an answer file refers to, resolved and version-checked. */
function selectQuestionnaires(
  answers: Loaded<AnswerFile>,
  refs: string[] | undefined,
  issues: Issue[],
  warnings: Issue[],
): LoadedQuestionnaire[] {
  const file = answers.value;
  const selected: LoadedQuestionnaire[] = [];
  if (refs !== undefined && refs.length > 0) {
    for (const ref of refs) {
      const loaded = resolveRef(ref);
      const pinned = file.questionnaires[loaded.value.id]?.version;
      if (pinned !== undefined && pinned !== loaded.value.version) {
        const path = ['questionnaires', loaded.value.id, 'version'];
        if (majorOf(pinned) !== majorOf(loaded.value.version)) {
          issues.push({
            path,
            message: `these answers were given against ${loaded.value.id} ${pinned}, but ${ref} is version ${loaded.value.version} (another major version); answer it again`,
          });
        } else {
          warnings.push({
            path,
            message: `answers given against ${loaded.value.id} ${pinned} are read against ${loaded.value.version}`,
          });
        }
      }
      selected.push(loaded);
    }
    return selected;
  }
  for (const [id, entry] of Object.entries(file.questionnaires)) {
    const resolved = resolvePinned(id, entry.version);
    if ('error' in resolved) {
      issues.push({
        path: resolved.field === 'id' ? ['questionnaires', id] : ['questionnaires', id, 'version'],
        at: resolved.field === 'id' ? 'key' : 'value',
        message: resolved.error,
      });
      continue;
    }
    if (resolved.warning !== undefined) {
      warnings.push({ path: ['questionnaires', id, 'version'], message: resolved.warning });
    }
    selected.push(resolved.loaded);
  }
  if (selected.length === 0 && issues.length === 0) {
    issues.push({
      path: ['questionnaires'],
      message:
        'the answer file answers no questionnaire; add one under "questionnaires" (see `trustcheck init`)',
    });
  }
  return selected;
}

export function runAudit(answers: Loaded<AnswerFile>, options: AuditOptions): AuditResult {
  const file = answers.value;
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const selected = selectQuestionnaires(answers, options.questionnaires, issues, warnings);
  const selectedIds = new Set(selected.map((q) => q.value.id));
  if (options.questionnaires !== undefined && options.questionnaires.length > 0) {
    for (const id of Object.keys(file.questionnaires)) {
      if (!selectedIds.has(id)) {
        warnings.push({
          path: ['questionnaires', id],
          at: 'key',
          message: `answers to "${id}" are ignored: it is not among the questionnaires given with -q${didYouMean(id, selectedIds).replace(/; expected one of.*$/, '')}`,
        });
      }
    }
  }

  const date = file.date ?? options.today;
  const perQuestionnaire: { loaded: LoadedQuestionnaire; answers: QuestionnaireAnswers }[] = [];
  for (const loaded of selected) {
    const q = loaded.value;
    const resolved = resolveAnswers(file.questionnaires[q.id], q, ['questionnaires', q.id], {
      allowIncomplete: options.allowIncomplete === true,
    });
    issues.push(...resolved.issues);
    perQuestionnaire.push({ loaded, answers: resolved.answers });
  }
  const locatedWarnings = sortIssues(warnings.map((w) => locate(answers.parsed, w)));
  if (issues.length > 0) {
    return {
      ok: false,
      issues: sortIssues(issues.map((i) => locate(answers.parsed, i))),
      warnings: locatedWarnings,
    };
  }

  const results = perQuestionnaire.map(({ loaded, answers: given }) =>
    score(loaded.value, given, { date }),
  );
  const digests = Object.fromEntries(selected.map((q) => [q.value.id, q.digest]));
  const meta = {
    toolVersion: options.toolVersion,
    subject: options.subject ?? file.subject,
    assessor: file.assessor,
    date,
    language: options.language,
    digests,
  };
  let report = buildReport(results, meta);
  let comparison: CompareResult | null = null;
  if (options.baseline !== undefined) {
    comparison = compare(options.baseline, report);
    report = { ...report, comparison: comparison.comparison };
  }
  return {
    ok: true,
    outcome: { report, results, comparison, warnings: locatedWarnings },
    warnings: locatedWarnings,
  };
}

/** YYYY-MM-DD for "today": SOURCE_DATE_EPOCH when set (reproducible builds), else the local date. */
export function today(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
