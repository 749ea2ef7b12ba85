import { describe, expect, it } from 'vitest';
import { compare, hasRegressions } from '../../src/core/compare.js';
import type { Report } from '../../src/core/model.js';

type Spec = Record<string, Record<string, Record<string, boolean>>>;

/** A minimal report: questionnaire -> section -> statement -> satisfied. */
function report(spec: Spec, digest = 'sha256:a', version = '1.0.0'): Report {
  const questionnaires = Object.entries(spec).map(([id, sections]) => {
    const s = Object.entries(sections).map(([sid, statements]) => {
      const st = Object.entries(statements).map(([stid, satisfied]) => ({
        id: stid,
        text: stid,
        answer: satisfied ? ('yes' as const) : ('no' as const),
        satisfied,
        note: null,
        evidence: null,
        until: null,
        remedy: null,
      }));
      const satisfied = st.filter((x) => x.satisfied).length;
      return {
        id: sid,
        title: sid,
        passed: satisfied === st.length,
        satisfied,
        total: st.length,
        statements: st,
      };
    });
    return { id, version, digest, title: id, passed: s.every((x) => x.passed), sections: s };
  });
  return {
    format: 'trustcheck-report/1',
    tool: { name: 'trustcheck', version: '0.1.0' },
    subject: 'Acme',
    assessor: null,
    date: '2026-11-23',
    language: 'en',
    passed: questionnaires.length > 0 && questionnaires.every((q) => q.passed),
    totals: {
      questionnaires: 0,
      questionnairesPassed: 0,
      sections: 0,
      sectionsPassed: 0,
      statements: 0,
      statementsSatisfied: 0,
    },
    questionnaires,
    comparison: null,
  };
}

const base: Spec = { t: { s1: { a: true, b: true }, s2: { c: false, d: true } } };
const clone = (spec: Spec): Spec => JSON.parse(JSON.stringify(spec)) as Spec;

describe('compare', () => {
  it('no change: nothing to report', () => {
    const { comparison, warnings } = compare(report(base), report(base));
    expect(comparison).toEqual({
      baseline: { subject: 'Acme', date: '2026-11-23' },
      regressions: [],
      improvements: [],
      sectionRegressions: [],
      added: [],
      removed: [],
      missingQuestionnaires: [],
    });
    expect(warnings).toEqual([]);
    expect(hasRegressions(comparison)).toBe(false);
  });

  it('one regression, and the section that flips to failing', () => {
    const now = clone(base);
    now.t!.s1!.b = false;
    const { comparison } = compare(report(base), report(now));
    expect(comparison.regressions).toEqual([
      { questionnaire: 't', section: 's1', statement: 'b', was: true, now: false },
    ]);
    expect(comparison.sectionRegressions).toEqual([
      { questionnaire: 't', section: 's1', was: true, now: false },
    ]);
    expect(hasRegressions(comparison)).toBe(true);
  });

  it('a regression in an already failing section is a regression, but no section regression', () => {
    const now = clone(base);
    now.t!.s2!.d = false;
    const { comparison } = compare(report(base), report(now));
    expect(comparison.regressions).toHaveLength(1);
    expect(comparison.sectionRegressions).toEqual([]);
  });

  it('one improvement', () => {
    const now = clone(base);
    now.t!.s2!.c = true;
    const { comparison } = compare(report(base), report(now));
    expect(comparison.improvements).toEqual([
      { questionnaire: 't', section: 's2', statement: 'c', was: false, now: true },
    ]);
    expect(hasRegressions(comparison)).toBe(false);
  });

  it('a statement added and one removed by a newer questionnaire version', () => {
    const now = clone(base);
    now.t!.s1!.e = true;
    delete now.t!.s2!.c;
    now.t!.s3 = { f: false };
    const { comparison } = compare(report(base), report(now, 'sha256:b', '1.1.0'));
    expect(comparison.added).toEqual([
      { questionnaire: 't', section: 's1', statement: 'e' },
      { questionnaire: 't', section: 's3', statement: 'f' },
    ]);
    expect(comparison.removed).toEqual([{ questionnaire: 't', section: 's2', statement: 'c' }]);
    expect(hasRegressions(comparison)).toBe(false);
  });

  it('a questionnaire dropped since the baseline counts as a regression', () => {
    const was: Spec = { ...clone(base), u: { x: { y: false } } };
    const { comparison } = compare(report(was), report(base));
    expect(comparison.missingQuestionnaires).toEqual(['u']);
    expect(hasRegressions(comparison)).toBe(true);
  });

  it('a new questionnaire is added, not a regression', () => {
    const now: Spec = { ...clone(base), u: { x: { y: false } } };
    const { comparison } = compare(report(base), report(now));
    expect(comparison.added).toEqual([{ questionnaire: 'u', section: 'x', statement: 'y' }]);
    expect(hasRegressions(comparison)).toBe(false);
  });

  it('both empty', () => {
    const { comparison } = compare(report({}), report({}));
    expect(hasRegressions(comparison)).toBe(false);
    expect(comparison.added).toEqual([]);
  });

  it('warns when a questionnaire changed under the same version', () => {
    const { warnings } = compare(report(base, 'sha256:a'), report(base, 'sha256:b'));
    expect(warnings).toEqual([
      'questionnaire t@1.0.0 has changed since the baseline (another digest under the same version)',
    ]);
  });
});
