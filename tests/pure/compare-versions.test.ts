// Comparing reports of different versions of a questionnaire: a statement is compared only with
// the one of the same section, id and meaning (per the questionnaire's meanings record), so that
// a statement re-meant, moved or renamed is removed on one side and added on the other, never a
// regression or an improvement; a version change is counted and said, and the baseline renewed
// after a new major version.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinMeanings } from '../../src/app/registry.js';
import type { QuestionnaireAnswers } from '../../src/core/answers.js';
import {
  compare,
  hasRegressions,
  regressionCount,
  renewsBaseline,
  type MeaningsOf,
} from '../../src/core/compare.js';
import { sameMeaning } from '../../src/core/meanings.js';
import type { Questionnaire, Report } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import { score } from '../../src/core/scoring.js';
import { chooseVersion, compareVersions } from '../../src/core/semver.js';
import { builtin, shippedRecord } from '../support/shipped.js';

const apk = shippedRecord('transparantie-apk');
const records: MeaningsOf = (id) => (id === 'transparantie-apk' ? apk : undefined);

/** A report of one questionnaire, each statement satisfied as `satisfied` says (default: yes). */
function reportOf(
  q: Questionnaire,
  satisfied: (section: string, statement: string) => boolean = () => true,
): Report {
  const answers: QuestionnaireAnswers = {};
  for (const s of q.sections) {
    answers[s.id] = {};
    for (const st of s.statements) {
      answers[s.id]![st.id] = { answer: satisfied(s.id, st.id) ? 'yes' : 'no' };
    }
  }
  return buildReport([score(q, answers, { date: '2026-11-23' })], {
    toolVersion: '0.1.0',
    subject: 'Acme B.V.',
    date: '2026-11-23',
    language: 'en',
    digests: { [q.id]: `sha256:${q.version}` },
  });
}

const keyOf = (x: { section: string; statement: string }) => `${x.section}.${x.statement}`;

