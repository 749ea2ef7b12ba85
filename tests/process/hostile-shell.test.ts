// Hostile text and hostile questionnaires at the command line: a custom questionnaire cannot
// pass as a built-in, an empty subject is refused, odd paths make valid templates, and nothing
// from an input reaches the terminal as an escape sequence.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { read, root, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const builtin = join(root, 'questionnaires', 'trustability', '1.0.0.yaml');

describe('built-in ids are reserved for the shipped bytes', () => {
  it('a one-statement "trustability 1.0.0" is refused by validate and by audit, also with --strict', () => {
    write(
      join(dir, 'fake.yaml'),
      `${read(builtin).split('sections:')[0]!}sections:\n  - id: easy\n    title: Easy?\n    statements:\n      - id: easy\n        text: You exist.\n`,
    );
    const validated = run(['questionnaires', 'validate', 'fake.yaml'], { cwd: dir });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toMatch(
      /fake\.yaml:\d+:\d+: "trustability" is the id of a built-in questionnaire/,
    );
    write(
      join(dir, 'a.yaml'),
      'format: trustcheck-answers/1\nsubject: Acme\nquestionnaires:\n  trustability:\n    version: 1.0.0\n    answers:\n      easy:\n        easy: yes\n',
    );
    const audited = run(['audit', '-a', 'a.yaml', '-q', 'fake.yaml', '--strict'], { cwd: dir });
    expect(audited.code).toBe(2);
    expect(audited.stdout).toBe('');
  });

  it('a byte-for-byte copy of a shipped version is accepted', () => {
    copyFileSync(builtin, join(dir, 'copy.yaml'));
    expect(run(['questionnaires', 'validate', 'copy.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('the subject', () => {
  it.each([['audit'], ['init']])('%s --subject "" is refused', (command) => {
    const result = run(
      [command, '--subject', '', ...(command === 'audit' ? ['-a', 'x.yaml'] : ['x.yaml'])],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--subject is empty');
  });
});

describe('init with an odd questionnaire path', () => {
  it('a path with a line break and a quote still makes a valid template with a working hint', () => {
    const odd = "odd\nname 'x'.yaml";
    copyFileSync(join(root, 'examples', 'know-like-trust.yaml'), join(dir, odd));
    const result = run(['init', 'a.yaml', '-q', odd, '--subject', 'Acme'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = read(join(dir, 'a.yaml'));
    expect(() => parse(text) as unknown).not.toThrow();
    // bash's $'…' keeps the line break, so the printed command names the real file
    expect(text).toContain("-q $'odd\\nname \\'x\\'.yaml'");
  });
});

describe('nothing from an input reaches the terminal raw', () => {
  it('a subject with OSC, CSI and a bidi override shows them as text on stderr, colours or not', () => {
    const evil = 'Acme\u001b]0;PWNED-TITLE\u0007\u001b[2J\u202eevil';
    copyFileSync(join(root, 'examples', 'acme-answers.yaml'), join(dir, 'a.yaml'));
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const result = run(
        ['audit', '-a', 'a.yaml', '--subject', evil, '--fail-on', 'never', '-o', 'r.md'],
        {
          cwd: dir,
          env: { ...env, NO_COLOR: '' },
        },
      );
      expect(result.code, result.stderr).toBe(0);
      // eslint-disable-next-line no-control-regex
      const withoutColours = result.stderr.replace(/\u001b\[[0-9;]*m/g, '');
      // eslint-disable-next-line no-control-regex
      expect(withoutColours).not.toMatch(/[\u001b\u009b\u202e\u0007]/);
      expect(withoutColours).toContain('\\u{1b}]0;PWNED-TITLE');
    }
  });
});
