// The published JSON Schemas are generated from the zod model (and, for editors, from the
// built-in questionnaires): a stale committed file fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText } from '../../scripts/gen-schemas.js';
import { compileBuiltins } from '../../src/app/registry.js';
import { renderTemplate } from '../../src/core/template.js';
import type { Questionnaire } from '../../src/core/model.js';

const root = join(import.meta.dirname, '..', '..');
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const builtins = Object.values(compileBuiltins()).map((b) => b.value);
const generated = jsonSchemas(version, builtins);

/** An ajv as an editor-minded tool would set it up: strict, knowing the editors' keywords. */
function ajv(): Ajv2020 {
  const a = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  a.addVocabulary(['markdownDescription']);
  return a;
}
const validateEditor = ajv().compile(generated.answers);
const validateGeneric = ajv().compile(generated['answers-generic']);

const newest = (id: string): Questionnaire =>
  builtins.filter((q) => q.id === id).sort((a, b) => (a.version < b.version ? 1 : -1))[0]!;

const template = (questionnaires: Questionnaire[], subject = 'Acme'): string =>
  renderTemplate(questionnaires, { subject, language: 'en', schemaRef: './x.json' });

/** A parsed answer file: the template with `edit` applied. */
const answers = (edit: (text: string) => string = (t) => t): unknown =>
  parse(edit(template([newest('trustability'), newest('transparantie-apk')]))) as unknown;

describe('published schemas', () => {
  it.each(Object.keys(generated))(
    'schemas/%s.schema.json is up to date with src/core/model.ts and questionnaires/ (npm run schemas)',
    (name) => {
      const committed = readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8');
      expect(committed).toBe(schemaText(generated[name as keyof typeof generated]));
    },
  );

  it('carry a versioned $id that names the schema, and a description on every property', () => {
    for (const [name, schema] of Object.entries(generated)) {
      expect(schema.$id).toBe(`urn:trustcheck:schema:${name}:${version}`);
      expect(schema.title).toEqual(expect.any(String));
    }
    const answersSchema = generated.answers as {
      properties: Record<string, { description?: string }>;
    };
    for (const [key, property] of Object.entries(answersSchema.properties)) {
      expect(property.description, key).toEqual(expect.any(String));
    }
  });

  it('flag a misspelled key in an answer file, the way an editor would', () => {
    const good = parse(
      readFileSync(join(root, 'tests', 'fixtures', 'answers', 'valid', 'one-no.yaml'), 'utf8'),
    ) as unknown;
    const misspelled = parse(
      'format: trustcheck-answers/1\nsubject: Acme\nasessor: Jan\nquestionnaires: {}\n',
    ) as unknown;
    for (const validate of [validateEditor, validateGeneric]) {
      expect(validate(good)).toBe(true);
      expect(validate(misspelled)).toBe(false);
      expect(validate.errors).toEqual([
        expect.objectContaining({
          keyword: 'additionalProperties',
          params: { additionalProperty: 'asessor' },
        }),
      ]);
    }
  });
});

