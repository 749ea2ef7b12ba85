// The Markdown and HTML renderers on reports scored from the built-in questionnaires: structure
// (parsed by a GFM renderer), markdownlint, and hostile user text coming out inert.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { summarize } from '../../src/core/summary.js';
import { renderSummaryMarkdown } from '../../src/core/render/summary.js';
import { html, raw } from '../../src/core/render/html-template.js';
import { renderHtml } from '../../src/core/render/html.js';
import { dated, scrollable } from '../../src/core/render/html-page.js';
import { render, renderAsync } from '../../src/index.js';
import { renderComparisonMarkdown, renderMarkdown } from '../../src/core/render/markdown.js';
import { renderSummaryHtml } from '../../src/core/render/summary-html.js';
import { escapeMarkdown } from '../../src/core/render/markdown-escape.js';
import { audit } from '../support/report-fixtures.js';
import { markdownlint } from '../support/markdownlint.js';

const hostile = 'Evil <script>alert(1)</script> "quoted" & </style> | `tick` # x';

const failing = {
  'renewal-warning': { answer: 'no', note: hostile, evidence: `Ticket ${hostile}` },
  'unclaimed-entitlements': { answer: 'na', note: `Soon over: ${hostile}`, until: '2027-01-15' },
  'competitor-referral': { answer: 'no', note: 'Not allowed by sales.' },
};
const report = audit(failing, { subject: `Acme ${hostile}`, date: '2026-11-23' });
const reportNl = audit(failing, { subject: `Acme ${hostile}`, language: 'nl' });
const baseline = audit({ 'no-paid-reviews': 'no' }, { date: '2026-05-01' });
const withBaseline = audit({ 'say-sorry': 'no' }, { baseline });
const noRegressions = audit(
  { 'competitor-referral': 'no' },
  {
    baseline: audit(
      { 'competitor-referral': 'no', 'no-paid-reviews': 'no' },
      { date: '2026-05-01' },
    ),
  },
);

// a portfolio whose latest report is Dutch: Acme in English in May, in Dutch in November (with
// one statement now untrue and one now true); Initech in English only, a few days earlier
const portfolioNl = [
  audit({ 'say-sorry': 'no' }, { date: '2026-05-01' }),
  audit({ 'renewal-warning': 'no' }, { date: '2026-11-23', language: 'nl' }),
  audit(
    { 'renewal-warning': 'no', 'no-paid-reviews': 'no' },
    { subject: 'Initech', date: '2026-11-20' },
  ),
];

const titles = (r: Report) => r.questionnaires.flatMap((q) => q.sections.map((s) => s.title));

const dir = mkdtempSync(join(tmpdir(), 'trustcheck-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lintAll(files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const lint = markdownlint(dir, Object.keys(files));
  expect(lint.output).toMatch(new RegExp(`^Linting: ${Object.keys(files).length} files$`, 'm'));
  return lint.problems;
}

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [
    t,
    ...flatten(
      ((t as { tokens?: Token[] }).tokens ?? []).concat(
        ((t as Tokens.List).items ?? []) as Token[],
      ),
    ),
  ]);
}

function h2s(md: string): { tokens: Token[]; at: number[] } {
  const tokens = new Lexer({ gfm: true }).lex(md);
  const at = tokens.flatMap((t, i) =>
    t.type === 'heading' && (t as Tokens.Heading).depth === 2 ? [i] : [],
  );
  return { tokens, at };
}

function headingText(t: Token | undefined): string {
  return (t as Tokens.Heading).text;
}

/** The tokens under the level-2 heading whose text starts with `heading`. */
function part(md: string, heading: string): Token[] {
  const { tokens, at } = h2s(md);
  const start = at.find((i) => headingText(tokens[i]).startsWith(heading)) ?? -1;
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const end = at.find((i) => i > start) ?? -1;
  return tokens.slice(start + 1, end === -1 ? undefined : end);
}

/** Markup with its white space collapsed, as a browser reads it. */
const collapse = (markup: string) => markup.replace(/\s+/g, ' ');

