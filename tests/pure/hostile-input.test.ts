// Input written to hurt: deep nesting, thousands of unknown keys, huge keys, escape sequences,
// ids named like Object's own members. Each is refused with a clear, located, short message, in
// time that grows linearly with the input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runAudit } from '../../src/app/run-audit.js';
import { resolveAnswers } from '../../src/core/answers.js';
import { capIssues, formatIssue, nearest, type LocatedIssue } from '../../src/core/issues.js';
import type { AnswerFile, Questionnaire } from '../../src/core/model.js';
import { score } from '../../src/core/scoring.js';
import { nestingExceeded, parseDocument } from '../../src/io/document.js';
import { validateText } from '../../src/app/load.js';

const allYes = readFileSync(join('tests', 'fixtures', 'answers', 'valid', 'all-yes.yaml'), 'utf8');
const options = { language: 'en', today: '2026-11-23' };

function auditIssues(text: string, file = 'a.yaml'): LocatedIssue[] {
  const loaded = validateText<AnswerFile>(text, file, 'answers');
  if (!loaded.ok) return loaded.issues;
  const audit = runAudit({ file, answers: loaded.value, ...options });
  return audit.ok ? [] : audit.issues;
}

function seconds(f: () => void): number {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
}

const withExtraKeys = (keys: string) =>
  allYes.replace('        warranty-expiry: yes\n', `        warranty-expiry: yes\n${keys}`);

