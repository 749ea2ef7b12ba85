// What the README and docs show works: the quick start's example, the scaffold, the custom
// questionnaire workflow, and `questionnaires list/show`.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, read, root, run, tempDir, write } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('examples and docs', () => {
  it('the quick start audits examples/acme-answers.yaml', () => {
    const result = run(['audit', '--answers', 'examples/acme-answers.yaml', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^# Trustability test and Transparency check-up: Acme B\.V\., 2026-11-23\n/,
    );
    expect(result.stderr).toContain(
      'Acme B.V.: failed (7/10 sections passed, 32/36 statements satisfied)',
    );
    expect(run(['audit', '--answers', 'examples/acme-answers.yaml']).code).toBe(1);
  });

  it('questionnaires new scaffolds a file that passes validate, and can be audited with -q', () => {
    expect(run(['questionnaires', 'new', 'supplier-check'], { cwd: dir }).code).toBe(0);
    const validate = run(['questionnaires', 'validate', 'supplier-check.yaml'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toBe(
      'ok supplier-check.yaml: supplier-check@0.1.0, 1 section, 2 statements\n',
    );
    expect(run(['questionnaires', 'new', 'supplier-check'], { cwd: dir }).code).toBe(2);
    expect(
      run(['init', 'a.yaml', '-q', './supplier-check.yaml', '--subject', 'Acme'], { cwd: dir })
        .code,
    ).toBe(0);
    write(join(dir, 'a.yaml'), fillTemplate(read(join(dir, 'a.yaml'))));
    const audit = run(['audit', '-a', 'a.yaml', '-q', './supplier-check.yaml', '-f', 'json'], {
      cwd: dir,
    });
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({
      passed: true,
      questionnaires: [{ id: 'supplier-check', version: '0.1.0' }],
    });
  });

  it('examples/supplier-check.yaml validates', () => {
    expect(
      run(['questionnaires', 'validate', join(root, 'examples', 'supplier-check.yaml')]).code,
    ).toBe(0);
  });

  it('questionnaires list and show', () => {
    const list = run(['questionnaires', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        id: 'transparantie-apk',
        version: '1.0.0',
        sections: 5,
        statements: 18,
      }),
      expect.objectContaining({
        id: 'trustability',
        version: '1.0.0',
        sections: 5,
        statements: 18,
      }),
    ]);
    const table = run(['questionnaires', 'list']);
    expect(table.stdout).toMatch(
      /^ID {17}VERSION {2}LANGUAGES {2}SECTIONS {2}STATEMENTS {2}TITLE\n/,
    );
    const show = run(['questionnaires', 'show', 'trustability', '--format', 'json']);
    const q = JSON.parse(show.stdout) as { sections: { statements: { text: string }[] }[] };
    expect(q.sections).toHaveLength(5);
    expect(q.sections.flatMap((s) => s.statements)).toHaveLength(18);
    expect(q.sections[0]!.statements[0]!.text).toBe(
      'You remind customers when their warranty or guarantee period is about to expire.',
    );
    const nl = run(['questionnaires', 'show', 'trustability@1.0.0', '--lang', 'nl']);
    expect(nl.stdout).toMatch(/^# Betrouwbaarheidstest \(trustability@1\.0\.0\)/);
  });
});
