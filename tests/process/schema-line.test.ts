// Where the `$schema` lines of written files point (always a file that exists here), and the
// answers schemas `trustcheck schema answers` prints: with the built-ins, with custom
// questionnaires added (-q), or generic.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { read, root, run, tempDir } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const custom = join(root, 'examples', 'know-like-trust.yaml');
const schemaLine = (file: string): string | undefined =>
  /^# yaml-language-server: \$schema=(\S+)\n/.exec(read(file))?.[1];
const target = (file: string): string => resolve(dirname(file), schemaLine(file)!);

describe('init', () => {
  it('points at the shipped answers schema by a relative path, from any folder', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    for (const file of ['top.yaml', 'a/b/deep.yaml']) {
      expect(run(['init', file, '--subject', 'Acme'], { cwd: dir }).code).toBe(0);
      const path = join(dir, file);
      expect(schemaLine(path)).toMatch(/^\.\.?\//);
      expect(target(path)).toBe(join(root, 'schemas', 'answers.schema.json'));
    }
  });

  it('to stdout: no schema line, and a one-line hint on stderr', () => {
    const result = run(['init', '-', '--subject', 'Acme'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('$schema');
    expect(result.stderr).toMatch(/^no \$schema line on stdout: .*\n$/);
  });

  it('with a custom questionnaire: the generic schema, and a hint about --schema-file', () => {
    const result = run(['init', 'a.yaml', '-q', 'trustability', '-q', custom], { cwd: dir });
    expect(result.code).toBe(0);
    expect(target(join(dir, 'a.yaml'))).toBe(join(root, 'schemas', 'answers-generic.schema.json'));
    expect(result.stderr).toContain('does not know know-like-trust');
    expect(result.stderr).toContain('--schema-file');
  });

  it('--schema-file writes a schema that knows the custom questionnaire next to the file', () => {
    mkdirSync(join(dir, 'audits'));
    const result = run(['init', 'audits/a.yaml', '-q', custom, '--schema-file'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(schemaLine(join(dir, 'audits', 'a.yaml'))).toBe('./answers.schema.json');
    const schema = JSON.parse(read(join(dir, 'audits', 'answers.schema.json'))) as {
      $id: string;
      properties: { questionnaires: { properties: Record<string, unknown> } };
    };
    expect(schema.$id).toMatch(
      /^urn:trustcheck:schema:answers:\d+\.\d+\.\d+:with:know-like-trust@0\.1\.1$/,
    );
    expect(Object.keys(schema.properties.questionnaires.properties)).toEqual([
      'know-like-trust',
      'transparantie-apk',
      'trustability',
    ]);
    // its own schema file is replaced; another file of that name is not, without --force
    expect(run(['init', 'audits/b.yaml', '--schema-file'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'mine.json'), '{"title": "not trustcheck"}\n');
    const refused = run(['init', 'c.yaml', '--schema-file', 'mine.json'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'error: mine.json already exists and is not a trustcheck answers schema; use --force to overwrite it, or give another name with --schema-file FILE\n',
    );
    expect(existsSync(join(dir, 'c.yaml'))).toBe(false);
    expect(read(join(dir, 'mine.json'))).toBe('{"title": "not trustcheck"}\n');
  });
});

describe('questionnaires new', () => {
  it('points at the shipped questionnaire schema by a relative path', () => {
    mkdirSync(join(dir, 'checks'));
    expect(
      run(['questionnaires', 'new', 'x-check', '-o', 'checks/x.yaml'], { cwd: dir }).code,
    ).toBe(0);
    expect(target(join(dir, 'checks', 'x.yaml'))).toBe(
      join(root, 'schemas', 'questionnaire.schema.json'),
    );
    const stdout = run(['questionnaires', 'new', 'x-check', '-o', '-'], { cwd: dir });
    expect(stdout.stdout).not.toContain('$schema');
    expect(stdout.stderr).toMatch(/^no \$schema line: /);
  });
});

describe('trustcheck schema answers', () => {
  it('prints the shipped schema, also with built-in -q; --generic the generic one', () => {
    const shipped = read(join(root, 'schemas', 'answers.schema.json'));
    expect(run(['schema', 'answers']).stdout).toBe(shipped);
    expect(run(['schema', 'answers', '-q', 'trustability']).stdout).toBe(shipped);
    expect(run(['schema', 'answers', '--generic']).stdout).toBe(
      read(join(root, 'schemas', 'answers-generic.schema.json')),
    );
  });

  it('-q PATH adds a custom questionnaire, with its statements', () => {
    const result = run(['schema', 'answers', '-q', custom]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      properties: {
        questionnaires: {
          properties: Record<
            string,
            { properties: { answers: { properties: Record<string, unknown> } } }
          >;
        };
      };
    };
    const q = schema.properties.questionnaires.properties['know-like-trust']!;
    expect(Object.keys(q.properties.answers.properties)).toContain('know-you');
  });

  it('refuses -q with another schema, and a questionnaire that is not there', () => {
    const other = run(['schema', 'report', '-q', custom]);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      'error: -q and --generic go with `trustcheck schema answers`, not with report\n',
    );
    const missing = run(['schema', 'answers', '-q', 'trustabilty']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('unknown questionnaire "trustabilty"');
  });
});