describe('nesting', () => {
  const deepMessage = 'the data is nested more than 100 levels deep';

  it('refuses 3,000 levels of block indentation, at the 101st level', () => {
    const text = `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
    const result = parseDocument(text, 'a.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ file: 'a.yaml', line: 102, col: 102, message: deepMessage }]);
  });

  it('refuses "- " 100,000 times', () => {
    const result = parseDocument(`${'- '.repeat(100_000)}x\n`, 'a.yaml');
    expect(result.ok ? [] : result.issues).toEqual([
      { file: 'a.yaml', line: 1, col: 203, message: deepMessage },
    ]);
  });

  it('refuses flow maps opened after a second key on a line', () => {
    const text = `a: ${'"x": {'.repeat(3000)}`;
    const result = parseDocument(text, 'a.yaml');
    expect(result.ok ? [] : result.issues).toEqual([
      { file: 'a.yaml', line: 1, col: 609, message: deepMessage },
    ]);
  });

  it('refuses deep lists written one per line', () => {
    const text = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- `).join('\n');
    expect(nestingExceeded(`${text}x\n`, 100)).toBeDefined();
  });

  it('refuses deep flow brackets, also across lines and inside a block map', () => {
    expect(nestingExceeded(`a: ${'[\n'.repeat(150)}`, 100)).toBe(3 + 2 * 100);
    expect(nestingExceeded(`{"a": ${'['.repeat(99)}${']'.repeat(99)}}`, 100)).toBeUndefined();
  });

  it('accepts 100 levels, and counts the same as the parsed tree', () => {
    const levels = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
    // 101 maps: the deepest value is 101 levels below the top
    expect(parseDocument(levels(100), 'a.yaml').ok).toBe(true);
    expect(parseDocument(levels(101), 'a.yaml').ok).toBe(false);
  });

  it('accepts brackets inside block scalars, quotes, comments and plain text', () => {
    const many = '['.repeat(101);
    const text = [
      'note: |',
      `  ${many}`,
      `  more ${many}`,
      '',
      `  ${'{'.repeat(200)}`,
      'folded: >-',
      `    ${many}`,
      `quoted: "${many}`,
      `  ${many}"`,
      `single: '${many}''${many}'`,
      `plain: a${many}`,
      `# ${many}`,
      `list:`,
      `  - |`,
      `    ${many}`,
      `  - x # ${many}`,
    ].join('\n');
    expect(nestingExceeded(text, 100)).toBeUndefined();
    const parsed = parseDocument(text, 'a.yaml');
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('accepts an answer note holding 101 "[" in a block scalar', () => {
    const text = allYes.replace(
      '        warranty-expiry: yes\n',
      `        warranty-expiry:\n          answer: no\n          note: |\n            ${'['.repeat(101)}\n`,
    );
    expect(auditIssues(text)).toEqual([]);
  });

  it('never counts more levels than the data has (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('[', '{', '[[[', '- [', 'a: {', '"[', "'{", '# [', '|', '>', ': [', '\n['),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }),
      ),
    }));
    const depth = (v: unknown): number =>
      v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
    fc.assert(
      fc.property(value, fc.boolean(), fc.boolean(), (v, flow, json) => {
        const source = json
          ? JSON.stringify(v, null, flow ? 0 : 2)
          : stringify(v, { collectionStyle: flow ? 'flow' : 'any' });
        // the levels below the top: a scalar at the top is 0, a list of scalars 0 too
        expect(nestingExceeded(source, Math.max(0, depth(v) - 1))).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('is linear: a megabyte of nesting is refused quickly', () => {
    const text = `${'- '.repeat(500_000)}x\n`;
    expect(seconds(() => parseDocument(text, 'a.yaml'))).toBeLessThan(5);
  });
});

describe('many unknown keys', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `        unknown-key-${i}: yes\n`).join('');

  it('reports each, with did-you-mean for the first ones only, in time', () => {
    let issues: LocatedIssue[] = [];
    const time = seconds(() => {
      issues = auditIssues(withExtraKeys(keys));
    });
    expect(time).toBeLessThan(5);
    expect(issues).toHaveLength(20_000);
    expect(issues[0]).toEqual({
      file: 'a.yaml',
      line: 12,
      col: 9,
      message:
        'unknown statement "unknown-key-0" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral',
    });
    expect(issues.at(-1)).toMatchObject({ line: 20_011, col: 9 });
  });

  it('prints at most 20, then how many more', () => {
    const issues = auditIssues(withExtraKeys(keys));
    const lines = capIssues(issues);
    expect(lines).toHaveLength(21);
    expect(lines[19]).toMatch(/^a\.yaml:31:9: unknown statement "unknown-key-19"/);
    expect(lines[20]).toBe('and 19,980 more');
    expect(capIssues(issues.slice(0, 20))).toHaveLength(20);
  });

  it('still names the typo it guesses', () => {
    const issues = auditIssues(allYes.replace('renewal-warning: yes', 'renewal-warnin: yes'));
    expect(issues.map((i) => i.message)).toEqual([
      'unknown statement "renewal-warnin" in section "economic-interests"; did you mean "renewal-warning"?',
    ]);
  });
});

describe('huge and hostile keys', () => {
  it('shortens a 1 MB unknown key in the message', () => {
    const key = `overbuying-adv${'x'.repeat(1_048_576 - 14)}`;
    // a JSON file: YAML limits implicit keys to 1024 characters
    const json = JSON.stringify({
      format: 'trustcheck-answers/1',
      subject: 'Acme',
      questionnaires: {
        trustability: { version: '1.0.0', answers: { 'economic-interests': { [key]: 'yes' } } },
      },
    });
    const loaded = validateText<AnswerFile>(json, 'a.json', 'answers');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const audit = runAudit({
      file: 'a.json',
      answers: loaded.value,
      ...options,
      allowIncomplete: true,
    });
    expect(audit.ok).toBe(false);
    if (audit.ok) return;
    const message = audit.issues[0]!.message;
    expect(message).toContain(`"${key.slice(0, 80)}…(1,048,576 characters)"`);
    expect(message.length).toBeLessThan(400);
  });

  it('prints an escape-laden key without a raw ESC, CSI or bidi override', () => {
    const issues = auditIssues(
      withExtraKeys('        "x\\e]0;PWNED\\a\\e[2J\\u009b1m\\u202ey": yes\n'),
    );
    expect(issues).toHaveLength(1);
    const line = formatIssue(issues[0]!);
    expect(line).toBe(
      'a.yaml:12:9: unknown statement "x\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J\\u{9b}1m\\u{202e}y" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral',
    );
  });

  it('makes a file name with controls safe too', () => {
    expect(formatIssue({ file: 'a\u001b[2J\n.yaml', line: 1, col: 2, message: 'm' })).toBe(
      'a\\u{1b}[2J\\n.yaml:1:2: m',
    );
  });

  it('treats "constructor" and "prototype" as the unknown ids they are', () => {
    const issues = auditIssues(
      withExtraKeys('        constructor: yes\n').replace(
        '      customer-reviews:',
        '      prototype:\n        x: yes\n      customer-reviews:',
      ),
    );
    expect(issues.map((i) => `${i.line}:${i.col}: ${i.message}`)).toEqual([
      '12:9: unknown statement "constructor" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral',
      '18:7: unknown section "prototype" in questionnaire "trustability"; expected one of: economic-interests, customer-reviews, aligned-incentives, product-competence, service-competence',
    ]);
  });

  it('still refuses __proto__ as a key', () => {
    expect(auditIssues(withExtraKeys('        __proto__: yes\n')).map((i) => i.message)).toEqual([
      'the key "__proto__" is not allowed; rename it',
    ]);
  });

  it('skips a guess too far away without measuring it', () => {
    expect(nearest('x'.repeat(1_000_000), ['renewal-warning'])).toBeUndefined();
    expect(nearest('renewal-warnign', ['x'.repeat(100), 'renewal-warning'])).toBe(
      'renewal-warning',
    );
  });
});

describe('a 40,000-statement questionnaire', () => {
  const statements = Array.from({ length: 40_000 }, (_, i) => ({ id: `s${i}`, text: `S${i}` }));
  const q: Questionnaire = {
    format: 'trustcheck-questionnaire/1',
    id: 'big',
    version: '1.0.0',
    languages: ['en'],
    rule: 'all-must-be-true',
    title: 'Big',
    sections: [{ id: 'all', title: 'All', statements }],
  };

  it('is resolved and scored in time', () => {
    const given = Object.fromEntries(statements.map((s) => [s.id, 'yes' as const]));
    const time = seconds(() => {
      const resolved = resolveAnswers({ version: '1.0.0', answers: { all: given } }, q, [], {
        allowIncomplete: false,
      });
      expect(resolved.issues).toEqual([]);
      const result = score(q, resolved.answers, { date: '2026-11-23' });
      expect(result.passed).toBe(true);
      expect(result.satisfied).toBe(40_000);
    });
    expect(time).toBeLessThan(5);
  });

  it('names the first unanswered statements, and counts the rest', () => {
    const resolved = resolveAnswers({ version: '1.0.0', answers: { all: {} } }, q, [], {
      allowIncomplete: false,
    });
    expect(resolved.issues).toHaveLength(1);
    expect(resolved.issues[0]!.message).toBe(
      `40000 statements are not answered in section "all" of "big": ${statements
        .slice(0, 20)
        .map((s) => s.id)
        .join(', ')} and 39,980 more; answer yes or no, or run with --allow-incomplete`,
    );
  });
});
