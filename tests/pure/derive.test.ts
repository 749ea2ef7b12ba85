// Verdicts are derived, never trusted: forgedClaims (core/derive.ts) finds no claim in any report
// an audit writes, and finds every verdict changed afterwards, at its place, with the reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAnswer, type QuestionnaireAnswers } from '../../src/core/answers.js';
import { forgedClaims } from '../../src/core/derive.js';
import type { Questionnaire, Report } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import { score } from '../../src/core/scoring.js';
import { claimIssues } from '../../src/core/verify.js';
import { audit, questionnaires } from '../support/report-fixtures.js';

const date = '2026-11-23';

/** The statements of the built-ins that allow n/a, and every other one, as section.statement. */
const statements = questionnaires.flatMap((q) =>
  q.sections.flatMap((s) =>
    s.statements.map((st) => ({ q, s: s.id, st: st.id, na: st.allowNotApplicable === true })),
  ),
);

const answer = fc.oneof(
  fc.constantFrom('yes', 'no', null),
  fc.record({
    answer: fc.constant('na' as const),
    note: fc.constantFrom('Not sold here.', ' ', '\u00a0'),
    until: fc.option(fc.constantFrom('2026-11-22', '2026-11-23', '2027-02-28'), {
      nil: undefined,
    }),
  }),
);

function reportOf(given: Map<string, unknown>): Report {
  const results = questionnaires.map((q: Questionnaire) => {
    const answers: QuestionnaireAnswers = {};
    for (const s of q.sections) {
      answers[s.id] = {};
      for (const st of s.statements) {
        answers[s.id]![st.id] = normalizeAnswer((given.get(st.id) ?? 'yes') as never);
      }
    }
    return score(q, answers, { date });
  });
  return buildReport(results, {
    toolVersion: '0.1.0',
    subject: 'Acme',
    date,
    language: 'en',
    digests: {},
  });
}

describe('forgedClaims', () => {
  it('finds no claim in a report an audit writes, whatever its answers (property)', () => {
    const na = statements.filter((s) => s.na).map((s) => s.st);
    const other = statements.filter((s) => !s.na).map((s) => s.st);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...other), fc.constantFrom('yes', 'no', null)),
        fc.dictionary(fc.constantFrom(...na), answer),
        (plain, exempt) => {
          const report = reportOf(new Map([...Object.entries(plain), ...Object.entries(exempt)]));
          expect(forgedClaims(report)).toEqual([]);
          // and its JSON, read back
          expect(forgedClaims(JSON.parse(JSON.stringify(report)) as Report)).toEqual([]);
        },
      ),
    );
  });

  it('finds a changed verdict at any place, with the value its answers give (property)', () => {
    const report = audit({ 'renewal-warning': 'no', 'no-paid-reviews': null });
    const places: (string | number)[][] = [['passed']];
    for (const field of [
      'questionnaires',
      'questionnairesPassed',
      'sections',
      'sectionsPassed',
      'statements',
      'statementsSatisfied',
    ])
      places.push(['totals', field]);
    report.questionnaires.forEach((q, qi) => {
      places.push(['questionnaires', qi, 'passed']);
      q.sections.forEach((s, si) => {
        for (const field of ['passed', 'satisfied', 'total'])
          places.push(['questionnaires', qi, 'sections', si, field]);
        s.statements.forEach((_, sti) =>
          places.push(['questionnaires', qi, 'sections', si, 'statements', sti, 'satisfied']),
        );
      });
    });
    fc.assert(
      fc.property(fc.constantFrom(...places), (path) => {
        const forged = structuredClone(report) as unknown as Record<string | number, unknown>;
        let parent = forged;
        for (const part of path.slice(0, -1)) parent = parent[part] as typeof parent;
        const key = path.at(-1)!;
        const was = parent[key];
        parent[key] = typeof was === 'boolean' ? !was : (was as number) + 1;
        const claims = forgedClaims(forged as unknown as Report);
        expect(claims.map((c) => c.path)).toContainEqual(path);
        const claim = claims.find((c) => c.path.join() === path.join())!;
        expect(claim.derived).toBe(was);
        expect(claim.claimed).toBe(parent[key]);
      }),
    );
  });

  it('says in words whose claim it is, what it says, and what the answers give', () => {
    const report = audit({ 'renewal-warning': 'no' });
    const forged = structuredClone(report);
    forged.passed = true;
    const section = forged.questionnaires[0]!.sections[0]!;
    section.passed = true;
    section.statements.find((s) => s.id === 'renewal-warning')!.satisfied = true;
    expect(claimIssues(forgedClaims(forged), 'en').map((i) => i.message)).toEqual([
      'statement "renewal-warning" (trustability › economic-interests) says "satisfied": true, but its answer is no',
      'question "economic-interests" of trustability says "passed": true, but 5 of its 6 statements are true',
      'the report says "passed": true, but 1 of its 2 questionnaires passes',
    ]);
    expect(claimIssues(forgedClaims(forged), 'nl').map((i) => i.message)).toEqual([
      'uitspraak "renewal-warning" (trustability › economic-interests) zegt "satisfied": true, maar het antwoord is nee',
      'vraag "economic-interests" van trustability zegt "passed": true, maar 5 van de 6 uitspraken zijn waar',
      'het rapport zegt "passed": true, maar 1 van de 2 vragenlijsten is voldaan',
    ]);
  });

  it('reads an n/a as the scoring does: a note, and not ended before the report date', () => {
    const report = audit({ 'renewal-warning': 'yes' });
    const st = report.questionnaires[0]!.sections[0]!.statements[1]!;
    const check = (change: Partial<typeof st>) => {
      const forged = structuredClone(report);
      Object.assign(forged.questionnaires[0]!.sections[0]!.statements[1]!, change);
      return claimIssues(forgedClaims(forged), 'en').map((i) => i.message)[0];
    };
    // satisfied is claimed true in each case, the answer changed under it
    expect(check({ answer: 'na', note: null })).toMatch(
      /"satisfied": true, but its n\/a has no note$/,
    );
    expect(check({ answer: 'na', note: ' \u00a0' })).toMatch(/its n\/a has no note$/);
    expect(check({ answer: 'na', note: 'n', until: '2026-11-22', naExpired: false })).toBe(
      `statement "${st.id}" (trustability › economic-interests) says "satisfied": true, but its n/a ended on 2026-11-22, before the report's date 2026-11-23`,
    );
    expect(check({ answer: 'na', note: 'n', until: '2026-11-23', naExpired: true })).toMatch(
      /says "naExpired": true, but its n\/a runs until 2026-11-23, not before the report's date 2026-11-23$/,
    );
    expect(check({ answer: null })).toMatch(/but it is not answered$/);
    // an older report without naExpired: only the value it gives is a claim
    expect(check({ answer: 'na', note: 'n', until: '2027-01-01' })).toBeUndefined();
  });

  it('refuses a report of no questionnaire that claims to pass', () => {
    const empty = { ...audit({}), questionnaires: [] };
    empty.totals = {
      ...empty.totals,
      questionnaires: 0,
      questionnairesPassed: 0,
      sections: 0,
      sectionsPassed: 0,
      statements: 0,
      statementsSatisfied: 0,
    };
    expect(claimIssues(forgedClaims(empty), 'en').map((i) => i.message)).toEqual([
      'the report says "passed": true, but it holds no questionnaire',
    ]);
  });
});