describe('the answers schema for editors', () => {
  const properties = (schema: unknown, ...path: string[]): Record<string, unknown> =>
    path.reduce<Record<string, unknown>>(
      (at, key) =>
        (at.properties as Record<string, Record<string, unknown>>)[key] as Record<string, unknown>,
      schema as Record<string, unknown>,
    ).properties as Record<string, unknown>;

  it('knows every built-in id, section and statement, with the statement text', () => {
    const questionnaires = properties(generated.answers, 'questionnaires');
    expect(Object.keys(questionnaires)).toEqual(['transparantie-apk', 'trustability']);
    const q = newest('trustability');
    const sections = properties(generated.answers, 'questionnaires', 'trustability', 'answers');
    expect(Object.keys(sections)).toEqual(q.sections.map((s) => s.id));
    const statements = properties(sections['economic-interests'], ...[]) as Record<
      string,
      { description: string; markdownDescription: string }
    >;
    const first = q.sections[0]!.statements[0]!;
    const text = typeof first.text === 'string' ? first.text : first.text.en!;
    expect(statements[first.id]!.description).toBe(text.replace(/\s+/g, ' ').trim());
    expect(
      statements[first.id]!.markdownDescription.startsWith(statements[first.id]!.description),
    ).toBe(true);
  });

  it('accepts a filled template, unanswered or answered, and true/false for yes/no', () => {
    expect(validateEditor(answers())).toBe(true);
    expect(validateEditor(answers((t) => t.replace(/: ~ #.*$/gm, ': yes')))).toBe(true);
    expect(validateEditor(answers((t) => t.replace(/: ~ #.*$/gm, ': false')))).toBe(true);
  });

  it.each([
    ['a statement id', 'overbuying-advice:', 'overbuying-advise:', 'overbuying-advise'],
    ['a section id', 'customer-reviews:', 'customer-review:', 'customer-review'],
    ['a questionnaire id', 'transparantie-apk:', 'transparency-apk:', 'transparency-apk'],
  ])('flags a misspelled %s, which the generic schema lets through', (_, from, to, key) => {
    const data = answers((t) => t.replace(from, to));
    expect(validateGeneric(data)).toBe(true);
    expect(validateEditor(data)).toBe(false);
    expect(validateEditor.errors).toContainEqual(
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: key },
      }),
    );
  });

  it('accepts na with a note only where the statement allows it', () => {
    const q = newest('trustability');
    const allowed = q.sections.flatMap((s) => s.statements).find((s) => s.allowNotApplicable);
    const refused = q.sections.flatMap((s) => s.statements).find((s) => !s.allowNotApplicable)!;
    expect(allowed).toBeDefined();
    const set = (id: string, value: string) => (t: string) =>
      t.replace(new RegExp(`^(\\s+${id}): ~.*$`, 'm'), `$1: ${value}`);
    const withNote = '{ answer: na, note: We sell no warranties. }';
    expect(validateEditor(answers(set(allowed!.id, withNote)))).toBe(true);
    expect(validateEditor(answers(set(allowed!.id, 'na')))).toBe(false);
    expect(validateEditor(answers(set(allowed!.id, '{ answer: na }')))).toBe(false);
    expect(validateEditor(answers(set(allowed!.id, '{ answer: na, note: " " }')))).toBe(false);
    expect(validateEditor(answers(set(refused.id, withNote)))).toBe(false);
    expect(validateEditor(answers(set(refused.id, '{ answer: no, until: 2027-01-01 }')))).toBe(
      false,
    );
    expect(validateGeneric(answers(set(allowed!.id, 'na')))).toBe(true);
  });

  it('still accepts the ids of an older shipped version', () => {
    const old = builtins.find((q) => q.id === 'transparantie-apk' && q.version === '1.0.0')!;
    const gone = old.sections
      .flatMap((s) => s.statements.map((st) => st.id))
      .filter(
        (id) =>
          !newest('transparantie-apk').sections.some((s) =>
            s.statements.some((st) => st.id === id),
          ),
      );
    expect(gone.length).toBeGreaterThan(0);
    expect(validateEditor(parse(template([old])))).toBe(true);
  });

  it('keeps dates that a YAML 1.1 reader would turn into a Date: init quotes them', () => {
    const text = template([newest('trustability')]).replace(
      /^# date: (.*?) {2}#.*$/m,
      (_, value: string) => `date: ${value.replace('YYYY-MM-DD', '2026-11-23')}`,
    );
    expect(text).toContain('date: "2026-11-23"');
    const yaml11 = parse(text, { version: '1.1' }) as { date: unknown };
    expect(yaml11.date).toBe('2026-11-23');
    expect(validateEditor(yaml11)).toBe(true);
    expect(validateGeneric(yaml11)).toBe(true);
    // what the quotes prevent
    const unquoted = parse(text.replace('"2026-11-23"', '2026-11-23'), { version: '1.1' }) as {
      date: unknown;
    };
    expect(unquoted.date).toBeInstanceOf(Date);
    expect(validateGeneric(unquoted)).toBe(false);
  });
});
