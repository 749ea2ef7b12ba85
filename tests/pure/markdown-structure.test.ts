// User text cannot change a Markdown report's structure: a report whose subject, notes, evidence
// and remedies are hostile text parses (with marked, GFM) into the same headings, lists, tables
// and emphasis as the same report with plain text; no raw HTML gets through, and the only links
// are http(s). Also: the result passes markdownlint, and escaping stays linear.
import fc from 'fast-check';
import { lexer, type Token, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { escapeMarkdown, escapeMarkdownShort } from '../../src/core/render/markdown-escape.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';

interface UserText {
  subject: string;
  assessor: string;
  note: string;
  evidence: string;
  remedy: string;
  text: string;
}

function report(t: UserText): Report {
  const statement = (id: string, satisfied: boolean, i: number) => ({
    id,
    text: `${t.text} ${i}`,
    answer: satisfied ? ('yes' as const) : ('no' as const),
    satisfied,
    note: satisfied ? null : t.note,
    evidence: satisfied ? null : t.evidence,
    until: null,
    remedy: satisfied ? null : t.remedy,
  });
  return {
    format: 'trustcheck-report/1',
    tool: { name: 'trustcheck', version: '0.0.0' },
    subject: t.subject,
    assessor: t.assessor,
    date: '2026-11-23',
    language: 'en',
    passed: false,
    totals: {
      questionnaires: 1,
      questionnairesPassed: 0,
      sections: 2,
      sectionsPassed: 1,
      statements: 4,
      statementsSatisfied: 2,
    },
    questionnaires: [
      {
        id: 'trustability',
        version: '1.0.0',
        digest: '',
        title: 'Trustability test',
        passed: false,
        sections: [
          {
            id: 'economic-interests',
            title: 'Do you protect your customers?',
            passed: false,
            satisfied: 1,
            total: 3,
            statements: [
              statement('warranty-expiry', true, 1),
              statement('renewal-warning', false, 2),
              statement('overbuying-advice', false, 3),
            ],
          },
          {
            id: 'customer-reviews',
            title: 'Do you show reviews?',
            passed: true,
            satisfied: 1,
            total: 1,
            statements: [statement('reviews-on-site', true, 4)],
          },
        ],
      },
    ],
    comparison: null,
  };
}

const plain: UserText = {
  subject: 'Acme',
  assessor: 'Jan',
  note: 'note',
  evidence: 'evidence',
  remedy: 'remedy',
  text: 'text',
};

type Shape = (string | Shape)[];

/** The structure of parsed Markdown: blocks and their nesting, and inline markup; no text. */
function shape(tokens: readonly Token[], links: string[], html: string[]): Shape {
  const out: Shape = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push(`h${(token as Tokens.Heading).depth}`, shape(token.tokens ?? [], links, html));
        break;
      case 'list': {
        const list = token as Tokens.List;
        out.push(
          list.ordered ? 'ol' : 'ul',
          list.items.map((item) => shape(item.tokens, links, html)),
        );
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        out.push(
          `table ${table.header.length}x${table.rows.length}`,
          [...table.header, ...table.rows.flat()].map((cell) => shape(cell.tokens, links, html)),
        );
        break;
      }
      case 'link':
        // a link's text is user text: its shape is not compared, its target is checked
        links.push((token as Tokens.Link).href);
        shape(token.tokens ?? [], links, html);
        break;
      case 'html':
        html.push(token.raw);
        out.push('html');
        break;
      case 'text':
      case 'escape':
      case 'space':
        if ('tokens' in token && token.tokens !== undefined) {
          const inner = shape(token.tokens, links, html);
          if (inner.length > 0) out.push(...inner);
        }
        break;
      default:
        out.push(token.type);
        if ('tokens' in token && token.tokens !== undefined)
          out.push(shape(token.tokens, links, html));
    }
  }
  return out;
}

function parse(markdown: string): { shape: Shape; links: string[]; html: string[] } {
  const links: string[] = [];
  const html: string[] = [];
  return { shape: shape(lexer(markdown, { gfm: true }), links, html), links, html };
}

const hostilePart = fc.constantFrom(
  '-',
  '- ',
  '---',
  '===',
  '***',
  '___',
  '+ ',
  '* ',
  '1. ',
  '1) ',
  '#',
  '# ',
  '###### h',
  '> ',
  '>',
  '```',
  '~~~',
  '    code',
  '\t',
  '\t-\t',
  '\n',
  '\r\n',
  '\n\n',
  '\n---\n',
  '\n===\n',
  '|',
  '| a | b |\n|---|---|\n',
  'a | b\n--- | ---',
  '<div>',
  '<script>alert(1)</script>',
  '<!-- c -->',
  '<https://evil.example>',
  '<javascript:alert(1)>',
  '[x](javascript:alert(1))',
  '[x]: https://evil.example',
  '![i](https://evil.example/i.png)',
  'javascript:alert(1)',
  'http://example.com/a_b*c*',
  'https://example.com/(x)',
  'https://example.com/a|b',
  'HTTPS://EXAMPLE.COM.',
  'ftp://example.com',
  'www.example.com',
  'a@example.com',
  '&amp;',
  '&lt;b&gt;',
  '&#60;',
  '\\',
  '`',
  '``x``',
  '*em*',
  '_em_',
  '**strong**',
  '~~del~~',
  '[^1]',
  '\u0000',
  '\u001b[2J',
  '\u202e',
  '  ',
  ' ',
  'word',
  'x'.repeat(120),
);