describe('compare across versions of transparantie-apk', () => {
  it('1.0.0 to 2.0.0 of an unchanged company: no regression, 3 statements removed and 3 added', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.0.0')),
      reportOf(builtin('transparantie-apk', '2.0.0')),
      records,
    );
    expect(hasRegressions(comparison)).toBe(false);
    expect(comparison.improvements).toEqual([]);
    expect(comparison.removed.map(keyOf)).toEqual([
      'proactive-warnings.mistake-proof-offering',
      'promise-and-deliver.deliver-what-you-promise',
      'reputation-and-social-proof.trust-earned-first',
    ]);
    expect(comparison.added.map(keyOf)).toEqual([
      'proactive-warnings.customers-cannot-make-mistakes',
      'no-profit-from-inattention.interest-over-turnover',
      'promise-and-deliver.promises-kept',
    ]);
    expect(comparison.versionChanges).toEqual([
      { questionnaire: 'transparantie-apk', from: '1.0.0', to: '2.0.0', removed: 3, added: 3 },
    ]);
    expect(renewsBaseline(comparison.versionChanges![0]!)).toBe(true);
  });

  it('1.0.0 to 1.1.0: a statement re-meant under its id is removed and added, never a regression', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.0.0')),
      // "customers cannot make mistakes" is not true: the 1.0.0 statement (costly mistakes) was
      reportOf(builtin('transparantie-apk', '1.1.0'), (_, st) => st !== 'mistake-proof-offering'),
      records,
    );
    expect(comparison.regressions).toEqual([]);
    expect(comparison.sectionRegressions).toEqual([]);
    expect(comparison.removed.map(keyOf)).toContain('proactive-warnings.mistake-proof-offering');
    expect(comparison.added.map(keyOf)).toContain('proactive-warnings.mistake-proof-offering');
    expect(comparison.versionChanges).toEqual([
      { questionnaire: 'transparantie-apk', from: '1.0.0', to: '1.1.0', removed: 3, added: 4 },
    ]);
    // 1.1.0 removed and re-meant statements within major 1: the baseline must be renewed too
    expect(renewsBaseline(comparison.versionChanges![0]!)).toBe(true);
  });

  it('without the record, the same key is compared (what 1.1.0 got wrong): the record is what stops it', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.0.0')),
      reportOf(builtin('transparantie-apk', '1.1.0'), (_, st) => st !== 'mistake-proof-offering'),
    );
    expect(comparison.regressions.map(keyOf)).toEqual([
      'proactive-warnings.mistake-proof-offering',
    ]);
  });

  it('1.1.0 to 2.0.0: a moved statement is removed from one question and added to the other', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.1.0')),
      reportOf(builtin('transparantie-apk', '2.0.0'), (_, st) => st !== 'interest-over-turnover'),
      records,
    );
    expect(comparison.regressions).toEqual([]);
    expect(comparison.removed.map(keyOf)).toContain(
      'reputation-and-social-proof.interest-over-turnover',
    );
    expect(comparison.added.map(keyOf)).toContain(
      'no-profit-from-inattention.interest-over-turnover',
    );
    // renamed statements: the same meaning under a new id, still not compared
    expect(comparison.removed.map(keyOf)).toContain('promise-and-deliver.deliver-what-you-promise');
    expect(comparison.added.map(keyOf)).toContain('promise-and-deliver.promises-kept');
  });

  it('a question that fails only because of a new statement is not a regression', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.0.0')),
      reportOf(builtin('transparantie-apk', '2.0.0'), (_, st) => st !== 'promises-kept'),
      records,
    );
    expect(comparison.sectionRegressions).toEqual([]);
    expect(regressionCount(comparison)).toBe(0);
  });

  it('a statement that kept its meaning is compared across versions: a regression stays one', () => {
    const { comparison } = compare(
      reportOf(builtin('transparantie-apk', '1.0.0')),
      reportOf(
        builtin('transparantie-apk', '2.0.0'),
        (_, st) => st !== 'say-sorry' && st !== 'promises-kept',
      ),
      records,
    );
    expect(comparison.regressions).toEqual([
      {
        questionnaire: 'transparantie-apk',
        section: 'admit-mistakes',
        statement: 'say-sorry',
        was: true,
        now: false,
      },
    ]);
    expect(comparison.sectionRegressions.map((s) => s.section)).toEqual(['admit-mistakes']);
    expect(regressionCount(comparison)).toBe(1);
  });

  it('a questionnaire missing from the current report is still a regression across versions', () => {
    const baseline = reportOf(builtin('transparantie-apk', '1.0.0'));
    const current = { ...reportOf(builtin('trustability', '1.1.1')) };
    const { comparison } = compare(baseline, current, records);
    expect(comparison.missingQuestionnaires).toEqual(['transparantie-apk']);
    expect(hasRegressions(comparison)).toBe(true);
  });

  it('trustability 1.0.0 to 1.1.1 (wording only): every statement compared, nothing removed or added', () => {
    const { comparison } = compare(
      reportOf(builtin('trustability', '1.0.0')),
      reportOf(builtin('trustability', '1.1.1'), (_, st) => st !== 'warranty-expiry'),
      (id) => builtinMeanings(id),
    );
    expect(comparison.regressions.map(keyOf)).toEqual(['economic-interests.warranty-expiry']);
    expect(comparison.versionChanges).toEqual([
      { questionnaire: 'trustability', from: '1.0.0', to: '1.1.1', removed: 0, added: 0 },
    ]);
    expect(renewsBaseline(comparison.versionChanges![0]!)).toBe(false);
  });

  it('the same version: no version change is recorded (the field is absent)', () => {
    const q = builtin('transparantie-apk', '2.0.0');
    const { comparison } = compare(reportOf(q), reportOf(q), records);
    expect('versionChanges' in comparison).toBe(false);
  });
});

describe('a statement id is unique only within its section', () => {
  /** A report of a custom questionnaire with the same statement id in two sections. */
  function custom(version: string, a: boolean, b: boolean): Report {
    const q: Questionnaire = {
      format: 'trustcheck-questionnaire/1',
      id: 'custom',
      version,
      languages: ['en'],
      rule: 'all-must-be-true',
      title: 'Custom',
      sections: [
        { id: 's1', title: 'One', statements: [{ id: 'x', text: 'One x' }] },
        { id: 's2', title: 'Two', statements: [{ id: 'x', text: 'Two x' }] },
      ],
    };
    return reportOf(q, (section) => (section === 's1' ? a : b));
  }

  it('compares each with the one of its own section', () => {
    const { comparison } = compare(custom('1.0.0', true, false), custom('1.1.0', false, true));
    expect(comparison.regressions.map(keyOf)).toEqual(['s1.x']);
    expect(comparison.improvements.map(keyOf)).toEqual(['s2.x']);
  });
});

