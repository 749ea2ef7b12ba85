// The fast path for simple answer files (src/io/simple-yaml.ts) against the full YAML parser: on
// generated answer files full of YAML's traps, every report and every message (text and
// position) is the same with the fast path as without it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIssues, type Loaded } from '../../src/app/load.js';
import { runAudit } from '../../src/app/run-audit.js';
import type { AnswerFile } from '../../src/core/model.js';
import { locate, parseDocument } from '../../src/io/document.js';
import { schemaIssues } from '../../src/io/schema-issues.js';
import { parseSimpleYaml } from '../../src/io/simple-yaml.js';
import { parse } from 'yaml';
import * as validators from '../../src/generated/validators.cjs';

const root = join(import.meta.dirname, '..', '..');
const validDir = join(root, 'tests', 'fixtures', 'answers', 'valid');
const seeds = readdirSync(validDir).map((f) => readFileSync(join(validDir, f), 'utf8'));
const FILE = 'answers.yaml';

/**
 * Everything the scripted path makes of a text: the parse, the schema check with positions,
 * then the audit's report or its located problems and warnings.
 */
function outcome(text: string, fast: boolean): unknown {
  const result = parseDocument(text, FILE, { fast });
  if (!result.ok) return { parse: result.issues };
  const { parsed } = result;
  const issues = schemaIssues(validators.answers, parsed.value);
  if (issues.length > 0) return { schema: sortIssues(issues.map((i) => locate(parsed, i))) };
  const answers: Loaded<AnswerFile> = {
    value: parsed.value as AnswerFile,
    parsed,
    text,
    digest: 'sha256:0',
  };
  const audit = runAudit({
    file: FILE,
    answers,
    language: 'en',
    today: '2026-11-23',
    allowIncomplete: true,
  });
  return audit.ok
    ? { report: audit.value, warnings: audit.warnings }
    : { audit: audit.issues, warnings: audit.warnings };
}

let accepted = 0;
function sameWithAndWithoutFastPath(text: string): void {
  const value = parseSimpleYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const full = parseDocument(text, FILE, { fast: false });
  if (value !== undefined) {
    accepted++;
    // whatever the fast path accepts, the full parser accepts with the same data
    expect(full.ok).toBe(true);
    if (full.ok) expect(value).toStrictEqual(full.parsed.value);
  }
  expect(outcome(text, true)).toStrictEqual(outcome(text, false));
}

// ---------------------------------------------------------------------------------------------
// generated answer files: the shape of a real one, with YAML's traps in keys, values and layout

const TRAP_VALUES = [
  'yes',
  'no',
  'na',
  'Yes',
  'NO',
  'y',
  'n',
  'on',
  'off',
  'true',
  'false',
  'True',
  'FALSE',
  '~',
  'null',
  'Null',
  'NULL',
  '',
  '1_000',
  '1000',
  '0o17',
  '017',
  '0x1F',
  '1e3',
  '+1',
  '-1',
  '.inf',
  '-.inf',
  '.NaN',
  '1.5',
  '1.1.0',
  '1.0.0',
  '2026-11-23',
  '2026-11-23T10:00:00Z',
  '2026-1-2',
  '"2026-11-23"',
  '"quoted # not a comment"',
  '"Acme B.V."',
  '"Café, naïve: ✓"',
  '"with \\" escape"',
  '"tab\\there"',
  "'single'",
  "'it''s'",
  '""',
  "''",
  '"unterminated',
  'Acme B.V.',
  'trustcheck-answers/1',
  'trustcheck-report/1',
  'en',
  'nl',
  'de',
  'yes # a comment',
  'no   # spaced comment',
  'yes#not-a-comment',
  'a: b',
  'key:value',
  '- item',
  '[yes, no]',
  '{answer: yes}',
  '&anchor yes',
  '*anchor',
  '!!str yes',
  '!!bool yes',
  '!custom yes',
  '|',
  '>',
  '? complex',
  '@reserved',
  '`reserved',
  '%directive',
  'text with  two spaces',
  'trailing spaces   ',
  'Gym memberships renew every year without a reminder.',
  'Terms and conditions 2026, article 7',
  '(parenthesised)',
  'a/b+c@d',
  'x\ty',
];

const TRAP_KEYS = [
  'format',
  'subject',
  'assessor',
  'date',
  'language',
  'questionnaires',
  'trustability',
  'transparantie-apk',
  'version',
  'answers',
  'answer',
  'note',
  'evidence',
  'economic-interests',
  'warranty-expiry',
  'renewal-warning',
  '1-first',
  '_private',
  'UPPER',
  'true',
  'null',
  'yes',
  'no',
  '1',
  '0o17',
  '1e3',
  '__proto__',
  'constructor',
  'prototype',
  '"quoted"',
  "'single'",
  '? key',
  'a b',
  'x.y',
  '-dash',
];

type Tree = { key: string; value: string | Tree }[];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.array(
    fc.record({
      // a few keys often, so that duplicates happen
      key: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...TRAP_KEYS.slice(0, 16)) },
        { weight: 1, arbitrary: fc.constantFrom(...TRAP_KEYS) },
      ),
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('yes', 'no', 'na', '"Acme B.V."', '1.1.0') },
        { weight: 2, arbitrary: fc.constantFrom(...TRAP_VALUES) },
        { weight: 2, depthSize: 'small', arbitrary: tie('node') },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
})).node;

