// Property-based tests: random and mutated inputs never escape as an exception (only a valid
// result or located issues), and scoring keeps its all-must-be-true invariants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GivenAnswer, QuestionnaireAnswers } from '../../src/core/answers.js';
import type { AnswerFile, Questionnaire, SchemaName } from '../../src/core/model.js';
import { checkQuestionnaire } from '../../src/core/questionnaire.js';
import { score } from '../../src/core/scoring.js';
import { runAudit } from '../../src/app/run-audit.js';
import { validateText } from '../../src/app/load.js';

const root = join(import.meta.dirname, '..', '..');
const seeds: Record<SchemaName, string> = {
  questionnaire: readFileSync(
    join(root, 'tests', 'fixtures', 'questionnaires', 'valid', 'minimal.yaml'),
    'utf8',
  ),
  answers: readFileSync(join(root, 'tests', 'fixtures', 'answers', 'valid', 'one-no.yaml'), 'utf8'),
  report: '',
};

/** Texts close to a valid file: characters deleted, inserted, replaced, lines swapped. */
function mutated(seed: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 20 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.string(),
        fc.constantFrom(
          ':',
          '- ',
          '[',
          '{',
          '&a',
          '*a',
          '!!js/function',
          '\n  ',
          '\t',
          '"',
          '__proto__: 1\n',
          '~',
          'yes',
          '---\n',
          '\u0000',
          '\ufeff',
        ),
      ),
    }),
    fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) => {
    let text = seed;
    for (const e of edits) {
      if (e.kind === 'delete') {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + text.slice(at + e.length);
      } else if (e.kind === 'insert') {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.text + text.slice(at);
      } else {
        const lines = text.split('\n');
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        text = lines.join('\n');
      }
    }
    return text;
  });
}

/** Random JSON-ish values, serialized as YAML-compatible JSON. */
const randomDocument = fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v));

function neverThrows(kind: SchemaName, text: string, file: string): void {
  const semantic =
    kind === 'questionnaire' ? (q: Questionnaire) => checkQuestionnaire(q) : undefined;
  const result = validateText<Questionnaire | AnswerFile>(text, file, kind, semantic as never);
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.file).toBe(file);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return;
  }
  if (kind === 'answers') {
    // the audit of a schema-valid answer file returns a result or located issues, never throws
    const audit = runAudit({
      file,
      answers: result.value as never,
      language: 'en',
      today: '2026-11-23',
      allowIncomplete: true,
    });
    if (!audit.ok) for (const issue of audit.issues) expect(issue.file).toBe(file);
  }
}

describe('loaders never throw', () => {
  for (const kind of ['questionnaire', 'answers', 'report'] as const) {
    it(`${kind}: mutated and random documents give a result or located issues`, () => {
      const texts =
        kind === 'report'
          ? randomDocument
          : fc.oneof(mutated(seeds[kind]), randomDocument, fc.string());
      fc.assert(
        fc.property(texts, fc.constantFrom('x.yaml', 'x.json'), (text, file) =>
          neverThrows(kind, text, file),
        ),
        { numRuns: 1000 },
      );
    });
  }

  it('report: mutated real reports give a result or located issues', () => {
    const report = JSON.stringify(
      {
        format: 'trustcheck-report/1',
        tool: { name: 'trustcheck', version: '0.1.0' },
        subject: 'Acme',
        assessor: null,
        date: '2026-11-23',
        language: 'en',
        passed: true,
        totals: {
          questionnaires: 1,
          questionnairesPassed: 1,
          sections: 1,
          sectionsPassed: 1,
          statements: 1,
          statementsSatisfied: 1,
        },
        questionnaires: [
          {
            id: 't',
            version: '1.0.0',
            digest: 'sha256:x',
            title: 'T',
            passed: true,
            sections: [
              {
                id: 's',
                title: 'S',
                passed: true,
                satisfied: 1,
                total: 1,
                statements: [
                  {
                    id: 'a',
                    text: 'A',
                    answer: 'yes',
                    satisfied: true,
                    note: null,
                    evidence: null,
                    until: null,
                    remedy: null,
                  },
                ],
              },
            ],
          },
        ],
        comparison: null,
      },
      null,
      2,
    );
    expect(validateText(report, 'r.json', 'report').ok).toBe(true);
    fc.assert(
      fc.property(mutated(report), (text) => neverThrows('report', text, 'r.json')),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// scoring

const questionnaireArb: fc.Arbitrary<Questionnaire> = fc
  .array(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((sections) => ({
    format: 'trustcheck-questionnaire/1',
    id: 'q',
    version: '1.0.0',
    languages: ['en'],
    rule: 'all-must-be-true',
    title: 'Q',
    sections: sections.map((statements, s) => ({
      id: `s${s}`,
      title: `S${s}`,
      statements: statements.map((allowNa, t) => ({
        id: `t${t}`,
        text: `T${t}`,
        allowNotApplicable: allowNa,
      })),
    })),
  }));

const answerArb: fc.Arbitrary<GivenAnswer> = fc.oneof(
  fc.constantFrom<GivenAnswer>(
    { answer: 'yes' },
    { answer: 'no' },
    { answer: null },
    { answer: 'na' },
  ),
  fc.record({
    answer: fc.constant('na' as const),
    note: fc.constantFrom('n/a', ' '),
    until: fc.constantFrom('2026-01-01', '2027-01-01'),
  }),
);

const withAnswers = questionnaireArb.chain((q) =>
  fc
    .array(fc.array(answerArb, { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 })
    .map((grid): [Questionnaire, QuestionnaireAnswers] => [
      q,
      Object.fromEntries(
        q.sections.map((s, i) => [
          s.id,
          Object.fromEntries(s.statements.map((st, j) => [st.id, grid[i]![j]!])),
        ]),
      ),
    ]),
);

describe('scoring properties', () => {
  const date = '2026-11-23';

  it('a section passes if and only if all its statements are satisfied', () => {
    fc.assert(
      fc.property(withAnswers, ([q, answers]) => {
        const result = score(q, answers, { date });
        for (const s of result.sections) {
          expect(s.passed).toBe(s.statements.every((st) => st.satisfied));
          expect(s.satisfied).toBe(s.statements.filter((st) => st.satisfied).length);
        }
        expect(result.passed).toBe(result.sections.every((s) => s.passed));
      }),
      { numRuns: 1000 },
    );
  });

  it('flipping any satisfied statement to "no" never raises any count', () => {
    fc.assert(
      fc.property(withAnswers, fc.nat(), ([q, answers], pick) => {
        const before = score(q, answers, { date });
        const satisfied = before.sections.flatMap((s) =>
          s.statements
            .filter((st) => st.satisfied)
            .map((st) => [s.section.id, st.statement.id] as const),
        );
        fc.pre(satisfied.length > 0);
        const [sectionId, statementId] = satisfied[pick % satisfied.length]!;
        const flipped: QuestionnaireAnswers = {
          ...answers,
          [sectionId]: { ...answers[sectionId], [statementId]: { answer: 'no' } },
        };
        const after = score(q, flipped, { date });
        expect(after.satisfied).toBe(before.satisfied - 1);
        expect(after.sectionsPassed).toBeLessThanOrEqual(before.sectionsPassed);
        expect(Number(after.passed)).toBeLessThanOrEqual(Number(before.passed));
        after.sections.forEach((s, i) =>
          expect(s.satisfied).toBeLessThanOrEqual(before.sections[i]!.satisfied),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
