// The verdict in words: what the audit found and what CI decided, in the audit's language. The
// last line an audit prints, the notice of the GitHub annotations, the heading of a summary, a
// batch's line per answer file and its total, and the last lines of diff and summary.
import { hasRegressions, regressionCount, renewsBaseline } from '../compare.js';
import { pick } from '../language.js';
import type { Comparison, Report } from '../model.js';
import type { Summary } from '../summary.js';
import type { FailOn } from '../policy.js';
import { violatesPolicy } from '../policy.js';
import { count } from '../words.js';

const WORDS = {
  en: {
    passed: 'passed',
    failed: 'failed',
    counts: (sp: number, s: number, ss: number, st: number) =>
      `${sp} of ${s} ${s === 1 ? 'question' : 'questions'} pass, ${ss} of ${st} ${st === 1 ? 'statement' : 'statements'} true`,
    noRegressions: (baseline: string) => `no regressions against ${baseline}`,
    regressions: (n: number, baseline: string) =>
      `${n} ${n === 1 ? 'regression' : 'regressions'} against ${baseline}`,
    itself: (verdict: string) => `the audit: ${verdict}`,
    renew: (title: string, from: string, to: string) =>
      `${title} changed from ${from} to ${to}: renew the baseline with this report (answer files move to ${to} with \`trustcheck upgrade\`)`,
    exit: (code: number) => `exit ${code}`,
    notGating: 'not gating: --fail-on never',
    brief: (sp: number, s: number, ss: number, st: number) =>
      `${sp}/${s} questions, ${ss}/${st} statements`,
    regressionTally: (n: number) => count(n, 'regression', 'regressions'),
    batchTotal: (files: number, passed: number, failed: number, errors: number) =>
      `${count(files, 'answer file', 'answer files')}: ${passed} passed, ${failed} failed, ${errors} could not be audited`,
    improvementTally: (n: number) => count(n, 'improvement', 'improvements'),
    changes: (added: number, removed: number) => `${added} added, ${removed} removed`,
    portfolio: (reports: number, subjects: number) =>
      `${count(reports, 'report', 'reports')} of ${count(subjects, 'subject', 'subjects')}`,
    wroteSummary: (file: string) => `wrote ${file}`,
    sameReport: (file: string, first: string, subject: string, date: string) =>
      `${file}: the same report as ${first} (${subject}, ${date}); counted once`,
    givenTwice: (file: string, first: string) =>
      `${file}: the same file as ${first}, given twice; counted once`,
    fromConfig: (file: string) => `options from ${file}`,
  },
  nl: {
    passed: 'voldaan',
    failed: 'niet voldaan',
    counts: (sp: number, s: number, ss: number, st: number) =>
      `${sp} van ${s} ${s === 1 ? 'vraag' : 'vragen'} voldaan, ${ss} van ${st} ${st === 1 ? 'uitspraak' : 'uitspraken'} waar`,
    noRegressions: (baseline: string) => `geen achteruitgang ten opzichte van ${baseline}`,
    regressions: (n: number, baseline: string) =>
      `${n} ${n === 1 ? 'achteruitgang' : 'achteruitgangen'} ten opzichte van ${baseline}`,
    itself: (verdict: string) => `de audit zelf: ${verdict}`,
    renew: (title: string, from: string, to: string) =>
      `${title} is veranderd van ${from} naar ${to}: vernieuw de basislijn met dit rapport (antwoordbestanden zet je over naar ${to} met \`trustcheck upgrade\`)`,
    exit: (code: number) => `exitcode ${code}`,
    notGating: 'blokkeert niet: --fail-on never',
    brief: (sp: number, s: number, ss: number, st: number) =>
      `${sp}/${s} vragen, ${ss}/${st} uitspraken`,
    regressionTally: (n: number) => count(n, 'achteruitgang', 'achteruitgangen'),
    batchTotal: (files: number, passed: number, failed: number, errors: number) =>
      `${count(files, 'antwoordbestand', 'antwoordbestanden')}: ${passed} voldaan, ${failed} niet voldaan, ${errors} niet te auditen`,
    improvementTally: (n: number) => count(n, 'verbetering', 'verbeteringen'),
    changes: (added: number, removed: number) => `${added} toegevoegd, ${removed} verwijderd`,
    portfolio: (reports: number, subjects: number) =>
      `${count(reports, 'rapport', 'rapporten')} van ${count(subjects, 'organisatie', 'organisaties')}`,
    wroteSummary: (file: string) => `overzicht geschreven: ${file}`,
    sameReport: (file: string, first: string, subject: string, date: string) =>
      `${file}: hetzelfde rapport als ${first} (${subject}, ${date}); één keer meegeteld`,
    givenTwice: (file: string, first: string) =>
      `${file}: hetzelfde bestand als ${first}, twee keer opgegeven; één keer meegeteld`,
    fromConfig: (file: string) => `instellingen uit ${file}`,
  },
};

