// The published JSON Schemas are generated from the zod model: a stale committed file fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaText } from '../../scripts/gen-schemas.js';

const root = join(import.meta.dirname, '..', '..');
const generated = jsonSchemas();

describe('published schemas', () => {
  it.each(Object.keys(generated))(
    'schemas/%s.schema.json is up to date with src/core/model.ts (npm run schemas)',
    (name) => {
      const committed = readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8');
      expect(committed).toBe(schemaText(generated[name as keyof typeof generated]));
    },
  );

  it('carry an $id, and a description on every property, for editors', () => {
    for (const [name, schema] of Object.entries(generated)) {
      expect(schema.$id).toBe(`https://unpkg.com/trustcheck/schemas/${name}.schema.json`);
      expect(schema.title).toEqual(expect.any(String));
    }
    const answers = generated.answers as { properties: Record<string, { description?: string }> };
    for (const [key, property] of Object.entries(answers.properties)) {
      expect(property.description, key).toEqual(expect.any(String));
    }
  });

  it('flag a misspelled key in an answer file, the way an editor would', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(generated.answers);
    const good = parse(
      readFileSync(join(root, 'tests', 'fixtures', 'answers', 'valid', 'one-no.yaml'), 'utf8'),
    ) as unknown;
    expect(validate(good)).toBe(true);
    const misspelled = parse(
      'format: trustcheck-answers/1\nsubject: Acme\nasessor: Jan\nquestionnaires: {}\n',
    ) as unknown;
    expect(validate(misspelled)).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'asessor' },
      }),
    ]);
  });
});
