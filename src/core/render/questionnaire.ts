// A questionnaire as readers see it (`trustcheck questionnaires show`): localized, as Markdown
// or as a plain JSON document (and as plain text for a terminal: plain-text.ts).
import type { Questionnaire } from '../model.js';
import { localize, pickLanguage } from '../questionnaire.js';
import { pick, RULE } from '../language.js';
import { escapeMarkdown } from './markdown-escape.js';

export interface LocalizedQuestionnaire {
  id: string;
  version: string;
  language: string;
  title: string;
  description: string | null;
  source: string | null;
  rule: string;
  sections: {
    id: string;
    title: string;
    help: string | null;
    statements: {
      id: string;
      text: string;
      help: string | null;
      remedy: string | null;
      allowNotApplicable: boolean;
    }[];
  }[];
}

export function localizeQuestionnaire(
  q: Questionnaire,
  wanted: string | undefined,
): LocalizedQuestionnaire {
  const language = pickLanguage(q, wanted);
  const fallback = q.languages[0];
  const text = (t: Parameters<typeof localize>[0]) => localize(t, language, fallback) ?? null;
  return {
    id: q.id,
    version: q.version,
    language,
    title: text(q.title) ?? q.id,
    description: text(q.description),
    source: q.source ?? null,
    rule: q.rule,
    sections: q.sections.map((s) => ({
      id: s.id,
      title: text(s.title) ?? s.id,
      help: text(s.help),
      statements: s.statements.map((st) => ({
        id: st.id,
        text: text(st.text) ?? st.id,
        help: text(st.help),
        remedy: text(st.remedy),
        allowNotApplicable: st.allowNotApplicable === true,
      })),
    })),
  };
}

export const QUESTIONNAIRE_LABELS = {
  en: {
    rule: RULE.en,
    source: 'Source',
    remedy: 'Remedy',
    na: 'may be answered N/A',
    version: 'version',
  },
  nl: {
    rule: RULE.nl,
    source: 'Bron',
    remedy: 'Oplossing',
    na: 'mag met n.v.t. beantwoord worden',
    version: 'versie',
  },
} as const;

export function renderQuestionnaireMarkdown(q: LocalizedQuestionnaire): string {
  const l = pick<(typeof QUESTIONNAIRE_LABELS)[keyof typeof QUESTIONNAIRE_LABELS]>(
    QUESTIONNAIRE_LABELS,
    q.language,
  );
  const out: string[] = [`# ${escapeMarkdown(q.title)} (${q.id}@${q.version})`, ''];
  if (q.description !== null) out.push(escapeMarkdown(q.description), '');
  if (q.source !== null) out.push(`${l.source}: ${escapeMarkdown(q.source)}`, '');
  out.push(l.rule, '');
  q.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${escapeMarkdown(section.title)}`, '');
    out.push(
      `\`${section.id}\`${section.help === null ? '' : ` ${escapeMarkdown(section.help)}`}`,
      '',
    );
    for (const st of section.statements) {
      const na = st.allowNotApplicable ? ` (${l.na})` : '';
      out.push(`- \`${st.id}\`: ${escapeMarkdown(st.text)}${na}`);
      if (st.help !== null) out.push(`  - ${escapeMarkdown(st.help)}`);
      if (st.remedy !== null) out.push(`  - ${l.remedy}: ${escapeMarkdown(st.remedy)}`);
    }
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}
