// The questionnaire `trustcheck questionnaires new ID` scaffolds: a small, valid example of
// every feature of the format, to be edited.
import { QUESTIONNAIRE_FORMAT } from './formats.js';
import { RULE } from './language.js';

/** `schemaRef`: the `$schema` reference for editors; no such line when undefined. */
export function renderQuestionnaireScaffold(id: string, schemaRef: string | undefined): string {
  const title = id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  const modeline = schemaRef === undefined ? '' : `# yaml-language-server: $schema=${schemaRef}\n`;
  return `${modeline}# A custom trustcheck questionnaire. Check it with: trustcheck questionnaires validate ${id}.yaml
# Every text is either one plain text (for all languages) or a map with one text per language.
# Versioning: a change of wording is a patch (1.0.1), a new statement a minor (1.1.0), a removed
# or re-meant statement a major (2.0.0). Ids are kebab-case and stable forever.
format: ${QUESTIONNAIRE_FORMAT}
id: ${id}
version: 0.1.0
languages: [en, nl] # the first is the default
rule: all-must-be-true
title:
  en: ${JSON.stringify(title)}
  nl: ${JSON.stringify(title)}
description:
  en: "What this questionnaire checks, and for whom."
  nl: "Wat deze vragenlijst controleert, en voor wie."
source: "Where the questions come from (an article, a policy, a standard)."
sections:
  # A section is a question. ${RULE.en}
  - id: first-question
    title:
      en: "Do you keep your customers informed?"
      nl: "Houd je je klanten op de hoogte?"
    statements:
      - id: first-statement
        text:
          en: "You tell customers about a price change before it takes effect."
          nl: "Je vertelt klanten over een prijswijziging voordat die ingaat."
        help:
          en: "What counts: an email or letter at least 30 days ahead."
          nl: "Wat telt: een e-mail of brief minstens 30 dagen vooraf."
        remedy:
          en: "Add a price-change notice to the billing calendar."
          nl: "Zet een aankondiging van prijswijzigingen in de factuurkalender."
      - id: second-statement
        text:
          en: "You remind customers before a contract renews automatically."
          nl: "Je herinnert klanten eraan voordat een contract automatisch wordt verlengd."
        allowNotApplicable: true # lets an answer be "na", with a note
`;
}
