// What a report no longer holds (a statement removed, a questionnaire dropped) is named by its
// words in the baseline, in every format a person reads; without the baseline, by its ids.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { renderGithub } from '../../src/core/render/github.js';
import { renderHtml } from '../../src/core/render/html.js';
import { renderJunit } from '../../src/core/render/junit.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { against, audit, without } from '../support/report-fixtures.js';

const text = (report: Report, id: string) =>
  report.questionnaires
    .flatMap((q) => q.sections.flatMap((s) => s.statements))
    .find((st) => st.id === id)!.text;
const title = (report: Report, id: string) => report.questionnaires.find((q) => q.id === id)!.title;

describe.each(['en', 'nl'])('in %s', (language) => {
  const baseline = audit({}, { language });
  // a statement true in the baseline is gone (a regression), and so is a questionnaire
  const gone = against(
    baseline,
    without(without(audit({}, { language }), 'renewal-warning'), 'transparantie-apk'),
  );
  const renewal = text(baseline, 'renewal-warning');
  const apk = title(baseline, 'transparantie-apk');
  const options = { failOn: 'regression' as const, baseline };

  it('Markdown names them by their words, with the ids beside', () => {
    const md = renderMarkdown(gone, options);
    expect(md).toContain(`- ${renewal} (\`trustability.economic-interests.renewal-warning\`)`);
    expect(md).toContain(`- ${apk} (\`transparantie-apk\`)`);
    // without the baseline, the ids
    const bare = renderMarkdown(gone);
    expect(bare).toContain('- `trustability.economic-interests.renewal-warning`');
    expect(bare).toContain('- `transparantie-apk`');
  });

  it('HTML names them by their words, with the ids beside', () => {
    const page = renderHtml(gone, options);
    expect(page).toMatch(
      new RegExp(
        `${renewal.slice(0, 40)}[^<]*<span class="id">trustability\\.economic-interests\\.renewal-warning</span>`,
      ),
    );
    expect(page).toMatch(new RegExp(`${apk}\\s*<span class="id">transparantie-apk</span>`));
  });

  it('JUnit says them in words in the failure message', () => {
    const xml = renderJunit(gone, options);
    expect(xml).toContain(`“${renewal}”`);
    expect(xml).toContain(`“${apk}”`);
    expect(renderJunit(gone, { failOn: 'regression' })).toContain(
      'trustability.economic-interests.renewal-warning',
    );
  });

  it('GitHub annotates each of them, in words', () => {
    const lines = renderGithub(gone, options).split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(`“${renewal}”`);
    expect(errors[1]).toContain(`title=${apk}`);
    expect(errors[1]).toContain(`“${apk}”`);
  });
});

describe('GitHub annotations beyond ten', () => {
  it('sum up the rest in the audit’s language', () => {
    const all = Object.fromEntries(
      audit({}).questionnaires.flatMap((q) =>
        q.sections.flatMap((s) => s.statements.map((st) => [st.id, 'no'])),
      ),
    );
    const dutch = renderGithub(audit(all, { language: 'nl' }));
    expect(dutch).toMatch(/::error title=nog 27::/);
    expect(dutch).toContain('::group::trustcheck: alle bevindingen');
    const english = renderGithub(audit(all));
    expect(english).toMatch(/::error title=27 more::/);
    expect(english).toContain('::group::trustcheck: every finding');
  });
});
