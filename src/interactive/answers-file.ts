// The answers file of an interactive audit, edited in place: every answer is written into the
// document (keeping its comments, key order, and a note, evidence or until already there) and
// saved atomically and durably at once. A `.json` file stays JSON.
import { isMap, parseDocument, type Document } from 'yaml';
import type { Choice, GivenAnswer } from '../core/answers.js';
import { normalizeAnswer } from '../core/answers.js';
import type { AnswerEntry } from '../core/model.js';
import { writeFileSafely } from '../io/write.js';
import { documentText } from '../app/answers-target.js';

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
   * Sets an answer and saves the file. A statement written in the map form keeps its other
   * keys (note, evidence, until); a new note replaces the old one.
   */
  set(
    questionnaire: string,
    section: string,
    statement: string,
    answer: Choice,
    note?: string,
  ): void {
    const path = this.path(questionnaire, section, statement);
    const given = note === undefined || note.trim() === '' ? undefined : note.trim();
    this.ensureSection(questionnaire, section);
    const existing: unknown = this.doc.getIn(path, true);
    if (isMap(existing)) {
      existing.set('answer', answer);
      if (given !== undefined) existing.set('note', given);
    } else {
      this.doc.setIn(
        path,
        this.doc.createNode(given === undefined ? answer : { answer, note: given }),
      );
    }
    this.save();
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
