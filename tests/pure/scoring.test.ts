import { describe, expect, it } from 'vitest';
import type { GivenAnswer, QuestionnaireAnswers } from '../../src/core/answers.js';
import type { Questionnaire } from '../../src/core/model.js';
import { auditPassed, isSatisfied, score } from '../../src/core/scoring.js';

const questionnaire: Questionnaire = {
  format: 'trustcheck-questionnaire/1',
  id: 'sample',
  version: '1.0.0',
  languages: ['en'],
  rule: 'all-must-be-true',
  title: 'Sample',
  sections: [
    {
      id: 'first',
      title: 'First?',
      statements: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B', allowNotApplicable: true },
        { id: 'c', text: 'C' },
      ],
    },
    { id: 'single', title: 'Single?', statements: [{ id: 'only', text: 'Only' }] },
    {
      id: 'third',
      title: 'Third?',
      statements: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
      ],
    },
  ],
};

const date = '2026-11-23';
type Answers = Record<string, Record<string, GivenAnswer['answer'] | GivenAnswer>>;
const given = (answers: Answers): QuestionnaireAnswers =>
  Object.fromEntries(
    Object.entries(answers).map(([section, statements]) => [
      section,
      Object.fromEntries(
        Object.entries(statements).map(([id, a]) => [
          id,
          a !== null && typeof a === 'object' ? a : { answer: a },
        ]),
      ),
    ]),
  );
const allYes = (): Answers => ({
  first: { a: 'yes', b: 'yes', c: 'yes' },
  single: { only: 'yes' },
  third: { x: 'yes', y: 'yes' },
});

describe('score (all-must-be-true)', () => {
  it('passes every section and the questionnaire when all answers are yes', () => {
    const result = score(questionnaire, given(allYes()), { date });
    expect(result.passed).toBe(true);
    expect(result.sections.map((s) => s.passed)).toEqual([true, true, true]);
    expect(result).toMatchObject({ satisfied: 6, total: 6, sectionsPassed: 3 });
    expect(auditPassed([result])).toBe(true);
  });

  const statements = questionnaire.sections.flatMap((s) =>
    s.statements.map((st) => [s.id, st.id] as const),
  );
  it.each(statements)('one "no" at %s.%s fails exactly that section', (sectionId, statementId) => {
    const answers = allYes();
    answers[sectionId]![statementId] = 'no';
    const result = score(questionnaire, given(answers), { date });
    expect(result.passed).toBe(false);
    for (const s of result.sections) expect(s.passed).toBe(s.section.id !== sectionId);
    expect(result.satisfied).toBe(5);
    expect(auditPassed([result])).toBe(false);
  });

  it('counts never soften a verdict: 2 of 3 satisfied is still a failed section', () => {
    const answers = allYes();
    answers.first!.c = 'no';
    const first = score(questionnaire, given(answers), { date }).sections[0]!;
    expect(first).toMatchObject({ passed: false, satisfied: 2, total: 3 });
  });

  it('an unanswered statement is not satisfied', () => {
    const answers = allYes();
    answers.third!.y = null;
    const result = score(questionnaire, given(answers), { date });
    expect(result.sections[2]).toMatchObject({ passed: false, satisfied: 1 });
    const missingSection = score(
      questionnaire,
      given({ first: allYes().first!, single: { only: 'yes' } }),
      { date },
    );
    expect(missingSection.sections[2]).toMatchObject({ passed: false, satisfied: 0, total: 2 });
  });

  it('a one-statement section passes or fails with its statement', () => {
    const answers = allYes();
    expect(score(questionnaire, given(answers), { date }).sections[1]!.passed).toBe(true);
    answers.single!.only = 'no';
    expect(score(questionnaire, given(answers), { date }).sections[1]!.passed).toBe(false);
  });

  it('an allowed na with a note is satisfied', () => {
    const answers = allYes();
    answers.first!.b = { answer: 'na', note: 'We sell no subscriptions.' };
    expect(score(questionnaire, given(answers), { date }).sections[0]!.passed).toBe(true);
  });

  it('an allowed na without a note is not satisfied', () => {
    const answers = allYes();
    answers.first!.b = 'na';
    expect(score(questionnaire, given(answers), { date }).sections[0]!.passed).toBe(false);
    answers.first!.b = { answer: 'na', note: '   ' };
    expect(score(questionnaire, given(answers), { date }).sections[0]!.passed).toBe(false);
  });

  it('na on a statement that does not allow it is not satisfied, even with a note', () => {
    const answers = allYes();
    answers.first!.a = { answer: 'na', note: 'Does not apply.' };
    expect(score(questionnaire, given(answers), { date }).sections[0]!.passed).toBe(false);
  });

  it('an na expires after its until date (compared with the audit date)', () => {
    const statement = questionnaire.sections[0]!.statements[1]!;
    const na = (until: string): GivenAnswer => ({ answer: 'na', note: 'n/a for now', until });
    expect(isSatisfied(statement, na('2026-11-23'), date)).toEqual({
      satisfied: true,
      naExpired: false,
    });
    expect(isSatisfied(statement, na('2026-11-24'), date)).toEqual({
      satisfied: true,
      naExpired: false,
    });
    expect(isSatisfied(statement, na('2026-11-22'), date)).toEqual({
      satisfied: false,
      naExpired: true,
    });
  });

  it('an audit with no questionnaire does not pass', () => {
    expect(auditPassed([])).toBe(false);
  });

  it('the audit passes only if every questionnaire passes', () => {
    const pass = score(questionnaire, given(allYes()), { date });
    const answers = allYes();
    answers.third!.x = 'no';
    const fail = score(questionnaire, given(answers), { date });
    expect(auditPassed([pass, pass])).toBe(true);
    expect(auditPassed([pass, fail])).toBe(false);
  });
});
