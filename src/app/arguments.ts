// What a script gives the library's functions (src/index.ts), checked before any work: the
// model's documents against the schemas generated from it (what the library accepts is what the
// command line accepts), the rest against small shapes. A wrong argument is a TrustcheckError
// that says, in words, which argument of which function, where in it, and what is expected.
import * as validators from '../generated/validators.cjs';
import type { ValidateFunction } from '../generated/validators.cjs';
import { ANSWERS_FORMAT, DATE_PATTERN, REPORT_FORMAT, SEMVER_PATTERN } from '../core/formats.js';
import { nearest, type Issue, type Path } from '../core/issues.js';
import { FAIL_ON } from '../core/policy.js';
import { checkQuestionnaire } from '../core/questionnaire.js';
import { shorten } from '../core/text/terminal.js';
import { TrustcheckError } from '../errors.js';
import { schemaIssues } from '../io/schema-issues.js';

/** What is wrong with one argument, in words, or undefined when it is right. */
export type Problem = string | undefined;

/** The problems of one argument shown at most; the rest are counted. */
const SHOWN = 3;

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/**
 * Throws a TrustcheckError when any argument has a problem: one line per wrong argument, each
 * naming the function and the argument (`render: the format (second argument) must be …`).
 */
export function checkArguments(
  fn: string,
  args: readonly { name: string; problem: Problem; plural?: boolean }[],
): void {
  const lines = args.flatMap(({ name, problem: said, plural }, i) => {
    const problem = plural === true ? said?.replace(/^is /, 'are ') : said;
    return problem === undefined
      ? []
      : [`${fn}: ${name} (${ORDINALS[i] ?? `argument ${i + 1}`} argument) ${problem}`];
  });
  if (lines.length > 0) throw new TrustcheckError(lines.join('\n'));
}

/** A value as a message names it: `the number 42`, `null`, `a list`, `the text "exe"`. */
export function described(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (undefined)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty text' : `the text "${shorten(value, 40)}"`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `sections[0].statements[2].id`, or '' for the value itself. */
function pathText(path: Path): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${part}`;
  return out;
}

/** The first issues, each at its place in the argument, and how many more there are. */
function issuesText(issues: readonly Issue[], dropFirst = 0): string {
  const lines = issues.slice(0, SHOWN).map((issue) => {
    const where = pathText(issue.path.slice(dropFirst));
    // the command line's words for a file ("add `x: …` here") read as well for an object
    const message = issue.message.replace(/; add `[^`]*` here$/, '');
    return where === '' ? message : `at ${where}: ${message}`;
  });
  const rest = issues.length - lines.length;
  return rest > 0 ? `${lines.join('; ')}; and ${rest} more` : lines.join('; ');
}

/** A document checked against a generated schema; `expected` says what it should be. */
function document(
  validate: ValidateFunction,
  value: unknown,
  expected: string,
  semantic?: (value: never) => Issue[],
): Problem {
  if (!isObject(value)) return `must be ${expected}, found ${described(value)}`;
  let issues = schemaIssues(validate, value);
  if (issues.length === 0 && semantic !== undefined) issues = semantic(value as never);
  return issues.length === 0 ? undefined : `is not ${expected}: ${issuesText(issues)}`;
}

/**
 * A part of a document, checked inside the smallest document that holds it (`at` is where).
 * `map`: the part must be an object (where the document would also take null).
 */
function part(
  validate: ValidateFunction,
  wrap: (value: unknown) => unknown,
  at: Path,
  value: unknown,
  expected: string,
  options: { map?: boolean } = {},
): Problem {
  if (options.map === true && !isObject(value)) {
    return `must be ${expected}, found ${described(value)}`;
  }
  const issues = schemaIssues(validate, wrap(value));
  if (issues.length === 0) return undefined;
  // an issue above the part (it is missing) says what it should be
  if (issues.some((issue) => issue.path.length < at.length)) {
    return `must be ${expected}, found ${described(value)}`;
  }
  return `is not ${expected}: ${issuesText(issues, at.length)}`;
}

// ---------------------------------------------------------------------------------------------
// the model's documents

const REPORT = 'a report (as buildReport returns it, or a JSON report parsed)';

export const report = (value: unknown): Problem => document(validators.report, value, REPORT);

/** A questionnaire, also as loadQuestionnaire returns it (with its digest). */
export function questionnaire(value: unknown): Problem {
  const expected = 'a questionnaire (as loadQuestionnaire returns it)';
  if (!isObject(value)) return `must be ${expected}, found ${described(value)}`;
  const { digest, ...rest } = value;
  if (digest !== undefined && typeof digest !== 'string') {
    return `is not ${expected}: at digest: "digest" must be a text (sha256:…), found ${described(digest)}`;
  }
  return document(validators.questionnaire, rest, expected, checkQuestionnaire);
}

