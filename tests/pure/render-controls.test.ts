// No report format passes on a control character or a bidi override from an input: whatever a
// questionnaire or a baseline report holds, the Markdown, HTML, JUnit, GitHub annotations, CSV
// and JSON are safe to print on a terminal or show in a viewer. JSON keeps the same data: each
// such character is written as its \u escape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { renderGithub } from '../../src/core/render/github.js';
import { renderHtml } from '../../src/core/render/html.js';
import { renderJson } from '../../src/core/render/json.js';
import { renderJunit } from '../../src/core/render/junit.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import {
  renderSummaryCsv,
  renderSummaryJson,
  renderSummaryMarkdown,
} from '../../src/core/render/summary.js';
import { renderSummaryHtml } from '../../src/core/render/summary-html.js';
import { Portfolio } from '../../src/core/summary.js';
import { against, audit, without } from '../support/report-fixtures.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ATTACK = 'x\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil\u2066\u0000\u007f';

/** A failing report of both built-ins whose every text holds `text`, against a baseline that does too. */
function hostile(text: string): { report: Report; baseline: Report } {
  const poison = (r: Report): Report => ({
    ...r,
    subject: `Acme ${text}`,
    assessor: text,
    questionnaires: r.questionnaires.map((q) => ({
      ...q,
      title: `${q.title} ${text}`,
      sections: q.sections.map((s) => ({
        ...s,
        title: `${s.title} ${text}`,
        statements: s.statements.map((st) => ({
          ...st,
          text: `${st.text} ${text}`,
          note: text,
          evidence: text,
          remedy: text,
        })),
      })),
    })),
  });
  const baseline = poison(audit({}));
  // regressions of every kind: a statement no longer true, one gone, a questionnaire gone
  const current = poison(
    without(without(audit({ 'renewal-warning': 'no' }), 'warranty-expiry'), 'transparantie-apk'),
  );
  return { report: against(baseline, current), baseline };
}

function everyFormat(text: string): Record<string, string> {
  const { report, baseline } = hostile(text);
  const options = { failOn: 'regression' as const, baseline };
  const portfolio = new Portfolio();
  portfolio.add(baseline);
  portfolio.add({ ...report, date: '2026-12-01' });
  const summary = portfolio.summary();
  return {
    md: renderMarkdown(report, options),
    html: renderHtml(report, options),
    junit: renderJunit(report, options),
    github: renderGithub(report, options),
    json: renderJson(report),
    'summary md': renderSummaryMarkdown(summary),
    'summary html': renderSummaryHtml(summary),
    'summary csv': renderSummaryCsv(summary),
    'summary json': renderSummaryJson(summary),
  };
}

describe('control characters and bidi overrides from inputs', () => {
  it.each(Object.keys(everyFormat('')))('%s holds none', (format) => {
    const out = everyFormat(ATTACK)[format]!;
    expect(out).not.toMatch(UNSAFE);
    // the words around them are still there
    expect(out).toMatch(/PWNED/);
  });

  it('none in any format, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        for (const out of Object.values(everyFormat(text))) expect(out).not.toMatch(UNSAFE);
      }),
      { numRuns: 60 },
    );
  });

  it.each(Object.keys(everyFormat('')).filter((f) => f !== 'summary csv'))(
    '%s gives a CI runner no command that the text wrote',
    (format) => {
      const out = everyFormat('\n  ::add-mask::secret\n##[error]forged')[format]!;
      for (const line of out.split('\n')) {
        // trustcheck's own commands: the runner reads them as such, and their data as text
        if (format === 'github' && /^::(error|notice) |^::(end)?group::/.test(line)) continue;
        expect(line).not.toMatch(/^\s*::|##\[/);
      }
    },
  );

  it('no line of the GitHub annotations is a workflow command that the text wrote', () => {
    const { report, baseline } = hostile('\n::add-mask::secret\r::error::forged\u2028::warning::x');
    const lines = renderGithub(report, { failOn: 'regression', baseline }).split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^(?!::)|^::(error|notice) |^::group::|^::endgroup::$/);
    }
    expect(lines.some((l) => l.includes('forged'))).toBe(true);
  });

  it('JSON keeps them, escaped: the same data for a reader', () => {
    const json = renderJson(hostile(ATTACK).report);
    expect(json).toContain('\\u009b31m\\u202eevil\\u2066\\u0000\\u007f');
    expect((JSON.parse(json) as Report).assessor).toBe(ATTACK);
  });
});
