// Comparing a report with a baseline report: which statements regressed or improved, which
// sections flipped to failing, which statements appeared or disappeared (a new questionnaire
// version), and which questionnaires are gone, each of which counts as a regression, so that
// dropping a check cannot make CI pass. A statement is compared only with the one of the same
// questionnaire, section and id that means the same (a statement id is unique only within its
// section; its meaning per the questionnaire's meanings record): a statement re-meant, moved or
// renamed by a new version is removed on one side and added on the other, never a regression.
import type { Meanings } from './meanings-record.js';
import { sameMeaning } from './meanings.js';
import type {
  Comparison,
  SectionChange,
  StatementChange,
  StatementPresence,
  VersionChange,
} from './model.js';
import { compareVersions, majorOf } from './semver.js';

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

/**
 * The meanings record of a questionnaire by its id (the built-ins have one), read only when its
 * version differs between the reports; undefined when there is none, and then a statement keeps
 * its meaning under its id from one version to the next (what the version rule promises).
 */
export type MeaningsOf = (questionnaire: string) => Meanings | undefined;

const noRecords: MeaningsOf = () => undefined;

export function compare(
  baseline: ComparedReport,
  current: ComparedReport,
  meaningsOf: MeaningsOf = noRecords,
): CompareResult {
  const regressions: StatementChange[] = [];
  const improvements: StatementChange[] = [];
  const sectionRegressions: SectionChange[] = [];
  const added: StatementPresence[] = [];
  const removed: StatementPresence[] = [];
  const missingQuestionnaires: string[] = [];
  const versionChanges: VersionChange[] = [];
  const warnings: string[] = [];

  const currentById = new Map(current.questionnaires.map((q) => [q.id, q]));
  const baselineIds = new Set(baseline.questionnaires.map((q) => q.id));

  for (const was of baseline.questionnaires) {
    const now = currentById.get(was.id);
    if (now === undefined) {
      missingQuestionnaires.push(was.id);
      continue;
    }
    const sameVersion = compareVersions(was.version, now.version) === 0;
    if (sameVersion && was.digest !== now.digest && was.digest !== '' && now.digest !== '') {
      warnings.push(
        `questionnaire ${now.id}@${now.version} has changed since the baseline (another digest under the same version)`,
      );
    }
    const record = sameVersion ? undefined : meaningsOf(was.id);
    const removedBefore = removed.length;
    const addedBefore = added.length;
    // the statements compared, by section and id: each means the same on both sides
    const compared = new Set<string>();
    const nowSections = new Map(now.sections.map((s) => [s.id, s]));
    for (const wasSection of was.sections) {
      const nowSection = nowSections.get(wasSection.id);
      const nowStatements = new Map((nowSection?.statements ?? []).map((s) => [s.id, s]));
      for (const wasStatement of wasSection.statements) {
        const ref = { questionnaire: was.id, section: wasSection.id, statement: wasStatement.id };
        const nowStatement = nowStatements.get(wasStatement.id);
        const key = { section: wasSection.id, statement: wasStatement.id };
        if (
          nowStatement === undefined ||
          (!sameVersion && !sameMeaning(record, key, was.version, now.version))
        ) {
          // only a newer version may drop a statement: under the same version, a satisfied
          // statement that is gone is a regression, so CI cannot pass by deleting checks
          if (sameVersion && wasStatement.satisfied) {
            regressions.push({ ...ref, was: true, now: false });
          } else {
            removed.push(ref);
          }
          continue;
        }
        compared.add(`${wasSection.id}\u0000${wasStatement.id}`);
        if (wasStatement.satisfied && !nowStatement.satisfied) {
          regressions.push({ ...ref, was: true, now: false });
        } else if (!wasStatement.satisfied && nowStatement.satisfied) {
          improvements.push({ ...ref, was: false, now: true });
        }
      }
    }
    const wasSections = new Map(was.sections.map((s) => [s.id, s]));
    for (const nowSection of now.sections) {
      // a question that no longer passes is a regression only when a statement compared with
      // the baseline is not true now: one that fails only because of a new statement is not
      let failsOnCompared = false;
      for (const s of nowSection.statements) {
        if (compared.has(`${nowSection.id}\u0000${s.id}`)) {
          if (!s.satisfied) failsOnCompared = true;
        } else {
          added.push({ questionnaire: now.id, section: nowSection.id, statement: s.id });
        }
      }
      const wasSection = wasSections.get(nowSection.id);
      if (wasSection?.passed === true && !nowSection.passed && failsOnCompared) {
        sectionRegressions.push({
          questionnaire: was.id,
          section: wasSection.id,
          was: true,
          now: false,
        });
      }
    }
    if (!sameVersion) {
      versionChanges.push({
        questionnaire: was.id,
        from: was.version,
        to: now.version,
        removed: removed.length - removedBefore,
        added: added.length - addedBefore,
      });
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
      ...(versionChanges.length === 0 ? {} : { versionChanges }),
    },
    warnings,
  };
}

/**
 * Whether a version change asks for a new baseline: a newer version that is another major, or
 * that removed or re-meant statements, leaves statements of the baseline that nothing compares
 * any more. The verdict says so, and names `trustcheck upgrade`.
 */
export function renewsBaseline(change: VersionChange): boolean {
  return (
    compareVersions(change.to, change.from) > 0 &&
    (majorOf(change.to) !== majorOf(change.from) || change.removed > 0)
  );
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