describe('Markdown report', () => {
  const md = renderMarkdown(report);

  it('passes markdownlint (MD013 aside), in both languages, with and without a baseline', () => {
    const problems = lintAll({
      'en.md': md,
      'nl.md': renderMarkdown(reportNl),
      'baseline.md': renderMarkdown(withBaseline),
      'no-regressions.md': renderMarkdown(noRegressions),
      'diff.md': renderComparisonMarkdown(withBaseline.comparison!, withBaseline),
      'summary.md': renderSummaryMarkdown(summarize([report, withBaseline, baseline])),
      'summary-nl.md': renderSummaryMarkdown(summarize(portfolioNl)),
      'summary-empty.md': renderSummaryMarkdown(summarize([noRegressions])),
    });
    expect(problems).toEqual([]);
  });

  it('names what was audited and the verdict first; no hard-wrapped prose', () => {
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^# Trustability test and Transparency check-up: Acme Evil /);
    expect(lines[0]).toMatch(/, 2026-11-23$/);
    expect(lines[2]).toMatch(/^\*\*Audit verdict: Failed\*\*/);
    // a paragraph is one line: no line of prose continues the one before
    const tokens = new Lexer({ gfm: true }).lex(md).filter((t) => t.type === 'paragraph');
    for (const t of tokens) expect(t.raw.trim(), t.raw).not.toContain('\n');
  });

  it('has a table with every question in words, with its verdict and count', () => {
    const table = part(md, 'Every question').find((t) => t.type === 'table') as Tokens.Table;
    expect(table).toBeDefined();
    expect(table.rows).toHaveLength(10);
    const cells = table.rows.map((r) => r.map((c) => c.text));
    for (const title of titles(report)) {
      expect(
        cells.some((row) => row[1]!.startsWith(title.replace(/[()]/g, '\\$&'))),
        title,
      ).toBe(true);
    }
    expect(cells[0]).toEqual([
      '1.1',
      'Do you proactively protect your customers’ economic interests in their dealings with you? (`trustability.economic-interests`)',
      '**FAIL**',
      '4/6',
    ]);
  });

  it('lists the actions early, the exemptions with note, until and a flag within 90 days', () => {
    const { tokens, at } = h2s(md);
    const headings = at.map((i) => headingText(tokens[i]));
    expect(headings).toEqual([
      'What to do',
      'Every question',
      'What is not true',
      'Exempt (not applicable)',
      'Appendix: every answer',
    ]);
    const actions = part(md, 'What to do').find((t) => t.type === 'list') as Tokens.List;
    expect(actions.items).toHaveLength(2);
    expect(actions.items[0]!.text).toMatch(/^Send every customer a notice/);
    const exempt = part(md, 'Exempt').find((t) => t.type === 'list') as Tokens.List;
    expect(exempt.items).toHaveLength(1);
    expect(exempt.items[0]!.text).toContain('Soon over: Evil \\<script>');
    expect(exempt.items[0]!.text).toContain('(until 2027-01-15) **expires in 53 days**');
  });

  it('has an appendix with every answer, evidence included', () => {
    const tables = part(md, 'Appendix').filter((t) => t.type === 'table') as Tokens.Table[];
    expect(tables.flatMap((t) => t.rows)).toHaveLength(36);
    expect(md).toContain('| yes |');
    expect(md).toContain('Ticket Evil \\<script>');
  });

  it('makes hostile text inert: no raw HTML, no heading or list from user text', () => {
    const html = flatten(new Lexer({ gfm: true }).lex(md)).filter((t) => t.type === 'html');
    expect(html).toEqual([]);
    // every < of a tag is escaped
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/(?<!\\)<\/style/);
    expect(md).toContain(
      'Evil \\<script>alert(1)\\</script> "quoted" & \\</style> \\| \\`tick\\` # x',
    );
  });

  it('with a baseline says the regressions first, and that none is not a failure', () => {
    const b = renderMarkdown(withBaseline);
    expect(b.split('\n')[4]).toBe(
      '**1 regression against the baseline of 2026-05-01:** listed first below.',
    );
    expect(b.indexOf('## Changes since 2026-05-01')).toBeLessThan(b.indexOf('## What to do'));
    const n = renderMarkdown(noRegressions);
    expect(n).toContain('**Audit verdict: Failed**');
    expect(n).toContain('**No regressions against the baseline of 2026-05-01:**');
    expect(n.indexOf('## Changes since')).toBeGreaterThan(n.indexOf('## What to do'));
  });

  it('is entirely in Dutch for a Dutch report', () => {
    const nl = renderMarkdown(reportNl);
    expect(nl.split('\n')[0]).toMatch(/^# Betrouwbaarheidstest en Transparantie APK: /);
    for (const word of [
      'Wat te doen',
      'Alle vragen',
      'Vrijgesteld (niet van toepassing)',
      'Bijlage: alle antwoorden',
      'verloopt over 53 dagen',
    ]) {
      expect(nl).toContain(word);
    }
    expect(nl).not.toMatch(
      /\b(What|Question|Statement|Answer|Evidence|Remedy|Exempt|Appendix|until|yes)\b/,
    );
  });

  it('says why an na does not count: expired, or not allowed', () => {
    const r = audit(
      {
        'unclaimed-entitlements': { answer: 'na', note: 'Old.', until: '2026-11-01' },
        'say-sorry': { answer: 'na', note: 'Never.', until: '2027-01-01' },
      },
      { date: '2026-11-23' },
    );
    const text = renderMarkdown(r);
    expect(text).toContain('(`unclaimed-entitlements`, N/A expired on 2026-11-01)');
    expect(text).toContain('(`say-sorry`, N/A without a valid note, or not allowed here)');
    // a date is a <time>, which never breaks after a hyphen
    expect(collapse(renderHtml(r))).toContain(
      'N/A expired on <time datetime="2026-11-01">2026-11-01</time>',
    );
  });

  it('diff Markdown starts with a top-level heading', () => {
    expect(renderComparisonMarkdown(withBaseline.comparison!, withBaseline)).toMatch(
      /^# Changes since 2026-05-01\n/,
    );
  });
});

