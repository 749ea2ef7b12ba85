// Reading an answer file's answers against a questionnaire: normalises the ways an answer can
// be written, and finds unknown ids, disallowed or unexplained N/A, and missing answers.
import { MAX_SHOWN_ISSUES, nearest, quote, suggestion, type Issue, type Path } from './issues.js';
import { groupDigits } from './text/terminal.js';
import type { ActionSource } from './actions.js';
import type { AnswerEntry, AnswerFile, Questionnaire } from './model.js';

export type Choice = 'yes' | 'no' | 'na';

export interface GivenAnswer {
  answer: Choice | null;
  note?: string;
  evidence?: string;
  until?: string;
  /** Who will make the statement true, and by when. */
  action?: ActionSource;
}

/** section id -> statement id -> answer */
export type QuestionnaireAnswers = Record<string, Record<string, GivenAnswer>>;

/** The ways people write an answer that is not one, and the answer they mean. */
const MEANT = new Map<string, Choice>([
  ...['yes', 'y', 'ja', 'j', 'true', 'waar', 'ok', 'x'].map((w) => [w, 'yes'] as [string, Choice]),
  ...['no', 'n', 'nee', 'false', 'onwaar', 'niet'].map((w) => [w, 'no'] as [string, Choice]),
  ...[
    'na',
    'n/a',
    'n.a.',
    'n.a',
    'nvt',
    'n.v.t.',
    'n.v.t',
    'not applicable',
    'niet van toepassing',
  ].map((w) => [w, 'na'] as [string, Choice]),
]);

/**
 * The answer a text that is not one probably means (`Yes`, `ja`, `N/A`, `Nee`), if it looks
 * like one; a message then says "did you mean yes?".
 */
export function meantAnswer(text: string): Choice | undefined {
  return MEANT.get(text.trim().toLowerCase());
}

/** A text given as an answer that is not one, with the answer it probably means. */
export function notAnAnswerMessage(text: string, meant: Choice): string {
  return `${quote(text)} is not an answer; did you mean ${meant}?`;
}

/** The keys of an answer written as a map. */
export const ANSWER_KEYS: ReadonlySet<string> = new Set([
  'answer',
  'note',
  'evidence',
  'until',
  'action',
]);

/**
 * What a person writes for an answer, and so means only for that answer: when the answer
 * changes, each is kept, changed or cleared by choice, never carried over unasked. (`until`
 * belongs to an N/A and goes with it.)
 */
export const ATTACHED_FIELDS = ['note', 'evidence', 'action'] as const;
export type AttachedField = (typeof ATTACHED_FIELDS)[number];

/**
 * `answer:` or `note:` written at the level of the statements, so that it reads as a statement
 * id: it belongs under the statement above it.
 */
export function misplacedKeyMessage(key: string, statementAbove: string | undefined): string {
  return statementAbove === undefined
    ? `"${key}:" sits where statement ids go; indent it under the statement it belongs to`
    : `"${key}:" sits where statement ids go; indent it under ${statementAbove}: (two more spaces), so that it belongs to that statement`;
}

export function normalizeAnswer(entry: AnswerEntry | undefined): GivenAnswer {
  if (entry === undefined || entry === null) return { answer: null };
  if (typeof entry === 'boolean') return { answer: entry ? 'yes' : 'no' };
  if (typeof entry === 'string') return { answer: entry };
  const given: GivenAnswer = normalizeAnswer(entry.answer);
  if (entry.note !== undefined && entry.note.trim() !== '') given.note = entry.note;
  if (entry.evidence !== undefined && entry.evidence.trim() !== '') given.evidence = entry.evidence;
  if (entry.until !== undefined) given.until = entry.until;
  if (entry.action !== undefined) {
    const { what, owner, due } = entry.action;
    given.action = what === undefined ? { owner, due } : { what, owner, due };
  }
  return given;
}

export interface ResolveOptions {
  /** Unanswered statements count as not true instead of being an error. */
  allowIncomplete: boolean;
}

/**
 * The answers one questionnaire entry of an answer file gives, checked against the
 * questionnaire. `path` is where the entry sits in the file (for issue positions).
 */
