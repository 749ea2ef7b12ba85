// The library API with wrong arguments: every exported function checks what it is given and
// throws a TrustcheckError that names the function, the argument and what is expected, never a
// TypeError from deep inside. Each message is pinned: a worse one is a failing test.
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as library from '../../src/index.js';
import { TrustcheckError, type Report } from '../../src/index.js';
import { audit, root } from '../support/report-fixtures.js';

const report: Report = audit({ 'renewal-warning': 'no' });
const questionnaire = library.loadQuestionnaire('trustability@1.0.0');
/** The same report, as if made against a later version: compare asks for the meanings record. */
const newer: Report = {
  ...report,
  questionnaires: report.questionnaires.map((q) => ({ ...q, version: '1.1.1' })),
};
const answersFile = join(root, 'tests', 'fixtures', 'answers', 'valid', 'one-no.yaml');

/** What a call throws: its class and message; a call that returns is a failure of the test. */
async function thrown(call: () => unknown): Promise<{ name: string; message: string }> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof TrustcheckError)) throw error;
    expect(error.exitCode).toBe(2);
    return { name: error.name, message: error.message };
  }
  throw new Error('the call returned instead of throwing');
}

const REPORT = 'a report (as buildReport returns it, or a JSON report parsed)';

// [function, call, message]
const wrong: [string, () => unknown, string][] = [
  [
    'loadQuestionnaire',
    () => library.loadQuestionnaire(42 as never),
    'loadQuestionnaire: the reference (first argument) must be a text naming a questionnaire: a built-in id such as "trustability", an id@version such as "trustability@1.0.0", or a file path, found the number 42',
  ],
  [
    'loadQuestionnaire',
    () => library.loadQuestionnaire(' '),
    'loadQuestionnaire: the reference (first argument) must be a text naming a questionnaire: a built-in id such as "trustability", an id@version such as "trustability@1.0.0", or a file path, found the text " "',
  ],
  [
    'loadAnswers',
    () => library.loadAnswers(null as never),
    'loadAnswers: the file (first argument) must be the path of an answer file, as a text, found null',
  ],
  [
    'score',
    () => library.score({} as never, {}),
    'score: the questionnaire (first argument) is not a questionnaire (as loadQuestionnaire returns it): missing "format" (the file format and its version); missing "id" (the questionnaire id, kebab-case, stable forever); missing "version" (semantic version: a change of wording is a patch, a new statement a minor, a removed or re-meant one a major); and 4 more',
  ],
  [
    'score',
    () => library.score(questionnaire, null as never),
    'score: the answers (second argument) must be an answer file or the answers by section and statement (such as { "economic-interests": { "warranty-expiry": "yes" } }), found null',
  ],
  [
    'score',
    () =>
      library.score(questionnaire, { 'economic-interests': { 'warranty-expiry': 'Yes' } } as never),
    'score: the answers (second argument) are not an answer file or the answers by section and statement (such as { "economic-interests": { "warranty-expiry": "yes" } }): at economic-interests.warranty-expiry: "Yes" is not an answer; did you mean yes?',
  ],
  [
    'score',
    () =>
      library.score(questionnaire, {
        'economic-interests': { 'warranty-expir': { answer: 'yes' } },
      }),
    'score: the answers (second argument) do not fit trustability@1.0.0: unknown statement "warranty-expir" in section "economic-interests"; did you mean "warranty-expiry"?',
  ],
  [
    'score',
    () =>
      library.score(questionnaire, {
        format: 'trustcheck-answers/1',
        subject: 'Acme',
        questionnaires: {
          trustability: { answers: { 'customer-reviews': { 'reviews-on-site': 'na' } } },
        },
      }),
    'score: the answers (second argument) do not fit trustability@1.0.0: "na" is not allowed for "reviews-on-site": the questionnaire requires a yes or no here',
  ],
  [
    'score',
    () => library.score(questionnaire, {}, { dat: '2026-11-23' } as never),
    'score: the options (third argument) are not the options ({ date? }): unknown field "dat"; did you mean "date"?',
  ],
  [
    'score',
    () => library.score(questionnaire, {}, { date: '23-11-2026' }),
    'score: the options (third argument) are not the options ({ date? }): at date: expected a date written as YYYY-MM-DD, such as 2026-11-23, found the text "23-11-2026"',
  ],
  [
    'render',
    () => library.render(null as never, 'md'),
    `render: the report (first argument) must be ${REPORT}, found null`,
  ],
  [
    'render',
    () => library.render({} as never, 'exe' as never),
    `render: the report (first argument) is not ${REPORT}: missing "format"; missing "tool"; missing "subject"; and 7 more\nrender: the format (second argument) must be one of 'md', 'json', 'junit', 'github' (html through renderAsync), found the text "exe"`,
  ],
  [
    'render',
    // @ts-expect-error: html is not a format of the synchronous render
    () => library.render(report, 'html'),
    "render: the format (second argument) is HTML, whose renderer is loaded on first use: call await renderAsync(report, 'html') instead",
  ],
  [
    'render',
    () => library.render({ ...report, passed: 'no' } as never, 'md'),
    `render: the report (first argument) is not ${REPORT}: at passed: "passed" must be true or false, found the text "no"`,
  ],
  [
    'render',
    () => library.render(report, 'md', { failon: 'never' } as never),
    'render: the options (third argument) are not the options ({ failOn?, source?, baselineFile?, baseline? }): unknown field "failon"; did you mean "failOn"?',
  ],
  [
    'render',
    () => library.render(report, 'junit', { failOn: 'always' } as never),
    'render: the options (third argument) are not the options ({ failOn?, source?, baselineFile?, baseline? }): at failOn: expected one of "fail", "regression", "never", found the text "always"',
  ],
  [
    'renderAsync',
    () => library.renderAsync(report, 42 as never),
    "renderAsync: the format (second argument) must be one of 'md', 'json', 'junit', 'html', 'github', found the number 42",
  ],
  [
    'renderAsync',
    () => library.renderAsync(report, 'html', { baseline: {} } as never),
    `renderAsync: the options (third argument) are not the options ({ failOn?, source?, baselineFile?, baseline? }): at baseline: the baseline is not ${REPORT}: missing "format"; missing "tool"; missing "subject"; and 7 more`,
  ],
  [
    'renderJson',
    () => library.renderJson(1 as never),
    `renderJson: the report (first argument) must be ${REPORT}, found the number 1`,
  ],
  [
    'renderMarkdown',
    () => library.renderMarkdown(report, 'md' as never),
    'renderMarkdown: the options (second argument) must be the options ({ failOn?, source?, baselineFile?, baseline? }), found the text "md"',
  ],
  [
    'renderJunit',
    () => library.renderJunit([] as never),
    `renderJunit: the report (first argument) must be ${REPORT}, found a list`,
  ],
  [
    'compare',
    () => library.compare(1 as never, 2 as never),
    `compare: the baseline (first argument) must be ${REPORT}, found the number 1\ncompare: the current report (second argument) must be ${REPORT}, found the number 2`,
  ],
  [
    'compare',
    () => library.compare(report, { ...report, questionnaires: [{}] } as never),
    `compare: the current report (second argument) is not ${REPORT}: at questionnaires[0]: missing "id" (a kebab-case id: lower-case letters, digits and single hyphens); at questionnaires[0]: missing "version"; at questionnaires[0]: missing "digest" (sha256 of the questionnaire file's bytes); and 3 more`,
  ],
  [
    'compare',
    () => library.compare(report, report, {} as never),
    'compare: the meanings records (third argument) must be a function from a questionnaire id to its meanings record (or undefined), found an object',
  ],
  [
    'compare',
    () => library.compare(report, newer, () => ({ format: 'trustcheck-meanings/1' }) as never),
    'compare: the meanings records\' answer for "trustability" (third argument) is not a meanings record (as a questionnaire\'s meanings.yaml holds it, parsed) or undefined: missing "questionnaire" (the id of the questionnaire this record is about); missing "versions" (every shipped version, oldest first)',
  ],
  [
    'renewsBaseline',
    () =>
      library.renewsBaseline({ questionnaire: 'trustability', from: '1.0', to: '2.0.0' } as never),
    'renewsBaseline: the version change (first argument) is not a version change (an entry of a comparison\'s versionChanges: { questionnaire, from, to, removed, added }): at from: expected a version such as 2.0.0, found the text "1.0"',
  ],
  [
    'hasRegressions',
    () => library.hasRegressions(library.compare(report, report) as never),
    'hasRegressions: the comparison (first argument) is what compare returns: pass its comparison (compare(baseline, current).comparison)',
  ],
  [
    'hasRegressions',
    () => library.hasRegressions(null as never),
    'hasRegressions: the comparison (first argument) must be a comparison (the comparison that compare returns, or a report carries), found null',
  ],
  [
    'buildReport',
    () => library.buildReport(undefined as never, undefined as never),
    'buildReport: the results (first argument) must be a list of results (each as score returns it), found nothing (undefined)\nbuildReport: the details (second argument) must be the report’s details ({ toolVersion, subject, assessor?, date, language, digests }), found nothing (undefined)',
  ],
  [
    'buildReport',
    () =>
      library.buildReport([{ ...library.score(questionnaire, {}), passed: 'yes' }] as never, {
        toolVersion: '1.0.0',
        subject: 'Acme',
        date: '2026-11-23',
        language: 'english',
        digests: {},
      }),
    'buildReport: the results (first argument) are not a list of results (each as score returns it): at [0].passed: expected true or false, found the text "yes"\nbuildReport: the details (second argument) are not the report’s details ({ toolVersion, subject, assessor?, date, language, digests }): at language: expected a two-letter language code such as en or nl, found the text "english"',
  ],
  [
    'auditPassed',
    () => library.auditPassed([{ questionnaire: {} }] as never),
    'auditPassed: the results (first argument) are not a list of results (each as score returns it): at [0].questionnaire: the questionnaire is not a questionnaire (as loadQuestionnaire returns it): missing "format" (the file format and its version); missing "id" (the questionnaire id, kebab-case, stable forever); missing "version" (semantic version: a change of wording is a patch, a new statement a minor, a removed or re-meant one a major); and 4 more',
  ],
  [
    'normalizeAnswer',
    () => library.normalizeAnswer('Yes' as never),
    'normalizeAnswer: the answer (first argument) is not an answer: "yes", "no", "na", true, false, null, or { answer, note, evidence, until }: "Yes" is not an answer; did you mean yes?',
  ],
  [
    'normalizeAnswer',
    () => library.normalizeAnswer({ answer: 'no', notes: 'x' } as never),
    'normalizeAnswer: the answer (first argument) is not an answer: "yes", "no", "na", true, false, null, or { answer, note, evidence, until }: at notes: unknown field "notes"; did you mean "note"?',
  ],
];