interface Layout {
  indent: number;
  comments: boolean[];
  blank: boolean[];
  /** a line whose indentation is off by one */
  crooked: number;
  bom: boolean;
  crlf: boolean;
  marker: '' | '---\n' | '--- \n' | '%YAML 1.2\n---\n';
  secondDocument: boolean;
  header: boolean;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(2, 2, 2, 4, 1, 3),
  comments: fc.array(fc.boolean(), { maxLength: 40 }),
  blank: fc.array(fc.boolean(), { maxLength: 40 }),
  crooked: fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, fc.nat({ max: 40 })),
  bom: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
  crlf: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, fc.constant(true)),
  marker: fc.oneof(
    { weight: 9, arbitrary: fc.constant('' as const) },
    fc.constantFrom('---\n' as const, '--- \n' as const, '%YAML 1.2\n---\n' as const),
  ),
  secondDocument: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, fc.constant(true)),
  header: fc.boolean(),
});

function render(node: Tree, how: Layout): string {
  const lines: string[] = [];
  const walk = (items: Tree, depth: number) => {
    for (const item of items) {
      const n = lines.length;
      const pad = ' '.repeat(depth * how.indent + (n === how.crooked ? 1 : 0));
      if (how.comments[n % 40] === true)
        lines.push(`${pad}# comment ${n}: with "quotes" & [brackets]`);
      if (how.blank[n % 40] === true) lines.push('');
      if (typeof item.value === 'string') {
        lines.push(`${pad}${item.key}:${item.value === '' ? '' : ` ${item.value}`}`);
      } else {
        lines.push(`${pad}${item.key}:${how.comments[(n + 7) % 40] === true ? ' # a map' : ''}`);
        walk(item.value, depth + 1);
      }
    }
  };
  walk(node, 0);
  let text =
    (how.header ? '# yaml-language-server: $schema=./answers.schema.json\n' : '') +
    how.marker +
    lines.join('\n') +
    '\n' +
    (how.secondDocument ? '---\nsubject: again\n' : '');
  if (how.crlf) text = text.replace(/\n/g, '\r\n');
  return how.bom ? `\ufeff${text}` : text;
}

/** A generated tree made to look like an answer file, with a real header. */
const answerFile = fc.tuple(tree, layout, fc.boolean()).map(([node, how, real]) => {
  const body: Tree = real
    ? [
        { key: 'format', value: 'trustcheck-answers/1' },
        { key: 'subject', value: '"Client"' },
        {
          key: 'questionnaires',
          value: [
            {
              key: 'trustability',
              value: [
                { key: 'version', value: '1.1.0' },
                { key: 'answers', value: [{ key: 'economic-interests', value: node }] },
              ],
            },
          ],
        },
      ]
    : node;
  return render(body, how);
});

