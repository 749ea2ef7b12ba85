// Where each statement's answer stands in its answers file: the line GitHub annotations point at.
import type { Loaded } from './load.js';
import type { AnswersSource } from '../core/render/options.js';
import { locate } from '../io/document.js';

export function answersSource(
  file: string,
  answers: Loaded<unknown>,
  annotationFile?: string,
): AnswersSource {
  return {
    file,
    annotationFile,
    line: (questionnaire, section, statement) =>
      locate(answers.parsed, {
        path: ['questionnaires', questionnaire, 'answers', section, statement],
        at: 'key',
        message: '',
      }).line,
  };
}
