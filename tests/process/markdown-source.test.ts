// Markdown is read as source too (a git diff, a terminal, `| less`): what the built program
// writes shows a subject or a source as it was written, escaping only what Markdown would
// misread, and a GFM renderer shows the same text.
import { join } from 'node:path';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('Markdown source', () => {
  it('questionnaires show names the source as it is written', () => {
    const result = run(['questionnaires', 'show', 'trustability@1.0.0']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '\nSource: Don Peppers & Martha Rogers, Extreme Trust; Fast Company, "So You Think Your Customers Trust You? 5 Reasons To Think Again"\n',
    );
    expect(result.stdout).not.toContain('&amp;');
  });

  it('an audit of Bakker & Zn has it in its title, in the source and rendered', () => {
    const answers = join(dir, 'answers.yaml');
    expect(run(['init', answers, '-q', 'trustability', '--subject', 'Bakker & Zn']).code).toBe(0);
    write(
      answers,
      fillTemplate(read(answers)).replace(
        'competitor-referral: yes',
        'competitor-referral:\n          answer: no\n          note: "Write &amp; as &amp;amp; in HTML, and <b> as &lt;b&gt;"',
      ),
    );
    const report = join(dir, 'report.md');
    const result = run(['audit', '--answers', answers, '-o', report, '--fail-on', 'never']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = read(report);
    expect(markdown.split('\n')[0]).toBe('# Trustability test: Bakker & Zn, 2026-11-23');
    expect(markdown).toContain(
      '- Note: Write &amp;amp; as &amp;amp;amp; in HTML, and \\<b> as &amp;lt;b&amp;gt;\n',
    );
    const html = marked.parse(markdown, { async: false });
    expect(html).toContain('<h1>Trustability test: Bakker &amp; Zn, 2026-11-23</h1>');
    // what the note says is what a reader of the rendered report sees
    expect(html).toContain(
      'Note: Write &amp;amp; as &amp;amp;amp; in HTML, and &lt;b&gt; as &amp;lt;b&amp;gt;',
    );
  });
});
