// Where a new answers file may be written: never over an existing file without --force, and
// --force replaces only a trustcheck answers file or an empty one (never a questionnaire, a
// report or anything else it was pointed at by mistake).
import { isAnswersFileOrEmpty } from '../io/identity.js';
import { TrustcheckError } from '../errors.js';
import { parseDocument } from 'yaml';

export function assertAnswersTarget(file: string, force: boolean, hint: string): void {
  const kind = isAnswersFileOrEmpty(file);
  if (kind === 'missing') return;
  if (!force) throw new TrustcheckError(`${file} already exists; ${hint}`);
  if (kind === 'other') {
    throw new TrustcheckError(
      `${file} is not a trustcheck answers file, so --force leaves it as it is (it replaces only an answers file or an empty one); choose another file name`,
    );
  }
}

/** A template (YAML) in the syntax its file asks for: a `.json` file gets JSON, a file of
 * trustcheck's keeps its syntax whatever writes it. */
export function inSyntaxOf(file: string, yamlTemplate: string): string {
  if (!/\.json$/i.test(file)) return yamlTemplate;
  return `${JSON.stringify(parseDocument(yamlTemplate, { version: '1.2' }).toJS(), null, 2)}\n`;
}