export function resolveAnswers(
  entry: AnswerFile['questionnaires'][string] | undefined,
  q: Questionnaire,
  path: Path,
  options: ResolveOptions,
): { answers: QuestionnaireAnswers; issues: Issue[] } {
  const issues: Issue[] = [];
  const answers: QuestionnaireAnswers = {};
  const given = entry?.answers ?? {};
  const givenSection = (id: string) => (Object.hasOwn(given, id) ? given[id] : undefined);
  const answersPath = [...path, 'answers'];
  // an unknown id that is a typo of a missing one is reported once, as the typo
  const typoFor = new Set<string>();
  // ids are looked up in Maps and Sets, never on objects (where "constructor" would be found)
  const sections = new Map(q.sections.map((s) => [s.id, s]));
  const sectionIds = [...sections.keys()];
  // guesses cost a search through the ids each: made for the first unknown ids only, those
  // whose messages are printed (the rest are counted)
  let guesses = 0;
  const guess = (word: string, candidates: readonly string[]): string | undefined =>
    guesses++ < MAX_SHOWN_ISSUES ? nearest(word, candidates) : undefined;

  for (const sectionId of Object.keys(given)) {
    const section = sections.get(sectionId);
    if (section === undefined) {
      const near = guess(sectionId, sectionIds);
      if (near !== undefined && givenSection(near) === undefined) typoFor.add(near);
      issues.push({
        path: [...answersPath, sectionId],
        at: 'key',
        message: `unknown section ${quote(sectionId)} in questionnaire "${q.id}"${suggestion(near, sectionIds)}`,
      });
      continue;
    }
    const statementIds = section.statements.map((s) => s.id);
    const known = new Set(statementIds);
    const sectionGiven = givenSection(sectionId) ?? {};
    let above: string | undefined;
    for (const statementId of Object.keys(sectionGiven)) {
      if (known.has(statementId)) {
        above = statementId;
        continue;
      }
      if (ANSWER_KEYS.has(statementId)) {
        // the statement above it was meant: do not report it as unanswered too
        if (above !== undefined) typoFor.add(`${sectionId}.${above}`);
        issues.push({
          path: [...answersPath, sectionId, statementId],
          at: 'key',
          message: misplacedKeyMessage(statementId, above),
        });
        continue;
      }
      const near = guess(statementId, statementIds);
      if (near !== undefined && !Object.hasOwn(sectionGiven, near))
        typoFor.add(`${sectionId}.${near}`);
      issues.push({
        path: [...answersPath, sectionId, statementId],
        at: 'key',
        message: `unknown statement ${quote(statementId)} in section "${sectionId}"${suggestion(near, statementIds)}`,
      });
    }
  }

  for (const section of q.sections) {
    const sectionGiven = givenSection(section.id) ?? {};
    const sectionAnswers: Record<string, GivenAnswer> = {};
    const missing: string[] = [];
    for (const statement of section.statements) {
      const answer = normalizeAnswer(
        Object.hasOwn(sectionGiven, statement.id) ? sectionGiven[statement.id] : undefined,
      );
      const at = [...answersPath, section.id, statement.id];
      sectionAnswers[statement.id] = answer;
      if (answer.answer === null) {
        if (!typoFor.has(section.id) && !typoFor.has(`${section.id}.${statement.id}`))
          missing.push(statement.id);
        continue;
      }
      if (answer.answer === 'na') {
        if (statement.allowNotApplicable !== true) {
          issues.push({
            path: at,
            message: `"na" is not allowed for "${statement.id}": the questionnaire requires a yes or no here`,
          });
        } else if (answer.note === undefined) {
          issues.push({
            path: at,
            message: `"na" for "${statement.id}" needs a note saying why it does not apply; write it as a map: \`answer: na\` and \`note: …\``,
          });
        }
      } else if (answer.until !== undefined) {
        issues.push({
          path: [...at, 'until'],
          at: 'key',
          message: `"until" only goes with an "na" answer; remove it or answer na`,
        });
      }
    }
    if (missing.length > 0 && !options.allowIncomplete) {
      const inFile = givenSection(section.id) !== undefined && givenSection(section.id) !== null;
      issues.push({
        path: inFile ? [...answersPath, section.id] : entry?.answers ? answersPath : path,
        message: `${missing.length === 1 ? 'a statement is' : `${missing.length} statements are`} not answered in section "${
          section.id
        }" of "${q.id}": ${listSome(missing)}; answer ${
          section.statements.some((s) => s.allowNotApplicable === true)
            ? 'yes, no or na'
            : 'yes or no'
        }, or run with --allow-incomplete`,
      });
    }
    answers[section.id] = sectionAnswers;
  }
  return { answers, issues };
}

/** The first ids of a list, and how many more there are: a message stays readable. */
function listSome(ids: readonly string[], max = MAX_SHOWN_ISSUES): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${groupDigits(ids.length - max)} more` : shown;
}