/** An answer file (with its `format`), as loadAnswers returns it. */
export const answerFile = (value: unknown): Problem =>
  document(validators.answers, value, 'an answer file (as loadAnswers returns it)');

/** Whether an object is meant as an answer file rather than answers by section. */
export const isAnswerFileLike = (value: unknown): boolean =>
  isObject(value) && Object.hasOwn(value, 'format') && typeof value.format === 'string';

/** The answers to one questionnaire by section and statement: `{ section: { statement: 'yes' } }`. */
export const sectionAnswers = (value: unknown): Problem =>
  part(
    validators.answers,
    (answers) => ({
      format: ANSWERS_FORMAT,
      subject: 'the answers',
      questionnaires: { q: { answers } },
    }),
    ['questionnaires', 'q', 'answers'],
    value,
    'an answer file or the answers by section and statement (such as { "economic-interests": { "warranty-expiry": "yes" } })',
    { map: true },
  );

/** One answer as an answer file writes it: yes, no, na, true, false, null, or a map. */
export const answerEntry = (value: unknown): Problem =>
  value === undefined
    ? undefined
    : part(
        validators.answers,
        (entry) => ({
          format: ANSWERS_FORMAT,
          subject: 'the answer',
          questionnaires: { q: { answers: { s: { statement: entry } } } },
        }),
        ['questionnaires', 'q', 'answers', 's', 'statement'],
        value,
        'an answer: "yes", "no", "na", true, false, null, or { answer, note, evidence, until }',
      );

/** A report with nothing in it but `comparison`, the smallest document that holds one. */
const holder = (comparison: unknown) => ({
  format: REPORT_FORMAT,
  tool: { name: 'trustcheck', version: '0.0.0' },
  subject: '',
  assessor: null,
  date: '2000-01-01',
  language: 'en',
  passed: true,
  totals: {
    questionnaires: 0,
    questionnairesPassed: 0,
    sections: 0,
    sectionsPassed: 0,
    statements: 0,
    statementsSatisfied: 0,
  },
  questionnaires: [],
  comparison,
});

/** A comparison, as compare returns it in `comparison` (or a report carries it). */
export function comparison(value: unknown): Problem {
  if (isObject(value) && Object.hasOwn(value, 'comparison') && Object.hasOwn(value, 'warnings')) {
    return 'is what compare returns: pass its comparison (compare(baseline, current).comparison)';
  }
  return part(
    validators.report,
    holder,
    ['comparison'],
    value,
    'a comparison (the comparison that compare returns, or a report carries)',
    { map: true },
  );
}

// ---------------------------------------------------------------------------------------------
// shapes of the library's own objects

/** A check of a value at a path (`meta.digests`), saying what is wrong in words. */
type Shape = (value: unknown, at: string) => Problem;

const at = (path: string, problem: string): string =>
  path === '' ? problem : `at ${path}: ${problem}`;

const typed =
  (test: (value: unknown) => boolean, expected: string): Shape =>
  (value, path) =>
    test(value) ? undefined : at(path, `expected ${expected}, found ${described(value)}`);

