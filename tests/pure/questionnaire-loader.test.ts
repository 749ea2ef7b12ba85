import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireFile } from '../../src/app/load.js';

const dir = join('tests', 'fixtures', 'questionnaires');

// Every invalid fixture, with the exact messages it must produce (line:col: message).
// A worse message is a failing test.
const invalid: [string, string[]][] = [
  [
    'bad-allow-na.yaml',
    ['16:29: "allowNotApplicable" must be true or false, found the text "sometimes"'],
  ],
  [
    'bad-id.yaml',
    [
      '2:5: "id" must be a valid id: use lower-case letters, digits and single hyphens (kebab-case), such as "renewal-warning", found the text "Supplier_Check"',
    ],
  ],
  ['bad-rule.yaml', ['5:7: "rule" must be "all-must-be-true", found the text "majority"']],
  [
    'bad-statement-id.yaml',
    [
      '11:13: "id" must be a valid id: use lower-case letters, digits and single hyphens (kebab-case), such as "renewal-warning", found the text "plain--terms"',
    ],
  ],
  [
    'bad-version.yaml',
    ['3:10: "version" must be a semantic version such as "1.0.0", found the text "1.0"'],
  ],
  [
    'bad-yaml.yaml',
    [
      '7:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  ],
  [
    'indented-key.yaml',
    [
      '13:11: "remedy:" starts at column 11, but the keys at its level start at column 9; indent it 2 spaces less, to column 9',
    ],
  ],
  [
    'indented-list-item.yaml',
    [
      '14:9: this list item starts at column 9, but the items of its list start at column 7; indent it 2 spaces less, to column 7',
    ],
  ],
  [
    'custom-tag.yaml',
    ['13:17: custom tag !!js/function is not allowed; trustcheck files are plain data'],
  ],
  ['duplicate-key.yaml', ['6:1: duplicate key "id" (first given at line 2:1); keep one of them']],
  [
    'duplicate-section-id.yaml',
    ['17:9: section id "contracts" is used twice (also by section 1); section ids must be unique'],
  ],
  [
    'duplicate-statement-id.yaml',
    [
      '14:13: statement id "plain-terms" is used twice in section "contracts" (also by statement 1); statement ids must be unique within their section',
    ],
  ],
  ['empty-text.yaml', ['13:17: "remedy" must not be empty']],
  ['empty.yaml', ['the questionnaire is empty']],
  ['languages-empty.yaml', ['4:12: "languages" needs at least 1 entry']],
  [
    'missing-format.yaml',
    ['1:1: missing "format" (the file format and its version); add `format: …` here'],
  ],
  ['missing-title.yaml', ['1:1: missing "title" (the questionnaire title); add `title: …` here']],
  [
    'missing-translation.yaml',
    [
      '6:8: the text has no "nl" translation; add `nl: …`, or give one plain text for every language',
    ],
  ],
  ['no-sections.yaml', ['7:11: "sections" needs at least 1 entry']],
  ['no-statements.yaml', ['10:17: "statements" needs at least 1 entry']],
  ['not-a-map.yaml', ['1:1: the file must be a map (key: value lines), found a list']],
  [
    'numeric-version.yaml',
    ['3:10: "version" must be a text, found the number 1; put the value in quotes'],
  ],
  ['proto-key.yaml', ['6:1: the key "__proto__" is not allowed; rename it']],
  ['sections-not-list.yaml', ['8:3: "sections" must be a list, found a map']],
  [
    'text-not-string.yaml',
    ['13:17: "remedy" must be a text or a map (key: value lines), found the number 42'],
  ],
  [
    'two-documents.yaml',
    [
      '17:1: the file holds more than one YAML document (a second one starts here); keep one document per file',
    ],
  ],
  [
    'undeclared-language.yaml',
    [
      '6:53: "de" is not one of the questionnaire\'s languages (en, nl); add it to "languages" or remove this text',
    ],
  ],
  [
    'unknown-field.yaml',
    [
      '6:1: unknown field "weight"; allowed here: format, id, version, languages, rule, title, description, source, sections',
    ],
  ],
  [
    'prototype-ids.yaml',
    [
      '2:5: the questionnaire id "constructor" is a name every JavaScript object already has, so it cannot be told apart from one; choose another id (such as "constructor-check")',
      '8:9: the section id "prototype" is a name every JavaScript object already has, so it cannot be told apart from one; choose another id (such as "prototype-check")',
      '11:13: the statement id "constructor" is a name every JavaScript object already has, so it cannot be told apart from one; choose another id (such as "constructor-check")',
    ],
  ],
  [
    'unknown-statement-field.yaml',
    ['16:9: unknown field "allowNA"; allowed here: id, text, help, remedy, allowNotApplicable'],
  ],
  [
    'wrong-format.yaml',
    ['1:9: "format" must be "trustcheck-questionnaire/1", found "trustcheck-questionnaire/2"'],
  ],
];

describe('questionnaire loader', () => {
  it('accepts the valid fixtures', () => {
    for (const file of readdirSync(join(dir, 'valid'))) {
      const result = loadQuestionnaireFile(join(dir, 'valid', file));
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it('has a pinned message for every invalid fixture', () => {
    expect(readdirSync(join(dir, 'invalid')).sort()).toEqual(invalid.map(([f]) => f).sort());
  });

  it.each(invalid)('%s', (file, expected) => {
    const path = join(dir, 'invalid', file);
    const result = loadQuestionnaireFile(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const issue of result.issues) expect(issue.file).toBe(path);
    expect(
      result.issues.map((i) => `${i.line === undefined ? '' : `${i.line}:${i.col}: `}${i.message}`),
    ).toEqual(expected);
  });
});