describe('HTML', () => {
  const page = collapse(renderHtml(report));

  it('escapes every interpolated value by default, and raw() only on request', () => {
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="Evil &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;/style&gt; | `tick` # x">Evil &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;/style&gt; | `tick` # x</p>',
    );
    expect(html`${[html`<b>${'<i>'}</b>`, null, false, 3]}${raw('<hr>')}`.value).toBe(
      '<b>&lt;i&gt;</b>3<hr>',
    );
  });

  it('is one document with lang, title, description, icon, viewport and inline style, no script', () => {
    expect(page).toMatch(/^<!doctype html> <html lang="en">/);
    expect(page).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    );
    expect(page).toMatch(
      /<title>Trustability test and Transparency check-up: Acme Evil &lt;script&gt;/,
    );
    expect(page.match(/<script/g)).toBeNull();
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).toContain(
      '<meta name="description" content="Trustability test and Transparency check-up of Acme Evil &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;/style&gt; | `tick` # x, 2026-11-23: failed.',
    );
    // the one address in the page is its icon, inline
    const icon = /<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,[^"<>]+" \/>/;
    expect(page).toMatch(icon);
    expect(page.replace(icon, '')).not.toMatch(/(src|href)=|url\((?!#)|@import/);
    expect(renderHtml(reportNl)).toMatch(/^<!doctype html>\n<html lang="nl">/);
  });

  it('has an accessible chart per questionnaire and a table of every question', () => {
    expect(page.match(/<svg [^>]*role="img" aria-labelledby="c\d-t c\d-d"/g)).toHaveLength(2);
    for (const title of titles(report)) {
      expect(page).toContain(title.replace(/’/g, '’'));
    }
    expect(page.match(/<th scope="col">/g)!.length).toBeGreaterThan(10);
    expect(page).toContain('✗ 4/6 FAIL');
    expect(page).toContain('⚠ expires in 53 days');
  });

  it('describes itself in the report’s language', () => {
    expect(collapse(renderHtml(reportNl))).toMatch(
      /<meta name="description" content="Betrouwbaarheidstest en Transparantie APK van Acme Evil &lt;script&gt;[^"]*, \d{4}-\d{2}-\d{2}: niet voldaan\. \d+ van 10 vragen voldaan, \d+ van 36 uitspraken waar\." \/>/,
    );
  });

  it('makes each date a <time>, escaping the text around it', () => {
    expect(dated('<b> on 2026-11-23, not 12026-11-230 or 2026-1-2').value).toBe(
      '&lt;b&gt; on <time datetime="2026-11-23">2026-11-23</time>, not 12026-11-230 or 2026-1-2',
    );
    expect(dated('2026-05-01 to 2026-11-23').value).toBe(
      '<time datetime="2026-05-01">2026-05-01</time> to <time datetime="2026-11-23">2026-11-23</time>',
    );
  });

  it('puts a wide table in a named region the keyboard reaches, with a cue when asked', () => {
    const region = scrollable('h', html`<table></table>`, 'Scroll <sideways>').value;
    expect(collapse(region)).toBe(
      '<p class="scroll-hint">Scroll &lt;sideways&gt;</p> <div class="scroll" role="region" aria-labelledby="h" tabindex="0"><table></table></div>',
    );
    expect(scrollable('h', html`<table></table>`).value).not.toContain('scroll-hint');
  });

  it('shows what changed since a baseline', () => {
    const b = collapse(renderHtml(withBaseline));
    expect(b).toContain(
      '1 regression against the baseline of <time datetime="2026-05-01">2026-05-01</time>',
    );
    expect(b).toContain('▲1');
    expect(b).toContain('▼1');
  });

  it('is reached through renderAsync(), not through the synchronous render()', async () => {
    await expect(renderAsync(report, 'html')).resolves.toBe(renderHtml(report));
    // @ts-expect-error: the synchronous render does not take html, whose renderer loads on demand
    expect(() => render(report, 'html')).toThrow(/loaded on first use/);
  });
});