const textShape = typed((v) => typeof v === 'string', 'a text');
const boolShape = typed((v) => typeof v === 'boolean', 'true or false');
const countShape = typed(
  (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  'a whole number, 0 or more',
);
const DATE = new RegExp(DATE_PATTERN);
const dateShape = typed(
  (v) => typeof v === 'string' && DATE.test(v),
  'a date written as YYYY-MM-DD, such as 2026-11-23',
);
const optional =
  (shape: Shape): Shape =>
  (value, path) =>
    value === undefined ? undefined : shape(value, path);

const listOf =
  (item: Shape): Shape =>
  (value, path) => {
    if (!Array.isArray(value)) return at(path, `expected a list, found ${described(value)}`);
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${path}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

const recordOf =
  (item: Shape): Shape =>
  (value, path) => {
    if (!isObject(value)) return at(path, `expected an object, found ${described(value)}`);
    for (const [key, v] of Object.entries(value)) {
      const problem = item(v, `${path}${path === '' ? '' : '.'}${key}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

/** An object with these fields; with `only`, any other field is an error (a misspelled option). */
const objectOf =
  (fields: Record<string, Shape>, options: { only?: boolean } = {}): Shape =>
  (value, path) => {
    if (!isObject(value)) return at(path, `expected an object, found ${described(value)}`);
    const dot = path === '' ? '' : `${path}.`;
    if (options.only === true) {
      const known = Object.keys(fields);
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(fields, key)) continue;
        const guess = nearest(key, known);
        return at(
          path,
          `unknown field "${shorten(key, 40)}"${guess === undefined ? `; the fields are ${known.join(', ')}` : `; did you mean "${guess}"?`}`,
        );
      }
    }
    for (const [key, shape] of Object.entries(fields)) {
      const problem = shape(Object.hasOwn(value, key) ? value[key] : undefined, `${dot}${key}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

/** A shape's problem as the argument's: "is not …: at x: …". */
const shaped = (shape: Shape, value: unknown, expected: string): Problem => {
  if (value === undefined || value === null || typeof value !== 'object') {
    return `must be ${expected}, found ${described(value)}`;
  }
  const problem = shape(value, '');
  return problem === undefined ? undefined : `is not ${expected}: ${problem}`;
};

const choiceShape = typed(
  (v) => v === 'yes' || v === 'no' || v === 'na' || v === null,
  '"yes", "no", "na" or null',
);

const questionnaireShape: Shape = (value, path) => {
  const problem = questionnaire(value);
  return problem === undefined ? undefined : at(path, `the questionnaire ${problem}`);
};

const statementResult = objectOf({
  statement: objectOf({ id: textShape }),
  answer: objectOf({
    answer: choiceShape,
    note: optional(textShape),
    evidence: optional(textShape),
    until: optional(textShape),
  }),
  satisfied: boolShape,
  naExpired: boolShape,
});

const sectionResult = objectOf({
  section: objectOf({ id: textShape }),
  passed: boolShape,
  satisfied: countShape,
  total: countShape,
  statements: listOf(statementResult),
});

const questionnaireResult = objectOf({
  questionnaire: questionnaireShape,
  passed: boolShape,
  satisfied: countShape,
  total: countShape,
  sectionsPassed: countShape,
  sections: listOf(sectionResult),
});

/** The results of score, one per questionnaire. */
export const results = (value: unknown): Problem =>
  Array.isArray(value)
    ? shaped(listOf(questionnaireResult), value, 'a list of results (each as score returns it)')
    : `must be a list of results (each as score returns it), found ${described(value)}`;

/** buildReport's ReportMeta. */
export const reportMeta = (value: unknown): Problem =>
  shaped(
    objectOf(
      {
        toolVersion: textShape,
        subject: textShape,
        assessor: optional(textShape),
        date: dateShape,
        language: typed(
          (v) => typeof v === 'string' && /^[a-z]{2}$/.test(v),
          'a two-letter language code such as en or nl',
        ),
        digests: recordOf(textShape),
      },
      { only: true },
    ),
    value,
    'the report’s details ({ toolVersion, subject, assessor?, date, language, digests })',
  );

/** score's options. */
export const scoreOptions = (value: unknown): Problem =>
  value === undefined
    ? undefined
    : shaped(
        objectOf({ date: optional(dateShape) }, { only: true }),
        value,
        'the options ({ date? })',
      );

const reportShape: Shape = (value, path) => {
  const problem = report(value);
  return problem === undefined ? undefined : at(path, `the baseline ${problem}`);
};

/** The options of render, renderAsync and the renderers. */
export const renderOptions = (value: unknown): Problem =>
  value === undefined
    ? undefined
    : shaped(
        objectOf(
          {
            failOn: optional(
              typed(
                (v) => (FAIL_ON as readonly unknown[]).includes(v),
                `one of ${FAIL_ON.map((f) => `"${f}"`).join(', ')}`,
              ),
            ),
            source: optional(
              objectOf({
                file: textShape,
                line: typed(
                  (v) => typeof v === 'function',
                  'a function (questionnaire, section, statement) => line',
                ),
              }),
            ),
            baselineFile: optional(textShape),
            baseline: optional(reportShape),
          },
          { only: true },
        ),
        value,
        'the options ({ failOn?, source?, baselineFile?, baseline? })',
      );

/** A text that names something: not empty. */
export const name = (value: unknown, expected: string): Problem =>
  typeof value === 'string' && value.trim() !== ''
    ? undefined
    : `must be ${expected}, found ${described(value)}`;

/** What compare's meanings records give for one questionnaire: its record, parsed, or undefined. */
export const meaningsRecord = (value: unknown): Problem =>
  value === undefined
    ? undefined
    : document(
        validators.meanings,
        value,
        "a meanings record (as a questionnaire's meanings.yaml holds it, parsed) or undefined",
      );

const SEMVER = new RegExp(SEMVER_PATTERN);
const versionShape = typed(
  (v) => typeof v === 'string' && SEMVER.test(v),
  'a version such as 2.0.0',
);

/** One entry of a comparison's versionChanges. */
export const versionChange = (value: unknown): Problem =>
  shaped(
    objectOf({
      questionnaire: textShape,
      from: versionShape,
      to: versionShape,
      removed: countShape,
      added: countShape,
    }),
    value,
    "a version change (an entry of a comparison's versionChanges: { questionnaire, from, to, removed, added })",
  );
