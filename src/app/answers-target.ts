// Writing trustcheck's own files: a new answers file never replaces an existing file without
// --force, and --force replaces only a trustcheck answers file or an empty one (never a
// questionnaire, a report or anything else it was pointed at by mistake); and every file
// trustcheck writes keeps the syntax its name asks for (a `.json` file stays JSON).
import { isJsonFile } from '../io/document.js';
import { isAnswersFileOrEmpty } from '../io/identity.js';
import { TrustcheckError } from '../errors.js';
import { parseDocument, type Document } from 'yaml';

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

/** A document's text in the syntax its file name asks for: JSON for `.json`, else YAML. */
export function documentText(file: string, doc: Document): string {
  return isJsonFile(file)
    ? `${JSON.stringify(doc.toJS(), null, 2)}\n`
    : doc.toString({ lineWidth: 0 });
}

/** A template (YAML) in the syntax its file asks for: a `.json` file gets JSON, a YAML file the
 * template as it is. */
export function inSyntaxOf(file: string, yamlTemplate: string): string {
  return isJsonFile(file)
    ? documentText(file, parseDocument(yamlTemplate, { version: '1.2' }))
    : yamlTemplate;
}
