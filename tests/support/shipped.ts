// What trustcheck ships, as the core sees it: every questionnaire version compiled from
// questionnaires/, and a questionnaire's meanings record parsed from its meanings.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileBuiltins } from '../../src/app/registry.js';
import type { Meanings } from '../../src/core/meanings.js';
import { parseMeanings } from '../../src/core/meanings-record.js';
import type { Questionnaire } from '../../src/core/model.js';
import { root } from './helpers.js';

/** Every shipped version of every questionnaire. */
export const builtins: Questionnaire[] = Object.values(compileBuiltins()).map((b) => b.value);

/** One shipped version of a questionnaire. */
export const builtin = (id: string, version: string): Questionnaire =>
  builtins.find((q) => q.id === id && q.version === version)!;

/** A shipped meanings record, parsed from its YAML; throws with the issues if it is not one. */
export function shippedRecord(id: string): Meanings {
  const parsed = parseMeanings(
    parse(readFileSync(join(root, 'questionnaires', id, 'meanings.yaml'), 'utf8')),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}
