// Comparing a report with a baseline report: which statements regressed or improved, which
// sections flipped to failing, which statements appeared or disappeared (a new questionnaire
// version), and which questionnaires are gone, each of which counts as a regression, so that
// dropping a check cannot make CI pass.
import type { Comparison, SectionChange, StatementChange, StatementPresence } from './model.js';

export interface CompareResult {
  comparison: Comparison;
  /** Things worth saying that are not regressions: a changed questionnaire under the same version. */
  warnings: string[];
}

/** What a comparison reads of a report: a whole Report, or the outline a portfolio keeps of one. */
export interface ComparedReport {
  subject: string;
  date: string;
  questionnaires: readonly {
    id: string;
    version: string;
    digest: string;
    sections: readonly {
      id: string;
      passed: boolean;
      statements: readonly { id: string; satisfied: boolean }[];
    }[];
  }[];
}

export function compare(baseline: ComparedReport, current: ComparedReport): CompareResult {
  const regressions: StatementChange[] = [];
  const improvements: StatementChange[] = [];
  const sectionRegressions: SectionChange[] = [];
  const added: StatementPresence[] = [];
  const removed: StatementPresence[] = [];
  const missingQuestionnaires: string[] = [];
  const warnings: string[] = [];

  const currentById = new Map(current.questionnaires.map((q) => [q.id, q]));
  const baselineIds = new Set(baseline.questionnaires.map((q) => q.id));

  for (const was of baseline.questionnaires) {
    const now = currentById.get(was.id);
    if (now === undefined) {
      missingQuestionnaires.push(was.id);
      continue;
    }
    if (
      was.version === now.version &&
      was.digest !== now.digest &&
      was.digest !== '' &&
      now.digest !== ''
    ) {
      warnings.push(
        `questionnaire ${now.id}@${now.version} has changed since the baseline (another digest under the same version)`,
      );
    }
    const nowSections = new Map(now.sections.map((s) => [s.id, s]));
    const wasSectionIds = new Set(was.sections.map((s) => s.id));
    for (const wasSection of was.sections) {
      const nowSection = nowSections.get(wasSection.id);
      const nowStatements = new Map((nowSection?.statements ?? []).map((s) => [s.id, s]));
      for (const wasStatement of wasSection.statements) {
        const ref = { questionnaire: was.id, section: wasSection.id, statement: wasStatement.id };
        const nowStatement = nowStatements.get(wasStatement.id);
        if (nowStatement === undefined) {
          // only a newer version may drop a statement: under the same version, a satisfied
          // statement that is gone is a regression, so CI cannot pass by deleting checks
          if (was.version === now.version && wasStatement.satisfied) {
            regressions.push({ ...ref, was: true, now: false });
          } else {
            removed.push(ref);
          }
        } else if (wasStatement.satisfied && !nowStatement.satisfied) {
          regressions.push({ ...ref, was: true, now: false });
        } else if (!wasStatement.satisfied && nowStatement.satisfied) {
          improvements.push({ ...ref, was: false, now: true });
        }
      }
      if (nowSection !== undefined) {
        const wasStatementIds = new Set(wasSection.statements.map((s) => s.id));
        for (const s of nowSection.statements) {
          if (!wasStatementIds.has(s.id)) {
            added.push({ questionnaire: now.id, section: nowSection.id, statement: s.id });
          }
        }
        if (wasSection.passed && !nowSection.passed) {
          sectionRegressions.push({
            questionnaire: was.id,
            section: wasSection.id,
            was: true,
            now: false,
          });
        }
      }
    }
    for (const nowSection of now.sections) {
      if (wasSectionIds.has(nowSection.id)) continue;
      for (const s of nowSection.statements) {
        added.push({ questionnaire: now.id, section: nowSection.id, statement: s.id });
      }
    }
  }
  for (const now of current.questionnaires) {
    if (baselineIds.has(now.id)) continue;
    for (const section of now.sections) {
      for (const s of section.statements) {
        added.push({ questionnaire: now.id, section: section.id, statement: s.id });
      }
    }
  }

  return {
    comparison: {
      baseline: { subject: baseline.subject, date: baseline.date },
      regressions,
      improvements,
      sectionRegressions,
      added,
      removed,
      missingQuestionnaires,
    },
    warnings,
  };
}

/**
 * How many regressions a comparison holds: statements no longer true, questions that no longer
 * pass when no statement of theirs explains it, and questionnaires missing. The one count that
 * the report, the verdict line, `diff` and a batch's lines all say.
 */
export function regressionCount(c: Comparison): number {
  const explained = new Set(c.regressions.map((r) => `${r.questionnaire}\u0000${r.section}`));
  const sectionsAlone = c.sectionRegressions.filter(
    (s) => !explained.has(`${s.questionnaire}\u0000${s.section}`),
  ).length;
  return c.regressions.length + sectionsAlone + c.missingQuestionnaires.length;
}

/** Whether a comparison holds anything that counts as a regression. */
export function hasRegressions(comparison: Comparison): boolean {
  return (
    comparison.regressions.length > 0 ||
    comparison.sectionRegressions.length > 0 ||
    comparison.missingQuestionnaires.length > 0
  );
}
