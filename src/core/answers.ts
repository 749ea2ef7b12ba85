// Reading an answer file's answers against a questionnaire: normalises the ways an answer can
// be written, and finds unknown ids, disallowed or unexplained N/A, and missing answers.
import {
  MAX_SHOWN_ISSUES,
  editDistance,
  nearest,
  quote,
  suggestion,
  type Issue,
  type Path,
} from './issues.js';
import { groupDigits, shorten } from './text/terminal.js';
import type { AnswerEntry, AnswerFile, Questionnaire } from './model.js';

export type Choice = 'yes' | 'no' | 'na';

export interface GivenAnswer {
  answer: Choice | null;
  note?: string;
  evidence?: string;
  until?: string;
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

const CHOICES: readonly Choice[] = ['yes', 'no', 'na'];

/**
 * The spellings a near miss is measured against: each answer, in English and Dutch, written out
 * (single letters, `ok` and `x` are matched only as they are).
 */
const SPELLED = [...MEANT].filter(([word]) => word.length > 2 || /^(?:no|na|ja)$/.test(word));
const LONGEST = Math.max(...SPELLED.map(([word]) => word.length));

/**
 * The answers a text that is not one probably means (`Yes`, `ja`, `N/A`, `Nee`; or a near miss
 * of one: `ys`, `noo`, `nah`, `jaa`, `flase`), closest first; empty when it looks like none. A
 * near miss is one or two edits away from a spelling, fewer edits than the spelling and the
 * text have letters (so that `q` is not taken for `no`). Several answers are given when they are
 * equally close (`ne`: no or na). Constant time: a text too long to be near is not measured.
 */
export function meantAnswers(text: string): Choice[] {
  const word = text.trim().toLowerCase();
  const exact = MEANT.get(word);
  if (exact !== undefined) return [exact];
  if (word.length > LONGEST + 2) return [];
  // each answer's closest spelling: its distance, less half an edit when it starts as the text
  // does (`yse` is yes, not no by way of `nee`)
  const best = new Map<Choice, number>();
  for (const [spelling, choice] of SPELLED) {
    if (Math.abs(spelling.length - word.length) > 2) continue;
    const d = editDistance(word, spelling);
    if (d > 2 || d >= spelling.length || d >= word.length) continue;
    const rank = spelling[0] === word[0] ? d - 0.5 : d;
    if (rank < (best.get(choice) ?? Infinity)) best.set(choice, rank);
  }
  const closest = Math.min(...best.values());
  return CHOICES.filter((c) => best.get(c) === closest);
}

/** A text given as an answer that is not one, with the answers it probably means. */
export function notAnAnswerMessage(text: string, meant: readonly Choice[]): string {
  const choices =
    meant.length > 1 ? `${meant.slice(0, -1).join(', ')} or ${meant.at(-1)!}` : meant[0]!;
  return `${quote(text)} is not an answer; did you mean ${choices}?`;
}

/** The keys of an answer written as a map. */
export const ANSWER_KEYS: ReadonlySet<string> = new Set(['answer', 'note', 'evidence', 'until']);

/**
 * What a person writes for an answer, and so means only for that answer: when the answer
 * changes, each is kept, changed or cleared by choice, never carried over unasked. (`until`
 * belongs to an N/A and goes with it.)
 */
export const ATTACHED_FIELDS = ['note', 'evidence'] as const;
export type AttachedField = (typeof ATTACHED_FIELDS)[number];

/** A field of an answer as a hint shows it: `answer: no`, `note: …` (what a person writes is not repeated). */
function formField(key: string, value: unknown): string {
  const written = typeof value === 'string' || typeof value === 'boolean' ? String(value) : '';
  const shown = key === 'note' || key === 'evidence' || written === '' ? '…' : shorten(written, 40);
  return `\`${key}: ${shown}\``;
}

/**
 * How to write an answer with details, the form that works: "`competitor-referral:` on its own
 * line, then `answer: no` and `note: …` on the lines below it, two spaces further in". `answer`
 * is the answer written after the statement's colon, if any; `fields` the fields given for it.
 */
export function answerMapForm(
  statement: string | undefined,
  answer: unknown,
  fields: readonly (readonly [string, unknown])[],
): string {
  const all = fields.some(([key]) => key === 'answer')
    ? fields
    : [['answer', answer] as const, ...fields];
  const shown = all.map(([key, value]) => formField(key, value));
  const list =
    shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}` : shown[0]!;
  const name = statement === undefined ? 'statement-id' : shorten(statement, 60);
  return `\`${name}:\` on its own line, then ${list} on the ${shown.length > 1 ? 'lines' : 'line'} below it, two spaces further in`;
}

const misplacedInSection = new WeakMap<object, Map<string, string>>();

/**
 * The message for each answer field (`answer:`, `note:` …) written at the level of the
 * statements of a section, where it reads as a statement id: each belongs to the statement above
 * it, and the message shows that answer written as a map. One pass over the section, made once.
 */
export function misplacedKeyMessages(
  section: Readonly<Record<string, unknown>>,
): ReadonlyMap<string, string> {
  const cached = misplacedInSection.get(section);
  if (cached !== undefined) return cached;
  const messages = new Map<string, string>();
  const keys = Object.keys(section);
  for (let start = 0; start < keys.length; start++) {
    if (!ANSWER_KEYS.has(keys[start]!)) continue;
    let end = start;
    while (end + 1 < keys.length && ANSWER_KEYS.has(keys[end + 1]!)) end++;
    const run = keys.slice(start, end + 1);
    const statement = start > 0 ? keys[start - 1] : undefined;
    const fields = run.map((key) => [key, section[key]] as const);
    const answer = statement === undefined ? undefined : section[statement];
    const form = answerMapForm(statement, typeof answer === 'object' ? undefined : answer, fields);
    for (const key of run) {
      messages.set(
        key,
        statement === undefined
          ? `"${key}:" sits where statement ids go; write it under the statement it belongs to, as a map: ${form}`
          : `"${key}:" sits where statement ids go, so it is not part of the answer to ${shorten(statement, 60)}; write that answer as a map: ${form}`,
      );
    }
    start = end;
  }
  misplacedInSection.set(section, messages);
  return messages;
}

export function normalizeAnswer(entry: AnswerEntry | undefined): GivenAnswer {
  if (entry === undefined || entry === null) return { answer: null };
  if (typeof entry === 'boolean') return { answer: entry ? 'yes' : 'no' };
  if (typeof entry === 'string') return { answer: entry };
  const given: GivenAnswer = normalizeAnswer(entry.answer);
  if (entry.note !== undefined && entry.note.trim() !== '') given.note = entry.note;
  if (entry.evidence !== undefined && entry.evidence.trim() !== '') given.evidence = entry.evidence;
  if (entry.until !== undefined) given.until = entry.until;
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
          message: misplacedKeyMessages(sectionGiven).get(statementId)!,
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
          const entry = sectionGiven[statement.id];
          issues.push({
            path: at,
            message: `"na" for "${statement.id}" needs a note saying why it does not apply; ${
              entry !== null && typeof entry === 'object'
                ? 'add `note: …` beside its `answer: na`'
                : `write that answer as a map: ${answerMapForm(statement.id, 'na', [['note', undefined]])}`
            }`,
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
