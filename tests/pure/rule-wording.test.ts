// The all-must-be-true rule has one wording per language, from the core's word table, and every
// place that states it uses that one: the interview, every report, the portfolio, `questionnaires
// show` (Markdown and plain text), the answers template and the questionnaire scaffold. Dutch
// quotes are Dutch („ja”).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE } from '../../src/core/language.js';
import type { Questionnaire } from '../../src/core/model.js';
import { renderHtml } from '../../src/core/render/html.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderQuestionnaireText } from '../../src/core/render/plain-text.js';
import {
  localizeQuestionnaire,
  renderQuestionnaireMarkdown,
} from '../../src/core/render/questionnaire.js';
import { renderSummaryHtml } from '../../src/core/render/summary-html.js';
import { renderSummaryMarkdown } from '../../src/core/render/summary.js';
import { summarize } from '../../src/core/summary.js';
import { renderQuestionnaireScaffold } from '../../src/core/scaffold.js';
import { renderTemplate } from '../../src/core/template.js';
import { textsFor } from '../../src/interactive/texts.js';
import { audit, root } from '../support/report-fixtures.js';

const builtin = (id: string) =>
  parse(readFileSync(join(root, 'questionnaires', id, '1.1.0.yaml'), 'utf8')) as Questionnaire;
const trustability = builtin('trustability');

/** Other wordings of the rule that trustcheck used to print, and straight quotes around an answer. */
const OTHER_WORDINGS =
  /ALL (of )?(its|the|statements)|ALLE (volgende )?uitspraken|must be true|moeten waar zijn|\*\*all\*\*|\*\*alle\*\*|passes only when|pas voldaan als|alles-moet-waar-zijn|"yes"|"ja"|'ja'/;

/** Every text in which trustcheck states the rule, in `language`. */
function everyStatement(language: 'en' | 'nl'): Record<string, string> {
  const report = audit({ 'renewal-warning': 'no' }, { language });
  const summary = summarize([report]);
  const shown = localizeQuestionnaire(trustability, language);
  return {
    interview: textsFor(language).rule,
    'report (Markdown)': renderMarkdown(report),
    'report (HTML)': renderHtml(report),
    'portfolio (Markdown)': renderSummaryMarkdown(summary),
    'portfolio (HTML)': renderSummaryHtml(summary),
    'questionnaires show (Markdown)': renderQuestionnaireMarkdown(shown),
    'questionnaires show (text)': renderQuestionnaireText(shown, 1000),
    template: renderTemplate([trustability], { language }),
    // its comments are English
    ...(language === 'en'
      ? { scaffold: renderQuestionnaireScaffold('supplier-check', undefined) }
      : {}),
  };
}

describe('the all-must-be-true rule', () => {
  it.each(['en', 'nl'] as const)('is worded one way in %s, wherever it is stated', (language) => {
    // a question's own help is the source's words, shown as the questionnaire has it
    const sourceWords = localizeQuestionnaire(trustability, language).sections.flatMap((s) =>
      s.help === null ? [] : [s.help],
    );
    expect(sourceWords.join(' ')).toMatch(OTHER_WORDINGS);
    for (const [where, text] of Object.entries(everyStatement(language))) {
      expect(text, where).toContain(RULE[language]);
      const ours = [RULE[language], ...sourceWords].reduce((t, w) => t.replaceAll(w, ''), text);
      expect(ours, where).not.toMatch(OTHER_WORDINGS);
    }
  });

  it('quotes an answer with the quotes of its language', () => {
    expect(RULE.en).toContain('“yes”');
    expect(RULE.nl).toContain('„ja”');
    for (const rule of Object.values(RULE)) expect(rule).not.toMatch(/["']/);
  });
});