describe('portfolio', () => {
  const summary = summarize([report, withBaseline, baseline, audit({}, { subject: 'Initech' })]);

  it('is a heat map of subjects × questions with each subject’s trend, in words', () => {
    const page = collapse(renderSummaryHtml(summary));
    expect(page).toMatch(/^<!doctype html> <html lang="en">/);
    expect(page.match(/<script/g)).toBeNull();
    expect(page).toContain('<table class="matrix">');
    // three subjects, ten questions
    expect(page.match(/<tr> ?<th scope="row">/g)).toHaveLength(6);
    expect(page.match(/class="cell (pass|fail)"/g)!.length).toBe(30 + 2);
    for (const title of titles(report)) expect(page).toContain(title);
    expect(page).toContain('Acme Evil &lt;script&gt;');
    expect(page.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
    expect(page).toContain('You warn customers before automatically renewing');
  });
});

describe('portfolio summary in words', () => {
  const summary = summarize(portfolioNl);
  const nl = portfolioNl[1]!;
  const en = portfolioNl[0]!;
  const textOf = (r: Report, id: string) =>
    r.questionnaires
      .flatMap((q) => q.sections.flatMap((s) => s.statements))
      .find((st) => st.id === id)!.text;

  it('is written in the latest report’s language, with that report’s texts only', () => {
    expect(summary.language).toBe('nl');
    expect(summary.columnTitles).toEqual(titles(nl));
    expect(titles(nl)).not.toEqual(titles(en)); // the reports do word them differently
    const renewal = summary.mostCommonFailures.find((f) =>
      f.statement.endsWith('.renewal-warning'),
    )!;
    // two subjects fail it; Initech's English report does not lend it its words
    expect(renewal.subjects).toBe(2);
    expect(renewal.text).toBe(textOf(nl, 'renewal-warning'));
    expect(renewal.text).not.toBe(textOf(en, 'renewal-warning'));
    const paid = summary.mostCommonFailures.find((f) => f.statement.endsWith('.no-paid-reviews'))!;
    expect(paid.text).toBe(textOf(nl, 'no-paid-reviews'));
  });

  it('lists improvements next to regressions, in md, json, csv headers and html', () => {
    expect(summary.regressions.map((r) => r.statement)).toEqual([
      'trustability.economic-interests.renewal-warning',
    ]);
    expect(summary.improvements.map((r) => r.statement)).toEqual([
      'transparantie-apk.admit-mistakes.say-sorry',
    ]);
    expect(summary.improvements[0]).toMatchObject({
      subject: 'Acme B.V.',
      from: '2026-05-01',
      to: '2026-11-23',
      text: textOf(nl, 'say-sorry'),
    });
    const md = renderSummaryMarkdown(summary);
    expect(md).toMatch(/^# Betrouwbaarheidsportfolio\n/);
    const improvements = part(md, 'Verbetering tussen rapporten');
    expect(collapse(JSON.stringify(improvements))).toContain('2026-05-01 tot 2026-11-23');
    expect(md).toContain(`- Acme B.V.: ${textOf(nl, 'say-sorry')}`);
    expect(md).toContain(`- Acme B.V.: ${textOf(nl, 'renewal-warning')}`);
    const page = collapse(renderSummaryHtml(summary));
    expect(page).toContain('<h2>Verbetering tussen rapporten</h2>');
    expect(page).toContain(textOf(nl, 'say-sorry'));
  });

  it('heads its columns so that they need no lookup: a legend right under the table', () => {
    const md = renderSummaryMarkdown(summary);
    const lines = md.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| Organisatie |'));
    expect(lines[header]).toContain('| 1.1 | 1.2 |');
    expect(lines[header]).not.toMatch(/\| S\d/);
    const end = lines.findIndex((l, i) => i > header && !l.startsWith('|'));
    expect(lines.slice(end, end + 4)).toEqual([
      '',
      'Vragen:',
      '',
      `- 1.1: ${escapeMarkdown(titles(nl)[0]!)} (\`trustability.economic-interests\`)`,
    ]);
    // one questionnaire: its questions are numbered alone
    const one = { ...report, questionnaires: report.questionnaires.slice(0, 1) };
    expect(renderSummaryMarkdown(summarize([one]))).toContain('| 1 | 2 | 3 | 4 | 5 |');
  });

  it('counts in words that agree with the number, in both languages', () => {
    const one = summarize([noRegressions]);
    expect(renderSummaryMarkdown(one)).toContain('1 subject, 1 report.');
    expect(renderSummaryMarkdown(summarize([{ ...noRegressions, language: 'nl' }]))).toContain(
      '1 organisatie, 1 rapport.',
    );
    expect(renderSummaryMarkdown(one)).toMatch(/\(1 subject; /);
    expect(renderSummaryMarkdown(summary)).toContain('(2 organisaties; ');
  });
});