describe('renewsBaseline', () => {
  const change = (from: string, to: string, removed = 0, added = 0) => ({
    questionnaire: 'q',
    from,
    to,
    removed,
    added,
  });
  it('after a new major version, or a newer version that removed statements', () => {
    expect(renewsBaseline(change('1.0.0', '2.0.0'))).toBe(true);
    expect(renewsBaseline(change('1.0.0', '1.1.0', 1, 1))).toBe(true);
    expect(renewsBaseline(change('1.0.0', '1.1.0', 0, 2))).toBe(false);
    expect(renewsBaseline(change('1.0.0', '1.0.1'))).toBe(false);
    // an older version than the baseline's: said, but no baseline to renew
    expect(renewsBaseline(change('2.0.0', '1.0.0', 3, 3))).toBe(false);
  });
});

describe('property: no re-meant, moved, renamed or removed statement is ever a regression or an improvement', () => {
  const versions = apk.versions.map((v) => v.version);
  const pairs = versions.flatMap((from) =>
    versions.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it('over every pair of shipped versions and any answers on either side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.func(fc.boolean()),
        fc.func(fc.boolean()),
        ([from, to], was, now) => {
          const baseline = reportOf(builtin('transparantie-apk', from), (s, st) => was(s, st));
          const current = reportOf(builtin('transparantie-apk', to), (s, st) => now(s, st));
          const { comparison } = compare(baseline, current, records);
          for (const change of [...comparison.regressions, ...comparison.improvements]) {
            const key = { section: change.section, statement: change.statement };
            expect(sameMeaning(apk, key, from, to)).toBe(true);
          }
          // every statement on either side is compared, or removed, or added: none is lost
          const compared =
            baseline.questionnaires[0]!.sections.flatMap((s) => s.statements).length -
            comparison.removed.length;
          expect(
            current.questionnaires[0]!.sections.flatMap((s) => s.statements).length -
              comparison.added.length,
          ).toBe(compared);
          expect(comparison.versionChanges).toEqual([
            {
              questionnaire: 'transparantie-apk',
              from,
              to,
              removed: comparison.removed.length,
              added: comparison.added.length,
            },
          ]);
          // a question that no longer passes is a regression only with a statement that regressed
          for (const s of comparison.sectionRegressions) {
            expect(comparison.regressions.some((r) => r.section === s.section)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names in the record, checked directly: re-meant ones across 1.1.0 never compare', () => {
    const remeant = apk.versions.flatMap((v) => v.remeant ?? []);
    expect(remeant.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.func(fc.boolean()), fc.func(fc.boolean()), (was, now) => {
        const { comparison } = compare(
          reportOf(builtin('transparantie-apk', '1.0.0'), (s, st) => was(s, st)),
          reportOf(builtin('transparantie-apk', '1.1.0'), (s, st) => now(s, st)),
          records,
        );
        const changed = new Set([...comparison.regressions, ...comparison.improvements].map(keyOf));
        for (const key of remeant) expect(changed.has(keyOf(key))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('chooseVersion with a meanings record', () => {
  const shipped = ['1.0.0', '1.1.0', '2.0.0'];
  const rule = {
    fallback: 'same-major' as const,
    meaningChanges: (low: string, high: string) =>
      apk.versions
        .filter(
          (v) =>
            (v.change === 'meaning' || v.change === 'first') &&
            compareVersions(v.version, low) > 0 &&
            compareVersions(v.version, high) <= 0,
        )
        .map((v) => v.version),
  };
  it('an unshipped 1.0.x goes to 1.0.0, never to 1.1.0', () => {
    expect(chooseVersion('1.0.3', shipped, rule)).toEqual({ kind: 'fallback', version: '1.0.0' });
  });
  it('a major with no shipped version is none (the caller names the versions)', () => {
    expect(chooseVersion('3.0.0', shipped, rule)).toEqual({ kind: 'none' });
  });
  it('a version whose every candidate changed meanings is refused, naming the versions that did', () => {
    expect(chooseVersion('1.0.3', ['1.1.0'], rule)).toEqual({
      kind: 'meaning-changed',
      changedIn: ['1.1.0'],
    });
  });
});
