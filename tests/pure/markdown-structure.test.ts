// User text cannot change a Markdown report's structure: a report whose subject, notes, evidence
// and remedies are hostile text parses (with marked, GFM) into the same headings, lists, tables
// and emphasis as the same report with plain text; no raw HTML gets through, and the only links
// are http(s). Also: the result passes markdownlint, and escaping stays linear.
import fc from 'fast-check';
import { lexer, marked, type Token, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { escapeMarkdown, escapeMarkdownShort } from '../../src/core/render/markdown-escape.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { CONTROLS } from '../../src/core/text/controls.js';

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
  '&#x3C;',
  '&copy',
  '&',
  ' & ',
  ';',
  '<',
  '<a',
  '< ',
  '<=',
  '@',
  'x@y.z',
  '@jan',
  '!',
  '#',
  ' #',
  '::',
  '::error::x',
  '##[',
  'www.',
  '_',
  'a_b',
  '(',
  ')',
  '+',
  '=',
  '12.',
  '3)',
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
  .array(
    fc.oneof(
      { weight: 4, arbitrary: hostilePart },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
    ),
    { maxLength: 12 },
  )
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

/** The text HTML shows: without its tags, the entities a GFM renderer writes decoded. */
function textOf(html: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#39;': "'",
  };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]!)
    .trim();
}

/** The text a GFM renderer shows for Markdown. */
const shown = (markdown: string) => textOf(marked.parse(markdown, { gfm: true, async: false }));

/** What escapeMarkdown keeps of a text: one line, no controls, single spaces. */
const asOneLine = (text: string) =>
  text
    .replace(/\r\n?|[\n\t\f\v\u2028\u2029]/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();

describe('escaped text renders as the text it is', () => {
  it('in a paragraph, a list, a heading and a table cell (property)', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const e = escapeMarkdown(text);
        const expected = asOneLine(text);
        // at the start of a line, where a block could start
        const alone = parse(e);
        expect(alone.shape.filter((s) => typeof s === 'string')).toEqual(
          expected === '' ? [] : ['paragraph'],
        );
        expect(alone.html).toEqual([]);
        for (const href of alone.links) expect(href).toMatch(/^https?:\/\//i);
        expect(shown(e)).toBe(expected);
        expect(shown(`- Note: ${e}`)).toBe(`Note: ${expected}`.trim());
        expect(shown(`## 1 ${e}`)).toBe(`1 ${expected}`.trim());
        const table = marked.parse(`| a | b |\n| --- | --- |\n| ${e} | x |\n`, { async: false });
        expect(textOf(/<td>(.*?)<\/td>/s.exec(table)![1]!)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows Bakker & Zn as itself in the source and in HTML, and &amp; as &amp;', () => {
    const markdown = renderMarkdown(
      report({ ...plain, subject: 'Bakker & Zn', note: 'AT&T &amp; co' }),
    );
    expect(markdown.split('\n')[0]).toMatch(/^# .*: Bakker & Zn, 2026-11-23$/);
    expect(markdown).toContain('- Subject: Bakker & Zn');
    expect(markdown).toContain('AT&T &amp;amp; co');
    const html = marked.parse(markdown, { async: false });
    expect(html).toContain('Bakker &amp; Zn');
    expect(shown(markdown)).toContain('AT&T &amp; co');
  });
});

describe('escapeMarkdown', () => {
  it('makes http(s) URLs explicit links, and nothing else a link', () => {
    expect(escapeMarkdown('see https://example.com/a_b. Or www.example.com')).toBe(
      'see [https\\://example.com/a_b](https://example.com/a_b). Or www\\.example.com',
    );
    expect(escapeMarkdown('javascript:alert(1) ftp://x a@b.nl @jan')).toBe(
      'javascript:alert(1) ftp\\://x a\\@b.nl \\@jan',
    );
    // a ! or # right before a link would make it an image, or a CI runner's ##[
    expect(escapeMarkdown('look!https://e.com/i.png ##https://e.com')).toBe(
      'look\\![https\\://e.com/i.png](https://e.com/i.png) \\#\\#[https\\://e.com](https://e.com)',
    );
  });

  it('turns tabs and line breaks into single spaces, and drops controls', () => {
    expect(escapeMarkdown('a\t---\n- b\r\n\u001b[2Jc')).toBe('a --- - b \\[2Jc');
  });

  it('escapes what would start a block where the text starts a line', () => {
    expect(escapeMarkdown('- = 1. 12) # > < | ``` ~~~ +')).toBe(
      '\\- = 1. 12) # > < \\| \\`\\`\\` \\~\\~\\~ +',
    );
    for (const [text, escaped] of [
      ['# x', '\\# x'],
      ['###### x', '\\###### x'],
      ['#hashtag', '#hashtag'],
      ['> quote', '\\> quote'],
      ['+ item', '\\+ item'],
      ['* item', '\\* item'],
      ['---', '\\---'],
      ['===', '\\==='],
      ['-', '\\-'],
      ['-5 degrees, +5 degrees, =SUM', '-5 degrees, +5 degrees, =SUM'],
      ['12. x', '12\\. x'],
      ['3) x', '3\\) x'],
      ['2026. A year', '2026\\. A year'],
      ['::error::x', '\\::error::x'],
      // a closing sequence would be dropped from a heading
      ['Is it true? #', 'Is it true? \\#'],
      ['well-known 2026-11-23 3.5', 'well-known 2026-11-23 3.5'],
    ]) {
      expect(escapeMarkdown(text!)).toBe(escaped);
    }
  });

  it('leaves what Markdown reads as text as it is written', () => {
    for (const text of [
      'Bakker & Zn',
      'Don Peppers & Martha Rogers',
      'R&D, Q&A, a && b, &&',
      'Acme (NL) B.V.! Really?',
      'a < b, a <= b, 5 > 3, <3',
      'snake_case and 2_000_000',
      '+31 20 123 4567, 50% off, "quoted", it’s',
      'C:\\temp\\file.txt',
      'ticket #123 and C# and 10:30',
    ]) {
      expect(escapeMarkdown(text)).toBe(text);
    }
  });

  it('escapes & only where it would start a character reference', () => {
    expect(escapeMarkdown('&lt;b&gt; & <b>')).toBe('&amp;lt;b&amp;gt; & \\<b>');
    expect(escapeMarkdown('AT&T; &#60; &#x3C; &amp')).toBe(
      'AT&amp;T; &amp;#60; &amp;#x3C; &amp;amp',
    );
  });

  it('escapes inline markup, and a backslash before punctuation', () => {
    expect(escapeMarkdown('5 * 3 _em_ a_ ~~del~~ `x` [x](y) a|b \\* end\\')).toBe(
      '5 \\* 3 \\_em\\_ a\\_ \\~\\~del\\~\\~ \\`x\\` \\[x\\](y) a\\|b \\\\\\* end\\\\',
    );
  });

  it('drops bidi overrides and isolates, keeps right-to-left text', () => {
    expect(escapeMarkdown('abc\u202edef\u2066g\u2069 שלום')).toBe('abcdefg שלום');
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