/**
 * One line: the subject, the verdict and counts, and with a baseline what CI decided.
 * `baseline` names the baseline file.
 */
export function verdictLine(
  report: Report,
  failOn: FailOn,
  baseline: string | undefined,
): { text: string; ok: boolean } {
  const w = pick(WORDS, report.language);
  const t = report.totals;
  const verdict = report.passed ? w.passed : w.failed;
  const counts = w.counts(t.sectionsPassed, t.sections, t.statementsSatisfied, t.statements);
  const code = violatesPolicy(report, failOn) ? 1 : 0;
  const ending = failOn === 'never' ? w.notGating : w.exit(code);
  if (report.comparison !== null && failOn === 'regression') {
    const name = baseline ?? 'baseline';
    const decided = hasRegressions(report.comparison)
      ? w.regressions(regressionCount(report.comparison), name)
      : w.noRegressions(name);
    // a new major version leaves statements of the baseline uncompared: CI must renew it
    const renew = (report.comparison.versionChanges ?? []).filter(renewsBaseline).map((v) => {
      const title = report.questionnaires.find((q) => q.id === v.questionnaire)?.title;
      return `${w.renew(title ?? v.questionnaire, v.from, v.to)}; `;
    });
    return {
      text: `${report.subject}: ${decided} (${ending}); ${renew.join('')}${w.itself(`${verdict}, ${counts}`)}`,
      ok: code === 0,
    };
  }
  return { text: `${report.subject}: ${verdict}, ${counts} (${ending})`, ok: code === 0 };
}

/**
 * A batch's line for one answer file, in its report's language: the verdict word (for the shell
 * to colour), and the counts (with the regressions against a baseline, if any).
 */
export function batchLine(report: Report): { verdict: string; counts: string } {
  const w = pick(WORDS, report.language);
  const t = report.totals;
  const regressions = report.comparison === null ? 0 : regressionCount(report.comparison);
  const brief = w.brief(t.sectionsPassed, t.sections, t.statementsSatisfied, t.statements);
  return {
    verdict: report.passed ? w.passed : w.failed,
    counts: regressions > 0 ? `${brief}, ${w.regressionTally(regressions)}` : brief,
  };
}

/** A batch's last line: how many answer files passed, failed, or could not be audited. */
export function batchTotal(
  language: string,
  files: number,
  passed: number,
  failed: number,
  errors: number,
  config?: string,
): string {
  return withConfig(
    pick(WORDS, language).batchTotal(files, passed, failed, errors),
    language,
    config,
  );
}

/** A verdict that names the config file the run's options came from, when there was one. */
export function withConfig(verdict: string, language: string, config: string | undefined): string {
  return config === undefined ? verdict : `${verdict}; ${pick(WORDS, language).fromConfig(config)}`;
}

/** The last line of `trustcheck diff`, in the current report's language: what changed. */
export function comparisonTally(comparison: Comparison, language: string): string {
  const w = pick(WORDS, language);
  return [
    w.regressionTally(regressionCount(comparison)),
    w.improvementTally(comparison.improvements.length),
    w.changes(comparison.added.length, comparison.removed.length),
  ].join(', ');
}

/** The last line of `trustcheck summary`, in the summary's language: what it holds. */
export function portfolioTally(summary: Summary): string {
  const w = pick(WORDS, summary.language);
  return [
    w.portfolio(summary.reports, summary.subjects),
    w.regressionTally(summary.regressions.length),
    w.improvementTally(summary.improvements.length),
  ].join(', ');
}

/** What `trustcheck summary -o FILE` says it wrote, in the summary's language. */
export function wroteSummary(summary: Summary, file: string): string {
  return pick(WORDS, summary.language).wroteSummary(file);
}

/**
 * What `trustcheck summary` says of a report it counted once although it was given twice: the
 * same file twice, or two files that hold the same report (subject, date and content).
 */
export function duplicateReport(
  language: string,
  duplicate: { file: string; first: string; sameFile: boolean; subject: string; date: string },
): string {
  const w = pick(WORDS, language);
  return duplicate.sameFile
    ? w.givenTwice(duplicate.file, duplicate.first)
    : w.sameReport(duplicate.file, duplicate.first, duplicate.subject, duplicate.date);
}
