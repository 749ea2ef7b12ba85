// Where the `$schema` lines of written files point (a file that exists here, by a path that holds
// on other machines: the project's node_modules, else a schema beside the file), and the
// answers schemas `trustcheck schema answers` prints: with the built-ins, with custom
// questionnaires added (-q), or generic.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { list, read, root, run, tempDir } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const custom = join(root, 'examples', 'know-like-trust.yaml');
const schemaLine = (file: string): string | undefined =>
  /^# yaml-language-server: \$schema=(\S+)\n/.exec(read(file))?.[1];
const target = (file: string): string => resolve(dirname(file), schemaLine(file)!);

/** Makes `dir` a project with trustcheck installed, as npm installs it (here: a link to the clone). */
function installTrustcheck(): void {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'trustcheck'));
}

describe('init', () => {
  it('with trustcheck installed in the project: the installed schema, found from the file up', () => {
    installTrustcheck();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    for (const [file, line] of [
      ['top.yaml', './node_modules/trustcheck/schemas/answers.schema.json'],
      ['a/b/deep.yaml', '../../node_modules/trustcheck/schemas/answers.schema.json'],
    ] as const) {
      const result = run(['init', file, '--subject', 'Acme'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(schemaLine(join(dir, file))).toBe(line);
      expect(existsSync(target(join(dir, file)))).toBe(true);
      expect(result.stderr).toBe(
        `wrote ${file}: 36 statements to answer; then run: trustcheck audit --answers ${file}\n`,
      );
    }
    expect(list(dir)).toEqual(['a', 'node_modules', 'top.yaml']);
    expect(list(join(dir, 'a', 'b'))).toEqual(['deep.yaml']);
  });

  it('without trustcheck in the project: the schema beside the file, and why on stderr', () => {
    mkdirSync(join(dir, 'audits'));
    const result = run(['init', 'audits/a.yaml', '--subject', 'Acme'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(schemaLine(join(dir, 'audits', 'a.yaml'))).toBe('./answers.schema.json');
    // the shipped editor schema, under the name the line gives: nothing points outside
    expect(JSON.parse(read(join(dir, 'audits', 'answers.schema.json')))).toEqual(
      JSON.parse(read(join(root, 'schemas', 'answers.schema.json'))),
    );
    expect(result.stderr).toBe(
      [
        "the $schema line points at audits/answers.schema.json, written beside audits/a.yaml: trustcheck is not installed in this project (node_modules/trustcheck), and a path into a global install or npx's cache would not hold",
        'wrote audits/a.yaml and audits/answers.schema.json: 36 statements to answer; then run: trustcheck audit --answers audits/a.yaml',
        '',
      ].join('\n'),
    );
    // in Dutch, and a second answers file beside it: init's own schema is written again
    const nl = run(['init', 'audits/b.yaml', '--lang', 'nl'], { cwd: dir });
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stderr).toMatch(
      /^de \$schema-regel wijst naar audits\/answers\.schema\.json, naast audits\/b\.yaml geschreven: trustcheck is niet in dit project geïnstalleerd/,
    );
    expect(list(join(dir, 'audits'))).toEqual(['a.yaml', 'answers.schema.json', 'b.yaml']);
  });

  it('without trustcheck, beside a file of that name it did not write: no line, the file kept', () => {
    writeFileSync(join(dir, 'answers.schema.json'), '{"title": "mine"}\n');
    const result = run(['init', 'a.yaml', '--subject', 'Acme'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(schemaLine(join(dir, 'a.yaml'))).toBeUndefined();
    expect(read(join(dir, 'answers.schema.json'))).toBe('{"title": "mine"}\n');
    expect(result.stderr).toContain(
      'no $schema line: trustcheck is not installed in this project (node_modules/trustcheck), and answers.schema.json beside a.yaml is not a trustcheck answers schema; write one elsewhere with --schema-file FILE',
    );
  });

  it('to stdout: no schema line, and a one-line hint on stderr', () => {
    const result = run(['init', '-', '--subject', 'Acme'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('$schema');
    expect(result.stderr).toMatch(/^no \$schema line on stdout: .*\n$/);
  });

  it('with a custom questionnaire: the generic schema, and a hint about --schema-file', () => {
    installTrustcheck();
    const result = run(['init', 'a.yaml', '-q', 'trustability', '-q', custom], { cwd: dir });
    expect(result.code).toBe(0);
    expect(target(join(dir, 'a.yaml'))).toBe(
      join(dir, 'node_modules', 'trustcheck', 'schemas', 'answers-generic.schema.json'),
    );
    expect(result.stderr).toContain('does not know know-like-trust');
    expect(result.stderr).toContain('--schema-file');
  });

  it('with a custom questionnaire and no trustcheck installed: a schema beside that knows it', () => {
    const result = run(['init', 'a.yaml', '-q', 'trustability', '-q', custom], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(schemaLine(join(dir, 'a.yaml'))).toBe('./answers.schema.json');
    const schema = JSON.parse(read(join(dir, 'answers.schema.json'))) as {
      properties: { questionnaires: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(schema.properties.questionnaires.properties)).toContain('know-like-trust');
    expect(result.stderr).not.toContain('does not know');
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
  it('points at the installed questionnaire schema by a relative path', () => {
    installTrustcheck();
    mkdirSync(join(dir, 'checks'));
    expect(
      run(['questionnaires', 'new', 'x-check', '-o', 'checks/x.yaml'], { cwd: dir }).code,
    ).toBe(0);
    expect(schemaLine(join(dir, 'checks', 'x.yaml'))).toBe(
      '../node_modules/trustcheck/schemas/questionnaire.schema.json',
    );
    expect(existsSync(target(join(dir, 'checks', 'x.yaml')))).toBe(true);
    const stdout = run(['questionnaires', 'new', 'x-check', '-o', '-'], { cwd: dir });
    expect(stdout.stdout).not.toContain('$schema');
    expect(stdout.stderr).toMatch(/^no \$schema line on stdout; /);
  });

  it('without trustcheck in the project: no line, and how to keep a schema beside the file', () => {
    const result = run(['questionnaires', 'new', 'x-check'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(join(dir, 'x-check.yaml'))).not.toContain('$schema');
    expect(result.stderr).toContain(
      'no $schema line: trustcheck is not installed in this project (node_modules/trustcheck); for editor support, save the schema beside the file (trustcheck schema questionnaire > questionnaire.schema.json)',
    );
    expect(list(dir)).toEqual(['x-check.yaml']);
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