const userText = fc
  .array(fc.oneof({ weight: 4, arbitrary: hostilePart }, { weight: 1, arbitrary: fc.string() }), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

describe('Markdown structure under hostile text', () => {
  const expected = parse(renderMarkdown(report(plain)));

  it('the plain report has the structure it should', () => {
    expect(expected.html).toEqual([]);
    expect(expected.links).toEqual([]);
    // title; verdict; subject and date; the rule; what to do; every question; what is not
    // true; the exemptions (none); the appendix; the closing line
    expect(expected.shape.filter((s) => typeof s === 'string')).toEqual([
      'h1',
      'paragraph',
      'ul',
      'paragraph',
      'h2',
      'ul',
      'h2',
      'table 4x2',
      'h2',
      'h3',
      'ul',
      'h2',
      'paragraph',
      'h2',
      'h3',
      'table 5x4',
      'paragraph',
    ]);
  });

  it('is the same whatever the user wrote (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          subject: userText,
          assessor: userText,
          note: userText,
          evidence: userText,
          remedy: userText,
          text: userText,
        }),
        (t) => {
          const markdown = renderMarkdown(report(t));
          const parsed = parse(markdown);
          expect(parsed.shape).toEqual(expected.shape);
          expect(parsed.html).toEqual([]);
          for (const href of parsed.links) expect(href).toMatch(/^https?:\/\//i);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('escapeMarkdown', () => {
  it('makes http(s) URLs explicit links, and nothing else a link', () => {
    expect(escapeMarkdown('see https://example.com/a_b. Or www.example.com')).toBe(
      'see [https\\://example.com/a\\_b](https://example.com/a_b). Or www\\.example.com',
    );
    expect(escapeMarkdown('javascript:alert(1) ftp://x a@b.nl')).toBe(
      'javascript:alert\\(1\\) ftp\\://x a\\@b.nl',
    );
  });

  it('turns tabs and line breaks into single spaces, and drops controls', () => {
    expect(escapeMarkdown('a\t---\n- b\r\n\u001b[2Jc')).toBe('a \\--- \\- b \\[2Jc');
  });

  it('escapes what could start a block at the start of any word', () => {
    expect(escapeMarkdown('- = 1. 12) # > < | ``` ~~~ +')).toBe(
      '\\- \\= 1\\. 12\\) \\# &gt; &lt; \\| \\`\\`\\` \\~\\~\\~ \\+',
    );
    expect(escapeMarkdown('well-known 2026-11-23 3.5')).toBe('well-known 2026-11-23 3.5');
  });

  it('drops bidi overrides and isolates, keeps right-to-left text', () => {
    expect(escapeMarkdown('abc\u202edef\u2066g\u2069 שלום')).toBe('abcdefg שלום');
  });

  it('writes a literal entity as text', () => {
    expect(escapeMarkdown('&lt;b&gt; & <b>')).toBe('&amp;lt;b&amp;gt; &amp; &lt;b&gt;');
  });

  it('shortens without cutting an escape in half, in linear time', () => {
    expect(escapeMarkdownShort('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(escapeMarkdownShort('*'.repeat(100), 10)).toBe(`${'\\*'.repeat(4)}…`);
    expect(escapeMarkdownShort('short', 10)).toBe('short');
    const subject = 'x#'.repeat(100_000);
    const start = performance.now();
    expect(escapeMarkdownShort(subject, 60).length).toBeLessThanOrEqual(60);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('markdownlint', () => {
  const config = { default: true, MD013: false };
  const problems = (markdown: string) =>
    lint({ strings: { report: markdown }, config }).report!.map(
      (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}`,
    );

  it.each([
    [
      'a very long word',
      { ...plain, note: 'x'.repeat(500), remedy: `https://e.com/${'y'.repeat(300)}` },
    ],
    ['an empty subject', { ...plain, subject: '', assessor: ' ' }],
    ['tabs and lines', { ...plain, note: 'a\t---\n-\tb\n\n===', evidence: '\t\t# x\n> y' }],
    ['bare URLs', { ...plain, note: 'see http://e.com and www.e.com or a@b.com' }],
  ])('passes with %s', (_, text) => {
    expect(problems(renderMarkdown(report(text)))).toEqual([]);
  });

  it('renders a 200 KB subject quickly', () => {
    const subject = 'Acme '.repeat(40_000);
    const start = performance.now();
    const markdown = renderMarkdown(report({ ...plain, subject }));
    expect(performance.now() - start).toBeLessThan(5000);
    expect(markdown.split('\n')[0]!.length).toBeLessThanOrEqual(80);
  });
});