/** The library's functions: every export that is a function, but the error class. */
const functions = Object.entries(library)
  .filter(([name, value]) => typeof value === 'function' && name !== 'TrustcheckError')
  .map(([name]) => name)
  .sort();

describe('the library with wrong arguments', () => {
  it('has a pinned case for every exported function', () => {
    expect([...new Set(wrong.map(([fn]) => fn))].sort()).toEqual(functions);
  });

  it.each(wrong)('%s: %s', async (_, call, message) => {
    expect(await thrown(call)).toEqual({ name: 'TrustcheckError', message });
  });

  // whatever is given in whichever place, the answer is a result or a TrustcheckError
  const odd: unknown[] = [
    undefined,
    null,
    0,
    Number.NaN,
    '',
    'x',
    true,
    [],
    [null],
    {},
    { format: 1 },
    () => 1,
    Symbol('s'),
    Object.create(null),
  ];
  const good: Record<string, unknown[]> = {
    loadQuestionnaire: ['trustability'],
    loadAnswers: [answersFile],
    score: [questionnaire, {}, {}],
    render: [report, 'md', {}],
    renderAsync: [report, 'json', {}],
    renderJson: [report, {}],
    renderMarkdown: [report, {}],
    renderJunit: [report, {}],
    compare: [newer, report, () => undefined],
    hasRegressions: [library.compare(report, report).comparison],
    renewsBaseline: [
      { questionnaire: 'transparantie-apk', from: '1.0.0', to: '2.0.0', removed: 3, added: 3 },
    ],
    buildReport: [
      [library.score(questionnaire, {})],
      { toolVersion: '1', subject: 'A', date: '2026-11-23', language: 'en', digests: {} },
    ],
    auditPassed: [[library.score(questionnaire, {})]],
    normalizeAnswer: ['yes'],
  };

  it('knows good arguments of every function', () => {
    expect(Object.keys(good).sort()).toEqual(functions);
  });

  it.each(functions)('%s throws only TrustcheckErrors, whatever an argument is', async (name) => {
    const fn = (library as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    const args = good[name]!;
    await fn(...args); // the good arguments work
    for (let i = 0; i < args.length; i++) {
      for (const value of odd) {
        const given = args.map((a, j) => (j === i ? value : a));
        try {
          await fn(...given);
        } catch (error) {
          expect(
            error,
            `${name} with ${Object.prototype.toString.call(value)} as argument ${i + 1}`,
          ).toBeInstanceOf(TrustcheckError);
        }
      }
    }
  });
});

describe('the library with good arguments', () => {
  it('makes a TrustcheckError of any message, as Error does', () => {
    const error = new TrustcheckError(42 as never, { exitCode: 1.5 });
    expect(error.message).toBe('42');
    expect(error.exitCode).toBe(2);
    expect(new TrustcheckError('policy', { exitCode: 1 }).exitCode).toBe(1);
  });

  it('scores a questionnaire with its digest, against a file or answers by section', () => {
    const file = library.loadAnswers(answersFile);
    const fromFile = library.score(questionnaire, file);
    expect(fromFile.total).toBeGreaterThan(0);
    // the same answers by section and statement, written as a file writes them or as scoring reads them
    const bySection = file.questionnaires.trustability!.answers!;
    expect(library.score(questionnaire, bySection as never, { date: file.date! })).toEqual(
      fromFile,
    );
    expect(
      library.score(questionnaire, {
        'economic-interests': { 'warranty-expiry': { answer: 'yes' } },
      }).sections[0]!.satisfied,
    ).toBe(1);
  });

  it('builds, renders and compares a report', async () => {
    const result = library.score(questionnaire, {});
    expect(library.auditPassed([result])).toBe(false);
    const built = library.buildReport([result], {
      toolVersion: '1.0.0',
      subject: 'Bakker & Zn',
      date: '2026-11-23',
      language: 'en',
      digests: { trustability: questionnaire.digest },
    });
    expect(library.render(built, 'md')).toContain('Bakker & Zn');
    expect(JSON.parse(await library.renderAsync(built, 'json'))).toEqual(built);
    const { comparison } = library.compare(report, built);
    expect(library.hasRegressions(comparison)).toBe(true);
    expect(library.normalizeAnswer({ answer: true, note: 'n' })).toEqual({
      answer: 'yes',
      note: 'n',
    });
    expect(library.normalizeAnswer(undefined)).toEqual({ answer: null });
  });
});

describe('the types of render', () => {
  // checked by the compiler (npm run typecheck), as a script using the library would be
  it('offers html through renderAsync only: render(report, "html") does not compile', () => {
    expectTypeOf(library.render).parameter(1).toEqualTypeOf<'md' | 'json' | 'junit' | 'github'>();
    expectTypeOf<'html'>().not.toExtend<Parameters<typeof library.render>[1]>();
    expectTypeOf<'html'>().toExtend<Parameters<typeof library.renderAsync>[1]>();
    expectTypeOf(library.renderAsync).returns.toEqualTypeOf<Promise<string>>();
  });
});
