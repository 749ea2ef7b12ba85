// The answers file of an interactive audit, edited in place: every answer is written into the
// document exactly as the interview decided it (answer, note, evidence, until), keeping the
// file's comments, key order and the style of what did not change, and saved atomically and
// durably at once. A `.json` file stays JSON.
import { isMap, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import type { Choice, GivenAnswer } from '../core/answers.js';
import { normalizeAnswer } from '../core/answers.js';
import type { AnswerEntry } from '../core/model.js';
import { writeFileSafely } from '../io/write.js';
import { documentText } from '../app/answers-target.js';

/** An answer as the interview saves it: given, with what goes with it. */
export type SavedAnswer = GivenAnswer & { answer: Choice };

/** The keys that may go with an answer, in the order a new map is written in. */
const DETAILS = ['note', 'evidence', 'until'] as const;

export class AnswersFile {
  readonly file: string;
  private readonly doc: Document;

  constructor(file: string, doc: Document) {
    this.file = file;
    this.doc = doc;
  }

  static fromText(file: string, text: string): AnswersFile {
    return new AnswersFile(file, parseDocument(text, { version: '1.2' }));
  }

  private path(questionnaire: string, section: string, statement: string): string[] {
    return ['questionnaires', questionnaire, 'answers', section, statement];
  }

  get(questionnaire: string, section: string, statement: string): GivenAnswer {
    const node: unknown = this.doc.getIn(this.path(questionnaire, section, statement));
    const value = isMap(node) ? (node.toJSON() as AnswerEntry) : (node as AnswerEntry | undefined);
    return normalizeAnswer(value ?? null);
  }

  /**
   * Writes a statement's answer as `given` says, and saves the file: a note, evidence or until
   * that `given` leaves out is removed. What did not change keeps its form (quotes, a block
   * scalar); a map left with only its answer becomes the short form `id: yes`, unless it
   * carries a comment.
   */
  set(questionnaire: string, section: string, statement: string, given: SavedAnswer): void {
    const path = this.path(questionnaire, section, statement);
    this.ensureSection(questionnaire, section);
    const details = DETAILS.filter((key) => given[key] !== undefined);
    const existing: unknown = this.doc.getIn(path, true);
    if (isMap(existing)) {
      const map = existing;
      // a changed value is a new node: it takes nothing (quotes, a block) from the old one
      const write = (key: string, value: string) => {
        if (map.get(key) !== value) map.set(key, this.node(key, value));
      };
      write('answer', given.answer);
      for (const key of DETAILS) {
        const value = given[key];
        if (value === undefined) map.delete(key);
        else write(key, value);
      }
      if (details.length === 0 && !hasComment(map)) {
        this.doc.setIn(path, this.doc.createNode(given.answer));
      }
    } else {
      const entry = this.doc.createNode(details.length === 0 ? given.answer : {}) as unknown;
      if (isMap(entry)) {
        entry.set('answer', given.answer);
        for (const key of details) entry.set(key, this.node(key, given[key]!));
      }
      this.doc.setIn(path, entry);
    }
    this.save();
  }

  /** A value's node: a date in double quotes, which YAML 1.1 readers (ajv-cli) keep a string. */
  private node(key: string, value: string): unknown {
    if (key !== 'until') return this.doc.createNode(value);
    const date = new Scalar(value);
    date.type = Scalar.QUOTE_DOUBLE;
    return date;
  }

  /** A section written as `section: ~` (or missing) becomes a map before it takes answers. */
  private ensureSection(questionnaire: string, section: string): void {
    for (const path of [
      ['questionnaires', questionnaire, 'answers'],
      ['questionnaires', questionnaire, 'answers', section],
    ]) {
      if (!isMap(this.doc.getIn(path, true))) this.doc.setIn(path, this.doc.createNode({}));
    }
  }

  save(): void {
    writeFileSafely(this.file, documentText(this.file, this.doc), { durable: true });
  }
}

/** Whether a map, or one of its keys or values, carries a comment (which the short form would lose). */
function hasComment(map: YAMLMap<unknown, unknown>): boolean {
  const commented = (node: unknown) =>
    typeof node === 'object' &&
    node !== null &&
    ((node as { comment?: string }).comment !== undefined ||
      (node as { commentBefore?: string }).commentBefore !== undefined);
  return commented(map) || map.items.some((pair) => commented(pair.key) || commented(pair.value));
}
