// Every file in examples/, and the templates init writes, validate with ajv-cli against the
// shipped schemas, with the command docs/formats.md gives (`ajv validate --spec=draft2020
// --strict=false`). ajv-cli reads YAML as YAML 1.1 (js-yaml), where an unquoted date is a
// timestamp rather than the string the schemas ask for: so dates are written quoted.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, root, run, tempDir, write } from '../support/helpers.js';

const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');

/** ajv-cli's `validate`, as the documentation gives it, on data files against one schema. */
function ajvValidate(schema: string, files: readonly string[], cwd = root) {
  const result = spawnSync(
    process.execPath,
    [
      ajvCli,
      'validate',
      '--spec=draft2020',
      '--strict=false',
      '-s',
      schema,
      ...files.flatMap((f) => ['-d', f]),
    ],
    { cwd, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

/** The shipped schema a trustcheck file is checked against, by its `format`. */
function schemaFor(file: string): string {
  const document = parse(read(join(root, file))) as {
    format?: string;
    questionnaires?: Record<string, unknown>;
  };
  switch (document.format) {
    case 'trustcheck-questionnaire/1':
      return 'schemas/questionnaire.schema.json';
    case 'trustcheck-report/1':
      return 'schemas/report.schema.json';
    case 'trustcheck-answers/1': {
      // the editors' schema knows the built-ins only; answers to a custom one: the generic schema
      const builtin = Object.keys(document.questionnaires ?? {}).every((id) =>
        readdirSync(join(root, 'questionnaires')).includes(id),
      );
      return builtin ? 'schemas/answers.schema.json' : 'schemas/answers-generic.schema.json';
    }
    default:
      throw new Error(`${file}: not a trustcheck file (format ${String(document.format)})`);
  }
}

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('ajv-cli', () => {
  it('validates every file in examples/ against the shipped schema of its format', () => {
    const files = readdirSync(join(root, 'examples'))
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => `examples/${f}`);
    expect(files).toContain('examples/acme-answers.yaml');
    const bySchema = new Map<string, string[]>();
    for (const file of files) {
      const schema = schemaFor(file);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
    }
    expect([...bySchema.keys()].sort()).toEqual([
      'schemas/answers.schema.json',
      'schemas/questionnaire.schema.json',
    ]);
    for (const [schema, group] of bySchema) {
      const result = ajvValidate(schema, group);
      for (const file of group) expect(result.output).toContain(`${file} valid\n`);
      expect(result.status, result.output).toBe(0);
    }
  });

  it('validates the templates init writes, blank and filled in, in both languages', () => {
    const files: string[] = [];
    for (const lang of ['en', 'nl']) {
      const file = `${lang}.yaml`;
      const made = run(['init', file, '--lang', lang, '--subject', 'Acme', '--assessor', 'Jan'], {
        cwd: dir,
      });
      expect(made.code, made.stderr).toBe(0);
      const filled = `${lang}-filled.yaml`;
      write(
        join(dir, filled),
        fillTemplate(read(join(dir, file))).replace(
          /^# date: "YYYY-MM-DD".*$/m,
          'date: "2026-11-23"',
        ),
      );
      expect(read(join(dir, filled))).toMatch(/^date: "2026-11-23"$/m);
      files.push(file, filled);
    }
    const result = ajvValidate(join(root, 'schemas', 'answers.schema.json'), files, dir);
    expect(result.status, result.output).toBe(0);
  });

  it('reads an unquoted date as a timestamp, which the schema refuses (why dates are quoted)', () => {
    const acme = read(join(root, 'examples', 'acme-answers.yaml'));
    expect(acme).toMatch(/^date: "2026-11-23"$/m);
    write(join(dir, 'unquoted.yaml'), acme.replace(/^date: "(.*)"$/m, 'date: $1'));
    const result = ajvValidate(
      join(root, 'schemas', 'answers.schema.json'),
      ['unquoted.yaml'],
      dir,
    );
    expect(result.output).toContain('unquoted.yaml invalid');
    expect(result.output).toContain("instancePath: '/date'");
    expect(result.status).toBe(1);
  });
});