/** A real answer file with a few edits: a trap inserted, a line dropped, indentation changed. */
const editedSeed = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.record({
        line: fc.nat(),
        edit: fc.oneof(
          fc.record({
            kind: fc.constant('value' as const),
            value: fc.constantFrom(...TRAP_VALUES),
          }),
          fc.record({ kind: fc.constant('key' as const), key: fc.constantFrom(...TRAP_KEYS) }),
          fc.record({ kind: fc.constant('indent' as const), by: fc.integer({ min: -3, max: 3 }) }),
          fc.record({ kind: fc.constant('drop' as const) }),
          fc.record({ kind: fc.constant('duplicate' as const) }),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([seed, edits]) => {
    const lines = seed.split('\n');
    for (const { line, edit } of edits) {
      const at = line % lines.length;
      const text = lines[at]!;
      const m = /^( *)([^:]*):(.*)$/.exec(text);
      if (edit.kind === 'drop') lines.splice(at, 1);
      else if (edit.kind === 'duplicate') lines.splice(at, 0, text);
      else if (edit.kind === 'indent')
        lines[at] = edit.by < 0 ? text.slice(-edit.by) : ' '.repeat(edit.by) + text;
      else if (m !== null && edit.kind === 'value')
        lines[at] = `${m[1]}${m[2]}:${edit.value === '' ? '' : ` ${edit.value}`}`;
      else if (m !== null && edit.kind === 'key') lines[at] = `${m[1]}${edit.key}:${m[3]}`;
    }
    return lines.join('\n');
  });

describe('the fast path for simple answer files', () => {
  it('takes the common answer file (or it would be no faster)', () => {
    for (const seed of seeds) expect(parseSimpleYaml(seed)).toBeDefined();
  });

  it.each([
    ['a: 1_000\n'],
    ['a: 0o17\n'],
    ['a: .inf\n'],
    ['a: 2026-11-23\n'],
    ['a: yes\nb: no\n'],
    ['a: &x yes\nb: *x\n'],
    ['a: !!str yes\n'],
    ['a: yes\na: no\n'],
    ['a:\n  b: yes\n  b: no\n'],
    ['a: yes\n  b: no\n'],
    ['a:\n b: 1.1.0\n  c: x\n'],
    ['a: multi\n  line\n'],
    ['__proto__: yes\n'],
    ['true: yes\n'],
    ['a: "x" y\n'],
    ['a: b # c\nd:\n'],
    ['  a: indented\n'],
  ])('agrees with the full parser on %j', (text) => sameWithAndWithoutFastPath(text));

  it('gives the same reports and messages as the full parser on 1,200 generated answer files', () => {
    accepted = 0;
    fc.assert(fc.property(answerFile, sameWithAndWithoutFastPath), { numRuns: 1200 });
    // the property is not vacuous: the fast path took a good share of them (about 1 in 6)
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);

  it('gives the same reports and messages on 1,000 edited real answer files', () => {
    accepted = 0;
    fc.assert(fc.property(editedSeed, sameWithAndWithoutFastPath), { numRuns: 1000 });
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// generated questionnaire-shaped files: block sequences of maps and of scalars, flow lists

type Node = string | { map: { key: string; value: Node }[] } | { seq: Node[] } | { flow: string[] };

const FLOW_ITEMS = ['en', 'nl', 'de', 'yes', 'null', 'true', 'x-y', '1', 'a b', '"q"', '', 'Nl'];
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'one',
        'Statement 1.',
        'One?',
        'Is it?',
        'yes',
        'no',
        'true',
        'null',
        '1.1.0',
        '2026-11-23',
        '"Acme B.V."',
        "'single'",
        'a ?b',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...TRAP_VALUES, '?', '? x', '- x') },
    fc.record({
      map: fc.array(
        fc.record({
          key: fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constantFrom(
                'id',
                'title',
                'text',
                'sections',
                'statements',
                'languages',
              ),
            },
            { weight: 1, arbitrary: fc.constantFrom(...TRAP_KEYS) },
          ),
          value: tie('node'),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ flow: fc.array(fc.constantFrom(...FLOW_ITEMS), { maxLength: 4 }) }),
  ),
})).node;

/** YAML text for a top-level map: sequences indented under their key (`indent`) or not. */
function renderNode(
  top: { key: string; value: Node }[],
  indent: number,
  dashIndent: number,
): string {
  const lines: string[] = [];
  const value = (v: Node, col: number, prefix: string): void => {
    // `prefix` is `key:` or `-` already placed at `col`
    if (typeof v === 'string') {
      lines.push(`${' '.repeat(col)}${prefix}${v === '' ? '' : ` ${v}`}`);
    } else if ('flow' in v) {
      lines.push(`${' '.repeat(col)}${prefix} [${v.flow.join(', ')}]`);
    } else if ('map' in v) {
      if (prefix === '-') {
        // the first key on the dash's line, the others under it
        v.map.forEach((e, i) => {
          const at = col + 2;
          if (i === 0) {
            const before = lines.length;
            value(e.value, at, `${e.key}:`);
            lines[before] = `${' '.repeat(col)}- ${lines[before]!.slice(at)}`;
          } else value(e.value, at, `${e.key}:`);
        });
      } else {
        lines.push(`${' '.repeat(col)}${prefix}`);
        for (const e of v.map) value(e.value, col + indent, `${e.key}:`);
      }
    } else {
      lines.push(`${' '.repeat(col)}${prefix}`);
      for (const item of v.seq) value(item, col + dashIndent, '-');
    }
  };
  for (const e of top) value(e.value, 0, `${e.key}:`);
  return `${lines.join('\n')}\n`;
}

describe('the fast path for questionnaire-shaped files', () => {
  it('reads sequences of maps, sequences of words and flow lists', () => {
    const text = [
      'format: trustcheck-questionnaire/1',
      'languages: [en, nl]',
      'title: Big',
      'sections:',
      '  - id: one',
      '    title: One?',
      '    statements:',
      '      - id: s-1',
      '        text: Statement 1.',
      '      - id: s-2',
      '        text: Statement 2.',
      'tags:',
      '  - a',
      '  - b',
      '',
    ].join('\n');
    expect(parseSimpleYaml(text)).toStrictEqual(parse(text));
  });

  it('whatever it accepts, the full parser gives the same data (property, 3,000 files)', () => {
    let taken = 0;
    let withSequences = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('format', 'id', 'sections', 'languages', 'title'),
            value: node,
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom(2, 4, 1, 3),
        fc.constantFrom(2, 2, 2, 4, 1, 0),
        (top, indent, dashIndent) => {
          const text = renderNode(top, indent, dashIndent);
          const fast = parseSimpleYaml(text);
          const full = parseDocument(text, 'q.yaml', { fast: false });
          if (fast === undefined) return;
          taken++;
          if (/^ *- /m.test(text)) withSequences++;
          expect(full.ok, text).toBe(true);
          if (full.ok) expect(fast, text).toStrictEqual(full.parsed.value);
        },
      ),
      { numRuns: 3000 },
    );
    // the generator makes the fast path's shapes often enough for the test to mean something
    expect(taken).toBeGreaterThan(150);
    expect(withSequences).toBeGreaterThan(30);
  });
});
