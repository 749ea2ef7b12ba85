// The answers file of an interactive audit, edited in place: every answer is written into the
// YAML document (keeping its comments and key order) and saved atomically at once.
import { isMap, parseDocument, type Document } from 'yaml';
import type { Choice, GivenAnswer } from '../core/answers.js';
import { normalizeAnswer } from '../core/answers.js';
import type { AnswerEntry } from '../core/model.js';
import { writeFileAtomic } from '../io/write.js';

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

  /** Sets an answer (the map form when there is a note) and saves the file. */
  set(
    questionnaire: string,
    section: string,
    statement: string,
    answer: Choice,
    note?: string,
  ): void {
    const path = this.path(questionnaire, section, statement);
    const value = note === undefined || note.trim() === '' ? answer : { answer, note: note.trim() };
    this.ensureSection(questionnaire, section);
    this.doc.setIn(path, this.doc.createNode(value));
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
    writeFileAtomic(this.file, this.doc.toString({ lineWidth: 0 }));
  }
}
